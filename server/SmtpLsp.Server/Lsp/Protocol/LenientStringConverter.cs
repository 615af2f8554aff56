using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpLsp.Server.Lsp.Protocol;

/// <summary>
/// Reads a field other servers may fill with anything: a diagnostic's <c>code</c> (integer or string in LSP) or its
/// <c>data</c>, which a client sends back in a code action's context with other servers' diagnostics beside ours.
/// A string stays a string, a number becomes its text, anything else is skipped as null; written as a string.
/// </summary>
public sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}

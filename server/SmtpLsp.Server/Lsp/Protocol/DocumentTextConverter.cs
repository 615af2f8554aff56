using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpLsp.Server.Lsp.Protocol;

/// <summary>
/// Reads a document text (didOpen, didChange): a JSON string as usual, or the placeholder
/// <c>{"$smtpLspStashedText": id}</c> that <see cref="LspFrameSanitizer"/> puts where it already decoded a large text.
/// Written as a plain string.
/// </summary>
public sealed class DocumentTextConverter : JsonConverter<string>
{
    public const string PlaceholderProperty = "$smtpLspStashedText";

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString()!;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected a string, got {reader.TokenType}.");
        long? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isId = reader.ValueTextEquals(PlaceholderProperty);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)) id = value;
            else reader.Skip();
        }
        return id is { } key && LargeTextStash.Take(key) is { } text
            ? text
            : throw new JsonException("Expected a string, got an object.");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

using System.Text.Json;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Reads settings JSON leniently: keys present override the current values, absent keys keep them, and a value of
/// the wrong type is reported and ignored rather than failing the whole update.
/// </summary>
public static class ServerSettingsReader
{
    public const string Section = "smtpLsp";

    /// <param name="json">Either the section itself or an object holding it under <c>smtpLsp</c>.</param>
    public static ServerSettings Merge(ServerSettings current, JsonElement? json, List<string> problems)
    {
        if (json is not { ValueKind: JsonValueKind.Object } root) return current;
        if (root.TryGetProperty(Section, out var section))
        {
            if (section.ValueKind != JsonValueKind.Object) return current;
            root = section;
        }

        var result = current;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "schemaPath":
                    if (value.ValueKind is JsonValueKind.Null) result = result with { SchemaPath = null };
                    else if (value.ValueKind is JsonValueKind.String)
                        result = result with { SchemaPath = string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString() };
                    else problems.Add("schemaPath must be a string");
                    break;
                case "exchangeHints":
                    if (TryBool(value, out bool exchange)) result = result with { ExchangeHints = exchange };
                    else problems.Add("exchangeHints must be true or false");
                    break;
                case "inlayHints":
                    if (TryBool(value, out bool inlay)) result = result with { InlayHints = inlay };
                    else problems.Add("inlayHints must be true or false");
                    break;
                case "diagnosticsDebounceMs":
                    if (value.ValueKind is JsonValueKind.Number && value.TryGetInt32(out int ms) && ms >= 0)
                        result = result with { DiagnosticsDebounceMs = Math.Min(ms, 60_000) };
                    else problems.Add("diagnosticsDebounceMs must be a whole number of milliseconds, 0 or more");
                    break;
                case "maxDocumentSizeForFullAnalysis":
                    if (value.ValueKind is JsonValueKind.Number && value.TryGetInt32(out int size) && size >= 0)
                        result = result with { MaxDocumentSizeForFullAnalysis = size };
                    else problems.Add("maxDocumentSizeForFullAnalysis must be a whole number of characters, 0 or more");
                    break;
                case "forceMetabase":
                    result = ReadForceMetabase(result, value, problems);
                    break;
            }
        }
        return result;
    }

    private static ServerSettings ReadForceMetabase(ServerSettings settings, JsonElement value, List<string> problems)
    {
        if (TryBool(value, out bool all)) return settings with { ForceMetabaseAll = all, ForceMetabaseGlobs = [] };
        if (value.ValueKind is JsonValueKind.Null) return settings with { ForceMetabaseAll = false, ForceMetabaseGlobs = [] };
        if (value.ValueKind is JsonValueKind.Array)
        {
            var globs = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())) globs.Add(item.GetString()!);
                else problems.Add("forceMetabase globs must be non-empty strings");
            }
            return settings with { ForceMetabaseAll = false, ForceMetabaseGlobs = globs };
        }
        problems.Add("forceMetabase must be true, false or a list of URI globs");
        return settings;
    }

    private static bool TryBool(JsonElement value, out bool result)
    {
        result = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }
}

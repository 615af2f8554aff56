using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>MB4001 Custom without Name or ID, MB4002 Custom with a Type IIS does not know, MB4003 a property set twice.</summary>
internal static class CustomElementRules
{
    private static readonly string[] Types = ["DWORD", "STRING", "BINARY", "EXPANDSZ", "MULTISZ"];

    public static void Check(CustomProperty custom, ICollection<MetabaseDiagnostic> sink)
    {
        bool noName = string.IsNullOrWhiteSpace(custom.Name);
        bool noId = string.IsNullOrWhiteSpace(custom.IdText);
        if (noName || noId)
        {
            var missing = noName && noId ? "Name and ID" : noName ? "Name" : "ID";
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.CustomMissingNameOrId, DiagnosticSeverity.Error, custom.Element.NameSpan,
                $"<Custom> without {missing}; both Name and ID are required (for example Name=\"UnknownName_61537\" ID=\"61537\")."));
        }
        else if (custom.Id == null && custom.IdAttribute is { } idAttribute)
        {
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.CustomMissingNameOrId, DiagnosticSeverity.Error, idAttribute.ValueSpan,
                $"<Custom> ID {AnalysisText.Quote(idAttribute.RawValue)} is not a number; expected the property's numeric ID."));
        }

        if (custom.TypeAttribute is { } typeAttribute && Array.IndexOf(Types, custom.Type) < 0)
        {
            var type = custom.Type ?? "";
            var suggestions = NameSuggester.Closest(type, Types, 1);
            var span = typeAttribute.ValueSpan.Length > 0 ? typeAttribute.ValueSpan : typeAttribute.Span;
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.CustomUnknownType, DiagnosticSeverity.Error, span,
                $"<Custom> Type {AnalysisText.Quote(type)} is unknown; expected DWORD, STRING, BINARY, EXPANDSZ or MULTISZ." +
                AnalysisText.DidYouMean(suggestions))
            {
                FixData = suggestions.Count > 0 ? suggestions[0] : null,
            });
        }
    }

    /// <summary>
    /// The key's attribute properties by what identifies a property in the metabase, its ID (the name where the
    /// catalog has none): what the key's &lt;Custom&gt; elements are compared with.
    /// </summary>
    public static Dictionary<string, string> AttributeProperties(MetabaseKey key, MetabaseCatalog catalog)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var element = key.Element;
        for (int i = 0; i < element.AttributeCount; i++)
        {
            string name = element.AttributeAt(i).Name;
            if (MetabaseKey.IsLocationName(name)) continue;
            properties.TryAdd(catalog.FindProperty(name)?.Id is { } id ? IdKey(id) : name, "as the attribute " + name);
        }
        return properties;
    }

    /// <summary>
    /// IIS writes each property of a key once, as an attribute or, when its attributes differ from the schema's, as a
    /// &lt;Custom&gt;, and a property is its ID: a file with both, or two &lt;Custom&gt; of one ID, was edited by hand, and
    /// which one IIS reads is not documented. <paramref name="seen"/> holds the key's attribute properties and earlier
    /// &lt;Custom&gt; elements, and takes this one.
    /// </summary>
    public static void CheckSetTwice(CustomProperty custom, Dictionary<string, string> seen, ICollection<MetabaseDiagnostic> sink)
    {
        string? identity = custom.Id is { } id ? IdKey(id) : string.IsNullOrWhiteSpace(custom.Name) ? null : custom.Name;
        if (identity == null || MetabaseKey.IsLocationName(custom.Name ?? "")) return;
        if (seen.TryAdd(identity, $"by an earlier <Custom> ({custom.Name})")) return;
        var span = (custom.IdAttribute ?? custom.NameAttribute)!.ValueSpan;
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.PropertySetTwice, DiagnosticSeverity.Warning, span,
            $"{AnalysisText.Quote(custom.Name ?? "")}{(custom.Id is { } n ? $" (ID {n})" : "")} is set twice on this key: {seen[identity]} and by this " +
            "<Custom>; IIS writes a property once, and which of the two it reads is not documented. Expected one of them removed."));
    }

    private static string IdKey(int id) => "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

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
    /// IIS writes each property of a key once, as an attribute or, when its attributes differ from the schema's, as a
    /// &lt;Custom&gt;; a file with both, or two &lt;Custom&gt; of one name, was edited by hand, and which one IIS reads is
    /// not documented. <paramref name="seen"/> holds the names of the key's earlier &lt;Custom&gt; elements.
    /// </summary>
    public static void CheckSetTwice(CustomProperty custom, HashSet<string> seen, ICollection<MetabaseDiagnostic> sink)
    {
        if (custom.NameAttribute is not { } nameAttribute || string.IsNullOrWhiteSpace(custom.Name)) return;
        string name = custom.Name;
        string? where = !seen.Add(name) ? "by an earlier <Custom>"
            : custom.Key.Element.IndexOfAttribute(name) >= 0 ? "as an attribute of the key" : null;
        if (where == null) return;
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.PropertySetTwice, DiagnosticSeverity.Warning, nameAttribute.ValueSpan,
            $"{AnalysisText.Quote(name)} is set twice on this key: {where} and by this <Custom>; IIS writes a property once, and which " +
            "of the two it reads is not documented. Expected one of them removed."));
    }
}

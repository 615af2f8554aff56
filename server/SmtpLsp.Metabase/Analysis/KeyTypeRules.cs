using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>MB2001: the element name of a key must be a key type of the schema (case-sensitive).</summary>
internal static class KeyTypeRules
{
    /// <summary>The key's type, or null (reported) when the schema has none of that name.</summary>
    public static KeyTypeInfo? Check(MetabaseKey key, CatalogLookups lookups, ICollection<MetabaseDiagnostic> sink)
    {
        var name = key.KeyType;
        var keyType = lookups.Catalog.FindKeyType(name);
        if (keyType != null) return keyType;

        var suggestions = lookups.SuggestKeyType(name);
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.UnknownKeyType, DiagnosticSeverity.Error, key.Element.NameSpan,
            $"Unknown key type {AnalysisText.Quote(name)}; the element name must be a key type of the schema, such as 'IIsSmtpServer'." +
            AnalysisText.DidYouMean(suggestions))
        {
            FixData = suggestions.Count > 0 ? suggestions[0] : null,
        });
        return null;
    }
}

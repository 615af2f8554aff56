using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>MB3001 unknown property, MB3002 property the key type does not allow.</summary>
internal static class PropertyNameRules
{
    private const int MaxKeyTypesNamed = 3;

    /// <summary>The schema property, or null when the name is not one (then its value is not checked).</summary>
    public static PropertyInfo? Check(AttributeView attribute, KeyTypeInfo? keyType, CatalogLookups lookups, PropertyNameCache names,
        ICollection<MetabaseDiagnostic> sink)
    {
        var info = names.Find(attribute);
        var name = attribute.Name;
        if (info == null)
        {
            // Key-type attributes outside the pool (KeyType, MD_1001) are still fine where the schema lists them.
            if (keyType != null && keyType.AllowsProperty(name)) return null;
            var suggestions = lookups.SuggestProperty(name);
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Error, attribute.NameSpan,
                $"Unknown property {AnalysisText.Quote(name)}; it is not in the schema (names are case-sensitive)." +
                AnalysisText.DidYouMean(suggestions) +
                (suggestions.Count == 0 ? " Properties the schema does not know belong in a <Custom> element." : ""))
            {
                FixData = suggestions.Count > 0 ? suggestions[0] : null,
            });
            return null;
        }

        if (keyType != null && !keyType.AllowsProperty(info))
        {
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.PropertyNotAllowed, DiagnosticSeverity.Warning, attribute.NameSpan,
                $"Property {AnalysisText.Quote(name)} is not allowed on {keyType.Name} keys; {AllowedOnText(info)}"));
        }
        return info;
    }

    private static string AllowedOnText(PropertyInfo info)
    {
        var named = new List<string>(MaxKeyTypesNamed);
        int total = 0;
        foreach (var keyType in info.AllowedOn)
        {
            // The generic pool type allows everything; naming it would not help.
            if (keyType == "IIsConfigObject") continue;
            total++;
            if (named.Count < MaxKeyTypesNamed) named.Add(keyType);
        }
        if (total == 0) return "no key type of the schema allows it.";
        var more = total > named.Count ? $" and {total - named.Count} more" : "";
        return $"it is allowed on {string.Join(", ", named)}{more}.";
    }
}

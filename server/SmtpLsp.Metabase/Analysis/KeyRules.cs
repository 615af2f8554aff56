using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Rules that need only one key: its type, its Location attribute, its properties and its Custom elements. They never
/// look at other keys, so a changed key can be re-analysed alone.
/// </summary>
public static class KeyRules
{
    public static void Analyze(MetabaseKey key, MetabaseCatalog catalog, ICollection<MetabaseDiagnostic> sink) =>
        Analyze(key, CatalogLookups.For(catalog), sink);

    internal static void Analyze(MetabaseKey key, CatalogLookups lookups, ICollection<MetabaseDiagnostic> sink)
    {
        var keyType = KeyTypeRules.Check(key, lookups, sink);
        MissingLocationRules.Check(key, sink);
        var properties = key.Properties;
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var info = PropertyNameRules.Check(property, keyType, lookups, sink);
            // A missing or unterminated value is already a syntax error; judging the half-typed text would repeat it.
            if (info != null && property.Attribute.HasValue && property.Attribute.IsValueTerminated)
                PropertyValueRules.Check(property, info, sink);
        }
        var custom = key.CustomProperties;
        for (int i = 0; i < custom.Count; i++) CustomElementRules.Check(custom[i], sink);
    }
}

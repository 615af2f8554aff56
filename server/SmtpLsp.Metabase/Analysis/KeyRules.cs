using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Rules that need only one key: its type, its Location attribute, its properties and its Custom elements. They never
/// look at other keys, so a changed key can be re-analysed alone.
/// </summary>
public static class KeyRules
{
    public static void Analyze(MetabaseKey key, MetabaseCatalog catalog, ICollection<MetabaseDiagnostic> sink)
    {
        var lookups = CatalogLookups.For(catalog);
        Analyze(key, lookups, new PropertyNameCache(lookups.Catalog), sink);
    }

    /// <summary>
    /// Reads the key's element directly (attributes and Custom children), so no model object is made per property;
    /// <paramref name="names"/> belongs to the calling thread.
    /// </summary>
    internal static void Analyze(MetabaseKey key, CatalogLookups lookups, PropertyNameCache names, ICollection<MetabaseDiagnostic> sink)
    {
        var keyType = KeyTypeRules.Check(key, lookups, sink);
        MissingLocationRules.Check(key, sink);
        var element = key.Element;
        for (int i = 0; i < element.AttributeCount; i++)
        {
            var attribute = element.AttributeAt(i);
            // Location is the key's path, not a property (MetabaseKey.Properties leaves it out too).
            if (names.IsLocation(attribute)) continue;
            var info = PropertyNameRules.Check(attribute, keyType, lookups, names, sink);
            // A missing or unterminated value is already a syntax error; judging the half-typed text would repeat it.
            if (info != null && attribute.HasValue && attribute.IsValueTerminated)
                PropertyValueRules.Check(attribute, info, sink);
        }
        var children = element.Children;
        Dictionary<string, string>? properties = null;
        for (int i = 0; i < children.Count; i++)
        {
            // A short-lived view: the key's own CustomProperties list is only built when a feature asks for it.
            if (!MetabaseKey.IsCustomName(children[i].Name)) continue;
            var custom = new CustomProperty(key, children[i]);
            CustomElementRules.Check(custom, sink);
            CustomElementRules.CheckSetTwice(custom, properties ??= CustomElementRules.AttributeProperties(key, lookups.Catalog), sink);
        }
    }
}

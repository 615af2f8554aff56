using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Catalog property lookups for one analysis run, keyed by the attribute name's string instance: the parser interns
/// names, so each distinct name is hashed by content once and then found by reference. Not thread-safe: one per worker.
/// </summary>
internal sealed class PropertyNameCache
{
    // A hostile file can have any number of distinct names; past this they are looked up in the catalog each time.
    private const int MaxEntries = 4096;

    private readonly MetabaseCatalog _catalog;
    private readonly Dictionary<string, PropertyInfo?> _byInstance = new(ReferenceEqualityComparer.Instance);

    public PropertyNameCache(MetabaseCatalog catalog) => _catalog = catalog;

    public PropertyInfo? Find(string name)
    {
        if (_byInstance.TryGetValue(name, out var info)) return info;
        info = _catalog.FindProperty(name);
        if (_byInstance.Count < MaxEntries) _byInstance[name] = info;
        return info;
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// What the rules need from a catalog, computed once per catalog: name lists for suggestions and a cache of
/// suggestions, so a file with thousands of the same typo pays for one search.
/// </summary>
internal sealed class CatalogLookups
{
    private const int MaxCachedSuggestions = 4096;
    private static readonly ConditionalWeakTable<MetabaseCatalog, CatalogLookups> Cache = new();

    private readonly NameIndex _propertyNames;
    private readonly NameIndex _keyTypeNames;
    private readonly ConcurrentDictionary<string, string[]> _propertySuggestions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _keyTypeSuggestions = new(StringComparer.Ordinal);

    private CatalogLookups(MetabaseCatalog catalog)
    {
        Catalog = catalog;
        _propertyNames = catalog.PropertyNameIndex;
        _keyTypeNames = catalog.KeyTypeNameIndex;
    }

    public MetabaseCatalog Catalog { get; }

    public static CatalogLookups For(MetabaseCatalog catalog) => Cache.GetValue(catalog, c => new CatalogLookups(c));

    public IReadOnlyList<string> SuggestProperty(string name) => Suggest(_propertySuggestions, name, _propertyNames);

    /// <summary>A half-typed name that starts exactly one key type completes to it; otherwise the closest names.</summary>
    public IReadOnlyList<string> SuggestKeyType(string name)
    {
        string? completion = null;
        foreach (var candidate in _keyTypeNames.Names)
        {
            if (candidate.Length <= name.Length || !candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (completion != null) { completion = null; break; }
            completion = candidate;
        }
        return completion != null ? [completion] : Suggest(_keyTypeSuggestions, name, _keyTypeNames);
    }

    private static string[] Suggest(ConcurrentDictionary<string, string[]> cache, string name, NameIndex candidates)
    {
        if (cache.TryGetValue(name, out var hit)) return hit;
        var found = NameSuggester.Closest(name, candidates, 3).ToArray();
        if (cache.Count < MaxCachedSuggestions) cache.TryAdd(name, found);
        return found;
    }
}

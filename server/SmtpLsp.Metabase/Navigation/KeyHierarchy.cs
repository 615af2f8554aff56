using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>
/// The key tree by Location: each key hangs under its nearest existing ancestor key (so /LM/SmtpSvc/1/Domain/x
/// nests under /LM/SmtpSvc/1/Domain even when /LM/SmtpSvc/1/Domain/x's parent path has no key). Keys without a
/// Location, or with no ancestor key, are roots. With a duplicated Location the first key is the parent.
/// </summary>
public sealed class KeyHierarchy
{
    private static readonly MetabaseKey[] None = [];
    private readonly Dictionary<MetabaseKey, MetabaseKey> _parent = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MetabaseKey, List<MetabaseKey>> _children = new(ReferenceEqualityComparer.Instance);

    private KeyHierarchy(MetabaseModel model)
    {
        var roots = new List<MetabaseKey>();
        foreach (var key in model.Keys)
        {
            var parent = NearestAncestor(model, key);
            if (parent == null) { roots.Add(key); continue; }
            _parent[key] = parent;
            if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = [];
            list.Add(key);
        }
        Roots = roots;
    }

    public static KeyHierarchy Build(MetabaseModel model) => new(model);

    /// <summary>Keys with no ancestor key, in document order.</summary>
    public IReadOnlyList<MetabaseKey> Roots { get; }

    public MetabaseKey? ParentOf(MetabaseKey key) => _parent.GetValueOrDefault(key);

    /// <summary>Keys whose nearest ancestor key is this one, in document order.</summary>
    public IReadOnlyList<MetabaseKey> ChildrenOf(MetabaseKey key) => _children.TryGetValue(key, out var list) ? list : None;

    private static MetabaseKey? NearestAncestor(MetabaseModel model, MetabaseKey key)
    {
        // On spans of the text: this runs for every key, and Location is cut as a new string on each call.
        if (!key.HasLocation) return null;
        var path = key.LocationText;
        while (LocationPath.TryGetParent(path, out var parent))
        {
            if (model.CountByLocation(parent).First is { } first) return first;
            path = parent;
        }
        return null;
    }
}

using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>
/// The key tree by Location: each key hangs under its nearest existing ancestor key (so /LM/SmtpSvc/1/Domain/x
/// nests under /LM/SmtpSvc/1/Domain even when /LM/SmtpSvc/1/Domain/x's parent path has no key). Keys without a
/// Location, or with no ancestor key, are roots. With a duplicated Location the first key is the parent.
/// </summary>
/// <remarks>
/// Built once per model and kept with it. Most keys have a key at their parent path, and the model's own parent index
/// already lists those, so building only looks each key's parent path up once (no allocation) and remembers the rest:
/// roots, and keys that skip a missing level. A request then costs what it returns, not the size of the document.
/// </remarks>
public sealed class KeyHierarchy
{
    private static readonly MetabaseKey[] None = [];
    private static readonly ConditionalWeakTable<MetabaseModel, KeyHierarchy> PerModel = new();

    private readonly MetabaseModel _model;
    // Keys whose parent path has no key (or is not spelt the way the model's parent index files it), by the key
    // they hang under instead, in document order.
    private readonly Dictionary<MetabaseKey, List<MetabaseKey>> _adopted = new(ReferenceEqualityComparer.Instance);

    private KeyHierarchy(MetabaseModel model)
    {
        _model = model;
        // ChildrenOf reads the model's parent index, built on first use: build it with the hierarchy, so preparing
        // features ahead of time keeps its cost out of the first outline request. On a large model it is built beside
        // this pass (31 and 15 ms of CPU on 50 MB): the first outline after opening a document waits for both.
        var keys = model.Keys;
        var childIndex = keys.Count >= ParallelFromKeys ? Task.Run(() => model.GetChildren(keys[0])) : null;
        var roots = new List<MetabaseKey>();
        // Most keys' parents were seen on the branch the model build walked (no lookup needed); the index answers
        // for the rest.
        for (int k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            if (!key.HasLocation || !LocationPath.TryGetParent(key.LocationText, out var parentPath)) { roots.Add(key); continue; }
            if (IsListedByModel(parentPath) && (model.ParentListedBefore(k) || model.CountByLocation(parentPath).Count > 0)) continue;
            var parent = NearestAncestor(model, key.ParentLocation);
            if (parent == null) { roots.Add(key); continue; }
            if (!_adopted.TryGetValue(parent, out var list)) _adopted[parent] = list = [];
            list.Add(key);
        }
        Roots = roots;
        if (childIndex != null) childIndex.GetAwaiter().GetResult();
        else if (keys.Count > 0) _ = model.GetChildren(keys[0]);
    }

    // Below this many keys the parent index is built on the same thread (a few milliseconds at most).
    private const int ParallelFromKeys = 20_000;

    /// <summary>The hierarchy of this model, made on first use and reused while the model lives.</summary>
    public static KeyHierarchy Build(MetabaseModel model) => PerModel.GetValue(model, static m => new KeyHierarchy(m));

    /// <summary>True once <see cref="Build"/> has made the hierarchy of this model.</summary>
    public static bool IsBuilt(MetabaseModel model) => PerModel.TryGetValue(model, out _);

    /// <summary>Keys with no ancestor key, in document order.</summary>
    public IReadOnlyList<MetabaseKey> Roots { get; }

    public MetabaseKey? ParentOf(MetabaseKey key) => NearestAncestor(_model, key.ParentLocation);

    /// <summary>Keys whose nearest ancestor key is this one, in document order.</summary>
    public IReadOnlyList<MetabaseKey> ChildrenOf(MetabaseKey key)
    {
        if (key.Location == null) return None;
        var atLocation = _model.FindByLocation(key.Location);
        if (atLocation.Count == 0 || !ReferenceEquals(atLocation[0], key)) return None; // a duplicate: children go to the first
        var direct = _model.GetChildren(key);
        if (!_adopted.TryGetValue(key, out var adopted)) return direct;
        return Merge(direct, adopted);
    }

    /// <summary>
    /// The children of this key (the first at its Location) whose parent path has no key, or is not spelt as the
    /// model's parent index files it, in document order: of its children, the only ones that can stand more than one
    /// level below it.
    /// </summary>
    internal IReadOnlyList<MetabaseKey> AdoptedBy(MetabaseKey key) => _adopted.TryGetValue(key, out var adopted) ? adopted : None;

    /// <summary>
    /// Whether the model's parent index files a key with this parent path under the key at that path: it looks up the
    /// path as given, the key's Location normalised, so a parent path with a trailing slash ("/LM/" from "/LM//x")
    /// is not found there.
    /// </summary>
    private static bool IsListedByModel(ReadOnlySpan<char> parentPath) => parentPath.Length <= 1 || parentPath[^1] != '/';

    /// <summary>
    /// The first key at the nearest of these paths that has one: a key's parent in the tree, from its parent path.
    /// Reads no hierarchy, so navigation after keystrokes asks it of the keys now without building one.
    /// </summary>
    internal static MetabaseKey? NearestAncestor(MetabaseModel model, string? path)
    {
        for (; path != null; path = LocationPath.GetParent(path))
        {
            if (model.CountByLocation(path).First is { } first) return first;
        }
        return null;
    }

    /// <summary>Two lists in document order into one: keys are in pre-order, so their element starts increase.</summary>
    private static List<MetabaseKey> Merge(IReadOnlyList<MetabaseKey> a, List<MetabaseKey> b)
    {
        var merged = new List<MetabaseKey>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
            merged.Add(a[i].Element.Span.Start <= b[j].Element.Span.Start ? a[i++] : b[j++]);
        while (i < a.Count) merged.Add(a[i++]);
        while (j < b.Count) merged.Add(b[j++]);
        return merged;
    }
}

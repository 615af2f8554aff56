using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Model;

/// <summary>
/// The keys of a metabase with a Location index. Built from any tree, however broken: keys are the elements under
/// configuration/MBProperty (the parser ends a key where another starts, so keys do not nest; a tree made otherwise
/// still has any element but Custom inside a key collected as a key).
/// </summary>
public sealed class MetabaseModel
{
    private static readonly MetabaseKey[] NoKeys = [];
    // What the model build hints ahead of each key: the element name and a usual Location.
    private const int LocationChars = 256;

    // Built on first use: per-key rules do not need it, so a full analysis builds it on the cross-key rules' thread
    // while the per-key rules run.
    private LocationIndex? _byLocation;
    // Keys whose parent path is the Location of a key before them on the branch the build walked (see
    // ParentListedBefore); null when no key is.
    private readonly System.Collections.BitArray? _parentListedBefore;
    // Only GetChildren needs it (navigation features), so it is built on first use.
    private ChildIndex? _children;
    // For a model over keys of several trees (see FromKeys): how far each key stands now from where its tree has it,
    // and its keys by Location.
    private readonly Func<MetabaseKey, int>? _shiftOf;
    private readonly ILocationCounts? _counts;
    // Built on first use by ParentFacts (only after an edit changed a Location).
    private StrongBox<(int[], System.Collections.BitArray)>? _parentFacts;

    private MetabaseModel(SyntaxTree tree, IReadOnlyList<MetabaseKey> keys, System.Collections.BitArray? parentListedBefore = null,
        Func<MetabaseKey, int>? shiftOf = null, ILocationCounts? counts = null)
    {
        Tree = tree;
        Keys = keys;
        _parentListedBefore = parentListedBefore;
        _shiftOf = shiftOf;
        _counts = counts;
    }

    /// <summary>
    /// A model over the keys of <paramref name="earlier"/> with runs of them replaced by keys of other trees (key
    /// elements parsed alone since, edited, added or removed; <paramref name="renumbering"/> says which), so the
    /// cross-key rules can run after an edit without a whole parse. <paramref name="keys"/> are the keys now, in
    /// order; <paramref name="shiftOf"/> gives how far a key now stands from where its own tree has it; the rules
    /// report through <see cref="Place"/>. Only the cross-key rules' members are meant for such a model, not
    /// <see cref="Tree"/>.
    /// </summary>
    internal static MetabaseModel FromKeys(MetabaseModel earlier, IReadOnlyList<MetabaseKey> keys, KeyRenumbering renumbering,
        System.Collections.BitArray? parentListedBefore, Func<MetabaseKey, int> shiftOf) =>
        new(earlier.Tree, keys, parentListedBefore, shiftOf, new EditedLocationIndex(earlier.ByLocation, earlier.Keys, renumbering, keys));

    /// <summary>A span of this key's text where the key now stands (the span itself, but in a model made by <see cref="FromKeys"/>).</summary>
    internal TextSpan Place(MetabaseKey key, TextSpan span) =>
        _shiftOf == null ? span : new TextSpan(span.Start + _shiftOf(key), span.Length);

    /// <summary>True for a model made by <see cref="FromKeys"/>: its keys stand in several trees, placed by <see cref="Place"/>.</summary>
    internal bool IsEdited => _shiftOf != null;

    /// <summary>How far this key now stands from where its tree has it: 0 but in a model made by <see cref="FromKeys"/>.</summary>
    internal int ShiftOf(MetabaseKey key) => _shiftOf == null ? 0 : _shiftOf(key);

    public SyntaxTree Tree { get; }

    /// <summary>True when two keys share a Location; the duplicate rule skips its pass otherwise.</summary>
    internal bool HasDuplicateLocations => Counts.HasDuplicates;

    /// <summary>The numbers of the keys whose Location another key shares, ascending.</summary>
    internal IReadOnlyList<int> DuplicatedKeys() => Counts.DuplicatedKeys();

    private ILocationCounts Counts => _counts ?? ByLocation;

    private LocationIndex ByLocation
    {
        get
        {
            var index = Volatile.Read(ref _byLocation);
            if (index != null) return index;
            index = new LocationIndex(Keys);
            return Interlocked.CompareExchange(ref _byLocation, index, null) ?? index;
        }
    }

    /// <summary>Every key in document order.</summary>
    public IReadOnlyList<MetabaseKey> Keys { get; }

    public static MetabaseModel Build(SyntaxTree tree) => Build(tree, Analysis.KeyPartitions.DefaultMinItemsPerWorker);

    /// <summary>
    /// The same; keys are collected in parallel when a section has at least <paramref name="minElementsPerWorker"/>
    /// elements per worker (tests lower it to exercise the parallel path on small documents).
    /// </summary>
    internal static MetabaseModel Build(SyntaxTree tree, int minElementsPerWorker)
    {
        var root = tree.Root;
        if (root == null || root.Name != "configuration") return new MetabaseModel(tree, NoKeys);
        // Usually one key per element under MBProperty; nested keys grow the list past that.
        int expected = 0;
        foreach (var section in root.Children)
        {
            if (section.Name == "MBProperty") expected += section.Children.Count;
        }
        var keys = new List<MetabaseKey>(expected);
        var parentListedBefore = new List<bool>(expected);
        foreach (var section in root.Children)
        {
            if (section.Name != "MBProperty") continue;
            CollectAll(section.Children, keys, parentListedBefore, minElementsPerWorker);
        }
        return new MetabaseModel(tree, keys, new System.Collections.BitArray(parentListedBefore.ToArray()));
    }

    /// <summary>
    /// True when the key at <paramref name="keyNumber"/> has a key at its parent path (as <see cref="CountByLocation(ReadOnlySpan{char})"/>
    /// finds it) before it: seen while the keys were made, when their Locations were in cache anyway, so the parent
    /// rule reads no text for most keys. False means "not known": look it up.
    /// </summary>
    internal bool ParentListedBefore(int keyNumber) => _parentListedBefore != null && _parentListedBefore[keyNumber];

    /// <summary>
    /// For every key, the hash <see cref="LocationIndex"/> gives its parent path normalised (the path the parent rule
    /// looks up; 0 without one), and whether a key is at that path; made on first use. After an edit changed some
    /// Locations, the keys whose parent may have been one of them are those whose hash equals one of theirs; every
    /// other key's parent is where it was.
    /// </summary>
    internal (int[] Hashes, System.Collections.BitArray Exists) ParentFacts()
    {
        var facts = Volatile.Read(ref _parentFacts);
        if (facts != null) return facts.Value;
        var hashes = new int[Keys.Count];
        var exists = new System.Collections.BitArray(Keys.Count);
        for (int k = 0; k < hashes.Length; k++)
        {
            if (!Keys[k].HasLocation || !LocationPath.TryGetParent(Keys[k].LocationText, out var parent)) continue;
            hashes[k] = LocationIndex.Hash(LocationPath.Normalize(parent));
            exists[k] = ParentListedBefore(k) || CountByLocation(parent).Count > 0;
        }
        var made = new StrongBox<(int[], System.Collections.BitArray)>((hashes, exists));
        return (Interlocked.CompareExchange(ref _parentFacts, made, null) ?? made).Value;
    }

    /// <summary>
    /// The keys of these elements in document order, and for each whether its parent is listed before it (each range
    /// walks its own <see cref="LocationBranch"/>); a large section is collected on contiguous ranges in parallel
    /// (each key decodes and hashes its Location), joined in range order.
    /// </summary>
    private static void CollectAll(IReadOnlyList<ElementNode> elements, List<MetabaseKey> keys, List<bool> parentListedBefore,
        int minElementsPerWorker)
    {
        int workers = Analysis.KeyPartitions.WorkerCount(elements.Count, minElementsPerWorker);
        if (workers <= 1)
        {
            CollectRange(elements, 0, elements.Count, keys, parentListedBefore);
            return;
        }
        var perWorker = new (List<MetabaseKey> Keys, List<bool> Parents)[workers];
        Analysis.KeyPartitions.Run(elements.Count, workers, CancellationToken.None, (worker, start, end) =>
        {
            var local = (new List<MetabaseKey>(end - start), new List<bool>(end - start));
            CollectRange(elements, start, end, local.Item1, local.Item2);
            perWorker[worker] = local;
        });
        foreach (var (local, parents) in perWorker)
        {
            keys.AddRange(local);
            parentListedBefore.AddRange(parents);
        }
    }

    private static void CollectRange(IReadOnlyList<ElementNode> elements, int start, int end, List<MetabaseKey> keys, List<bool> parentListedBefore)
    {
        var branch = new LocationBranch();
        for (int i = start; i < end; i++)
        {
            int first = keys.Count;
            // A key's Location is usually its first attribute, right after the element name.
            if (i + TextPrefetch.KeysAhead < end) TextPrefetch.HintStartTag(elements[i + TextPrefetch.KeysAhead], LocationChars);
            Collect(elements[i], keys);
            for (int k = first; k < keys.Count; k++)
            {
                var key = keys[k];
                branch.Enter(key);
                parentListedBefore.Add(key.HasLocation && LocationPath.TryGetParent(key.LocationText, out var parent)
                                       && branch.Contains(LocationPath.Normalize(parent)));
            }
        }
    }

    /// <summary>Keys at this Location (case-insensitive, trailing slashes ignored); several when it is duplicated.</summary>
    public IReadOnlyList<MetabaseKey> FindByLocation(string location)
    {
        var path = LocationPath.Normalize(location.AsSpan());
        if (IsEdited) return FindEdited(path);
        int first = ByLocation.FindFirst(path);
        return first < 0 ? NoKeys : ByLocation.AllAt(first);
    }

    // A model made by FromKeys has its counts, not an index of every key (3 ms and more to make on 50 MB).
    private IReadOnlyList<MetabaseKey> FindEdited(ReadOnlySpan<char> path)
    {
        var (first, count) = _counts!.Find(path);
        if (count <= 1) return first < 0 ? NoKeys : [Keys[first]];
        var found = new List<MetabaseKey>(count);
        for (int k = first; k < Keys.Count && found.Count < count; k++)
        {
            var key = Keys[k];
            if (key.HasLocation && LocationPath.SamePath(LocationPath.Normalize(key.LocationText), path)) found.Add(key);
        }
        return found;
    }

    /// <summary>
    /// The first key at this Location and how many there are (0 and null when none), without making a list: the
    /// cross-key rules ask this for every key. <paramref name="location"/> need not be normalised.
    /// </summary>
    internal (MetabaseKey? First, int Count) CountByLocation(string location) => CountByLocation(location.AsSpan());

    /// <summary>The same for a path that is not a string yet (a parent path cut from a Location).</summary>
    internal (MetabaseKey? First, int Count) CountByLocation(ReadOnlySpan<char> location)
    {
        var (first, count) = Counts.Find(LocationPath.Normalize(location));
        return first < 0 ? (null, 0) : (Keys[first], count);
    }

    /// <summary>The (first) key at the parent path of this key's Location, or null when there is none.</summary>
    public MetabaseKey? GetParent(MetabaseKey key)
    {
        if (key.ParentLocation == null) return null;
        var parents = FindByLocation(key.ParentLocation);
        return parents.Count > 0 ? parents[0] : null;
    }

    /// <summary>Keys whose parent path is this key's Location, in document order.</summary>
    public IReadOnlyList<MetabaseKey> GetChildren(MetabaseKey key)
    {
        if (!key.HasLocation) return NoKeys;
        if (IsEdited) return KeysBelow(key, (_, parent) => LocationPath.SamePath(parent, LocationPath.Normalize(key.LocationText)));
        int first = ByLocation.FindFirst(LocationPath.Normalize(key.LocationText));
        return first < 0 ? NoKeys : Children().ChildrenOf(first);
    }

    /// <summary>
    /// The keys whose Location is below this key's and for which <paramref name="select"/> holds (given the key and
    /// its parent path as <see cref="LocationPath.TryGetParent"/> cuts it), in document order. A walk over every
    /// key, for a model made by <see cref="FromKeys"/>, which has no index of children: one comparison of a
    /// Location's start per key (10 to 27 ms on 50 MB) instead of indexing every key for one request (and a whole
    /// parse of the version, 0.1 to 0.3 s, before).
    /// </summary>
    internal List<MetabaseKey> KeysBelow(MetabaseKey key, Func<MetabaseKey, ReadOnlySpan<char>, bool> select)
    {
        var found = new List<MetabaseKey>();
        if (!key.HasLocation) return found;
        var path = LocationPath.Normalize(key.LocationMemory);
        foreach (var other in Keys)
        {
            if (!other.HasLocation || ReferenceEquals(other, key)) continue;
            var location = other.LocationText;
            // A parent path is a start of the Location: only keys whose Location starts with this path can be below it.
            if (!LocationPath.StartsWithPath(location, path.Span) || !LocationPath.TryGetParent(location, out var parent)) continue;
            if (parent.Length >= path.Length && select(other, parent)) found.Add(other);
        }
        return found;
    }

    /// <summary>The innermost key whose element contains the offset (its start tag, Custom children or end tag).</summary>
    public MetabaseKey? FindKeyAt(int offset)
    {
        if (IsEdited) return FindPlacedKeyAt(offset);
        for (var element = Tree.FindElementAt(offset); element != null; element = element.Parent)
        {
            if (FindKeyOf(element) is { } key) return key;
        }
        return null;
    }

    /// <summary>
    /// The same in a model made by <see cref="FromKeys"/>, whose keys stand in several trees: its keys are in document
    /// order where they now stand, and a key's element contains its Custom children (a key in a key, which only a
    /// tree made otherwise than by the parser has, is found when the offset lies in it or right after it).
    /// </summary>
    private MetabaseKey? FindPlacedKeyAt(int offset)
    {
        var keys = Keys;
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Place(keys[mid], keys[mid].Element.Span).Start <= offset) lo = mid + 1;
            else hi = mid;
        }
        // As the tree's lookup does: a half-typed tag can end exactly where the next key starts.
        for (int k = lo - 1; k >= 0 && k >= lo - 2; k--)
        {
            if (keys[k].Element.ContainsForLookup(offset - ShiftOf(keys[k]))) return keys[k];
        }
        return null;
    }

    /// <summary>
    /// The key made from this element, or null. Keys are collected in pre-order, so their elements' start offsets
    /// ascend and a binary search finds it (no per-element dictionary to hold).
    /// </summary>
    private MetabaseKey? FindKeyOf(ElementNode element)
    {
        int at = FirstKeyStartingAtOrAfter(element.Span.Start);
        return at < Keys.Count && ReferenceEquals(Keys[at].Element, element) ? Keys[at] : null;
    }

    /// <summary>The index of the first key whose element starts at or after the offset (Keys.Count when none).</summary>
    internal int FirstKeyStartingAtOrAfter(int offset)
    {
        var keys = Keys;
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].Element.Span.Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private ChildIndex Children()
    {
        var children = Volatile.Read(ref _children);
        if (children != null) return children;
        children = new ChildIndex(Keys, ByLocation);
        return Interlocked.CompareExchange(ref _children, children, null) ?? children;
    }

    /// <summary>The keys of a tree parsed from one key element's text (its root and the keys nested in it), or none.</summary>
    internal static List<MetabaseKey> KeysOf(SyntaxTree tree)
    {
        var keys = new List<MetabaseKey>();
        if (tree.Root is { } root) Collect(root, keys);
        return keys;
    }

    /// <summary>The key at this element and the keys nested in it, in document order (pre-order).</summary>
    internal static void Collect(ElementNode element, List<MetabaseKey> keys)
    {
        keys.Add(new MetabaseKey(element));
        // Keys nested in keys are rare: no stack is made for the usual key with only Custom children.
        Stack<ElementNode>? pending = null;
        PushNestedKeys(element, ref pending);
        // Iterative so a deeply nested (hostile) document cannot overflow the stack.
        while (pending is { Count: > 0 })
        {
            var current = pending.Pop();
            keys.Add(new MetabaseKey(current));
            PushNestedKeys(current, ref pending);
        }
    }

    /// <summary>Pushes the element's non-Custom children last first, so they pop in document order (pre-order).</summary>
    private static void PushNestedKeys(ElementNode element, ref Stack<ElementNode>? pending)
    {
        var children = element.Children;
        for (int i = children.Count - 1; i >= 0; i--)
        {
            if (!MetabaseKey.IsCustomName(children[i].Name)) (pending ??= new Stack<ElementNode>()).Push(children[i]);
        }
    }
}

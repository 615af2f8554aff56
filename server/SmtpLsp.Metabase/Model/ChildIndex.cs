namespace SmtpLsp.Metabase.Model;

/// <summary>
/// Keys grouped by the first key at their parent path, in document order: the children of every key as ranges of
/// one array (about 12 bytes per key), instead of a parent path string and a list per parent.
/// </summary>
internal sealed class ChildIndex
{
    private static readonly MetabaseKey[] None = [];

    private readonly MetabaseKey[] _children; // grouped by parent, document order within a group
    private readonly int[] _starts;           // key number -> start of its group; _starts[k + 1] ends it

    // Below this many keys one thread looks the parents up; above it, a lookup per key (31 ms on 50 MB) is shared out.
    private const int ParallelFromKeys = 20_000;
    private const int KeysPerRange = 16_384;

    public ChildIndex(IReadOnlyList<MetabaseKey> keys, LocationIndex locations)
        : this(keys, locations, ParallelFromKeys, KeysPerRange)
    {
    }

    /// <summary>Tests lower the thresholds to look parents up in parallel on small models.</summary>
    internal ChildIndex(IReadOnlyList<MetabaseKey> keys, LocationIndex locations, int parallelFromKeys, int keysPerRange)
    {
        var parentOf = new int[keys.Count];
        _starts = new int[keys.Count + 1];
        if (keys.Count < parallelFromKeys) FindParents(keys, locations, parentOf, 0, keys.Count);
        else Parallel.For(0, (keys.Count + keysPerRange - 1) / keysPerRange,
            range => FindParents(keys, locations, parentOf, range * keysPerRange, Math.Min(keys.Count, (range + 1) * keysPerRange)));
        for (int k = 0; k < keys.Count; k++)
        {
            if (parentOf[k] >= 0) _starts[parentOf[k] + 1]++;
        }
        for (int k = 0; k < keys.Count; k++) _starts[k + 1] += _starts[k];
        _children = new MetabaseKey[_starts[keys.Count]];
        var fill = (int[])_starts.Clone();
        for (int k = 0; k < keys.Count; k++)
        {
            if (parentOf[k] >= 0) _children[fill[parentOf[k]]++] = keys[k];
        }
    }

    /// <summary>The number of the first key at each key's parent path, or -1 where none is, for keys [start, end).</summary>
    private static void FindParents(IReadOnlyList<MetabaseKey> keys, LocationIndex locations, int[] parentOf, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            parentOf[k] = -1;
            // The parent path as GetParent gives it, looked up as written (not normalised), as the string index did.
            if (!keys[k].HasLocation || !LocationPath.TryGetParent(keys[k].LocationText, out var parent)) continue;
            parentOf[k] = locations.FindFirst(parent);
        }
    }

    /// <summary>The keys whose parent path leads to first key <paramref name="first"/>.</summary>
    public IReadOnlyList<MetabaseKey> ChildrenOf(int first)
    {
        int start = _starts[first], end = _starts[first + 1];
        return end == start ? None : new ArraySegment<MetabaseKey>(_children, start, end - start);
    }
}

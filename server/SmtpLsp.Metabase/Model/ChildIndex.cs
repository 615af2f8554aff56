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

    public ChildIndex(IReadOnlyList<MetabaseKey> keys, LocationIndex locations)
    {
        var parentOf = new int[keys.Count];
        _starts = new int[keys.Count + 1];
        for (int k = 0; k < keys.Count; k++)
        {
            parentOf[k] = -1;
            // The parent path as GetParent gives it, looked up as written (not normalised), as the string index did.
            if (!keys[k].HasLocation || !LocationPath.TryGetParent(keys[k].LocationText, out var parent)) continue;
            int first = locations.FindFirst(parent);
            if (first < 0) continue;
            parentOf[k] = first;
            _starts[first + 1]++;
        }
        for (int k = 0; k < keys.Count; k++) _starts[k + 1] += _starts[k];
        _children = new MetabaseKey[_starts[keys.Count]];
        var fill = (int[])_starts.Clone();
        for (int k = 0; k < keys.Count; k++)
        {
            if (parentOf[k] >= 0) _children[fill[parentOf[k]]++] = keys[k];
        }
    }

    /// <summary>The keys whose parent path leads to first key <paramref name="first"/>.</summary>
    public IReadOnlyList<MetabaseKey> ChildrenOf(int first)
    {
        int start = _starts[first], end = _starts[first + 1];
        return end == start ? None : new ArraySegment<MetabaseKey>(_children, start, end - start);
    }
}

namespace SmtpLsp.Metabase.Model;

/// <summary>
/// The Locations on the branch of the key tree that a walk over the keys in document order is on. Files list a key's
/// parent before it, so a parent path is usually on the branch, and comparing a few spans of text already in cache is
/// cheaper than hashing the path and probing the index. A miss is not an answer (the parent may come later, or on
/// another branch): ask the model's index then.
/// </summary>
internal sealed class LocationBranch
{
    // A hostile depth: past it the branch starts over, and the index answers instead.
    private const int MaxDepth = 64;

    private readonly List<ReadOnlyMemory<char>> _paths = new();

    /// <summary>Keeps the ancestors of this key's Location on the branch (by prefix), then adds the Location.</summary>
    public void Enter(MetabaseKey key)
    {
        if (!key.HasLocation) return;
        var location = LocationPath.Normalize(key.LocationMemory);
        if (location.IsEmpty) return; // Location="" is nobody's ancestor (and has no last character to look at)
        while (_paths.Count > 0 && !IsPrefixPath(_paths[^1].Span, location.Span)) _paths.RemoveAt(_paths.Count - 1);
        if (_paths.Count == MaxDepth) _paths.Clear();
        _paths.Add(location);
    }

    /// <summary>Whether a key on the branch is at this normalised path (case-insensitive): then the model has a key there.</summary>
    public bool Contains(ReadOnlySpan<char> normalizedPath)
    {
        for (int i = _paths.Count - 1; i >= 0; i--)
        {
            if (LocationPath.SamePath(_paths[i].Span, normalizedPath)) return true;
        }
        return false;
    }

    private static bool IsPrefixPath(ReadOnlySpan<char> ancestor, ReadOnlySpan<char> location) =>
        LocationPath.StartsWithPath(location, ancestor)
        && (location.Length == ancestor.Length || location[ancestor.Length] == '/' || ancestor[^1] == '/');
}

namespace SmtpLsp.Metabase.Model;

/// <summary>
/// Keys by Location (case-insensitive, trailing slashes ignored) without a string per key: an open-addressing table
/// of key numbers hashed over each key's Location as it stands in the text (decoded only when it holds an entity).
/// 8 to 16 bytes per key instead of a dictionary entry plus the Location string (about 120 bytes per key).
/// </summary>
internal sealed class LocationIndex : ILocationCounts
{
    private readonly IReadOnlyList<MetabaseKey> _keys;
    // Power-of-two size, linear probing. Each slot holds 1 + the number of the first key with that normalised Location
    // (0 is empty) beside the Location's hash, in one array so a probe touches one cache line, and a probe that meets
    // another path skips it without reading that key's text.
    private readonly Slot[] _slots;
    // Only duplicated Locations get a list (first key number -> every key number there, in document order).
    private readonly Dictionary<int, List<int>>? _duplicates;

    public LocationIndex(IReadOnlyList<MetabaseKey> keys)
    {
        _keys = keys;
        _slots = new Slot[TableSize(keys.Count)];
        int mask = _slots.Length - 1;
        for (int k = 0; k < keys.Count; k++)
        {
            if (!keys[k].HasLocation) continue;
            int hash = keys[k].LocationHash;
            int slot = hash & mask;
            while (true)
            {
                int entry = _slots[slot].KeyPlusOne;
                if (entry == 0)
                {
                    _slots[slot] = new Slot(k + 1, hash);
                    break;
                }
                // The text is read only when the hashes agree: a duplicate, or (rarely) two paths with the same hash.
                if (_slots[slot].Hash == hash && SameLocation(entry - 1, LocationPath.Normalize(keys[k].LocationText)))
                {
                    _duplicates ??= new Dictionary<int, List<int>>();
                    if (!_duplicates.TryGetValue(entry - 1, out var all)) _duplicates[entry - 1] = all = [entry - 1];
                    all.Add(k);
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    public bool HasDuplicates => _duplicates != null;

    /// <summary>The number of the first key at exactly this path (compared case-insensitively, not normalised), or -1.</summary>
    public int FindFirst(ReadOnlySpan<char> normalizedLocation)
    {
        int mask = _slots.Length - 1;
        int hash = Hash(normalizedLocation);
        int slot = hash & mask;
        while (true)
        {
            var at = _slots[slot];
            if (at.KeyPlusOne == 0) return -1;
            if (at.Hash == hash && SameLocation(at.KeyPlusOne - 1, normalizedLocation)) return at.KeyPlusOne - 1;
            slot = (slot + 1) & mask;
        }
    }

    public (int First, int Count) Find(ReadOnlySpan<char> normalizedLocation)
    {
        int first = FindFirst(normalizedLocation);
        return first < 0 ? (-1, 0) : (first, CountAt(first));
    }

    /// <summary>The numbers of every key at the Location of first key <paramref name="first"/>, in document order.</summary>
    public IReadOnlyList<int> NumbersAt(int first) =>
        _duplicates != null && _duplicates.TryGetValue(first, out var all) ? all : [first];

    public IReadOnlyList<int> DuplicatedKeys()
    {
        var numbers = new List<int>();
        if (_duplicates == null) return numbers;
        foreach (var all in _duplicates.Values) numbers.AddRange(all);
        numbers.Sort();
        return numbers;
    }

    /// <summary>The first key of each Location that several keys share.</summary>
    public IEnumerable<int> DuplicatedFirsts => _duplicates?.Keys ?? Enumerable.Empty<int>();

    /// <summary>How many keys share the Location of first key <paramref name="first"/>.</summary>
    public int CountAt(int first) => _duplicates != null && _duplicates.TryGetValue(first, out var all) ? all.Count : 1;

    /// <summary>Every key at the Location of first key <paramref name="first"/>, in document order.</summary>
    public MetabaseKey[] AllAt(int first)
    {
        if (_duplicates == null || !_duplicates.TryGetValue(first, out var all)) return [_keys[first]];
        var keys = new MetabaseKey[all.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = _keys[all[i]];
        return keys;
    }

    private bool SameLocation(int key, ReadOnlySpan<char> normalizedLocation) =>
        LocationPath.SamePath(LocationPath.Normalize(_keys[key].LocationText), normalizedLocation);

    private readonly record struct Slot(int KeyPlusOne, int Hash);

    internal static int Hash(ReadOnlySpan<char> location) => string.GetHashCode(location, StringComparison.OrdinalIgnoreCase);

    // At most three quarters full, so linear probes stay short.
    private static int TableSize(int count)
    {
        int size = 16;
        while (size < count + count / 3 + 1 && size < (1 << 30)) size <<= 1;
        return size;
    }
}

namespace SmtpLsp.Metabase.Model;

/// <summary>
/// Keys by Location for a model made from an earlier one by replacing runs of its keys (see
/// <see cref="MetabaseModel.FromKeys"/>): the earlier index without the replaced keys, renumbered, plus the
/// replacements. Asking it costs about what asking the earlier index does, and making it nothing, where indexing
/// every key again took 3 ms on 50 MB per keystroke.
/// </summary>
internal sealed class EditedLocationIndex : ILocationCounts
{
    private readonly LocationIndex _earlier;
    private readonly IReadOnlyList<MetabaseKey> _earlierKeys;
    private readonly KeyRenumbering _renumbering;
    // The replacements that have a Location (number now, normalised Location), by the Location's hash: a paste can
    // bring thousands, and the rules ask about each of them.
    private readonly Dictionary<int, List<(int Number, ReadOnlyMemory<char> Location)>> _replacements = new();
    // Made on first use: the duplicate rule asks whether there are any, then for the list.
    private List<int>? _duplicatedKeys;

    /// <param name="keys">The keys now, numbered as <paramref name="renumbering"/> has them.</param>
    public EditedLocationIndex(LocationIndex earlier, IReadOnlyList<MetabaseKey> earlierKeys, KeyRenumbering renumbering, IReadOnlyList<MetabaseKey> keys)
    {
        _earlier = earlier;
        _earlierKeys = earlierKeys;
        _renumbering = renumbering;
        foreach (var run in renumbering.Runs)
        {
            for (int number = run.NewStart; number < run.NewEnd; number++)
            {
                var key = keys[number];
                if (!key.HasLocation) continue;
                if (!_replacements.TryGetValue(key.LocationHash, out var sameHash)) _replacements[key.LocationHash] = sameHash = [];
                sameHash.Add((number, LocationPath.Normalize(key.LocationMemory)));
            }
        }
    }

    public (int First, int Count) Find(ReadOnlySpan<char> normalizedLocation)
    {
        int first = -1, count = 0;
        int earlierFirst = _earlier.FindFirst(normalizedLocation);
        if (earlierFirst >= 0)
        {
            foreach (int earlierNumber in _earlier.NumbersAt(earlierFirst))
            {
                if (_renumbering.IsReplaced(earlierNumber)) continue;
                int number = _renumbering.NumberNow(earlierNumber);
                count++;
                if (first < 0 || number < first) first = number;
            }
        }
        foreach (var (number, location) in ReplacementsWithHash(LocationIndex.Hash(normalizedLocation)))
        {
            if (!LocationPath.SamePath(location.Span, normalizedLocation)) continue;
            count++;
            if (first < 0 || number < first) first = number;
        }
        return (first, count);
    }

    /// <summary>True when two keys share a Location: <see cref="DuplicatedKeys"/> lists some.</summary>
    public bool HasDuplicates => DuplicatedKeys().Count > 0;

    /// <summary>
    /// The earlier duplicated Locations no replaced key was or is at, whole; and at each path a replaced key was or
    /// is at, the keys there now when there are several.
    /// </summary>
    public IReadOnlyList<int> DuplicatedKeys() => _duplicatedKeys ??= FindDuplicatedKeys();

    private List<int> FindDuplicatedKeys()
    {
        var numbers = new List<int>();
        var touched = TouchedPaths();
        foreach (int first in _earlier.DuplicatedFirsts)
        {
            if (touched.Contains(LocationPath.Normalize(_earlierKeys[first].LocationText).ToString())) continue;
            foreach (int number in _earlier.NumbersAt(first)) numbers.Add(_renumbering.NumberNow(number));
        }
        foreach (var path in touched)
        {
            int before = numbers.Count;
            int earlierFirst = _earlier.FindFirst(path);
            if (earlierFirst >= 0)
            {
                foreach (int number in _earlier.NumbersAt(earlierFirst))
                {
                    if (!_renumbering.IsReplaced(number)) numbers.Add(_renumbering.NumberNow(number));
                }
            }
            foreach (var (number, location) in ReplacementsWithHash(LocationIndex.Hash(path)))
            {
                if (LocationPath.SamePath(location.Span, path)) numbers.Add(number);
            }
            if (numbers.Count - before < 2) numbers.RemoveRange(before, numbers.Count - before);
        }
        numbers.Sort();
        return numbers;
    }

    /// <summary>The normalised Locations the replaced keys had and the replacements have.</summary>
    private HashSet<string> TouchedPaths()
    {
        var touched = new HashSet<string>(LocationPath.Comparer);
        foreach (var run in _renumbering.Runs)
        {
            for (int number = run.EarlierStart; number < run.EarlierEnd; number++)
            {
                var key = _earlierKeys[number];
                if (key.HasLocation) touched.Add(LocationPath.Normalize(key.LocationText).ToString());
            }
        }
        foreach (var sameHash in _replacements.Values)
        {
            foreach (var (_, location) in sameHash) touched.Add(location.ToString());
        }
        return touched;
    }

    private IReadOnlyList<(int Number, ReadOnlyMemory<char> Location)> ReplacementsWithHash(int hash) =>
        _replacements.TryGetValue(hash, out var sameHash) ? sameHash : [];
}

namespace SmtpLsp.Metabase.Model;

/// <summary>
/// How the keys of an earlier model map to those of a model made from it by replacing runs of its keys with runs of
/// other keys (edited, added or removed; see <see cref="MetabaseModel.FromKeys"/>): a key outside every run keeps its
/// place among the others, so its number moves by what the runs before it added or removed.
/// </summary>
internal sealed class KeyRenumbering
{
    private readonly KeyRun[] _runs;

    /// <param name="runs">Disjoint and in document order.</param>
    public KeyRenumbering(KeyRun[] runs) => _runs = runs;

    public IReadOnlyList<KeyRun> Runs => _runs;

    /// <summary>True when earlier key <paramref name="earlier"/> is in a run, so it has no number now.</summary>
    public bool IsReplaced(int earlier)
    {
        int run = LastRunStartingAtOrBefore(earlier);
        return run >= 0 && earlier < _runs[run].EarlierEnd;
    }

    /// <summary>The number now of earlier key <paramref name="earlier"/>, which is in no run.</summary>
    public int NumberNow(int earlier)
    {
        int run = LastRunStartingAtOrBefore(earlier);
        // Runs are few (the slots edited since the last whole parse), so their growth is summed here.
        int shift = 0;
        for (int i = 0; i <= run; i++) shift += _runs[i].Growth;
        return earlier + shift;
    }

    // The last run whose earlier keys start at or before the number (an empty run there counts: its keys come first).
    private int LastRunStartingAtOrBefore(int earlier)
    {
        int lo = 0, hi = _runs.Length - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_runs[mid].EarlierStart <= earlier) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best;
    }
}

/// <summary>Keys [NewStart, NewEnd) of the new model in place of keys [EarlierStart, EarlierEnd) of the earlier one.</summary>
internal readonly record struct KeyRun(int EarlierStart, int EarlierEnd, int NewStart, int NewEnd)
{
    public int Growth => NewEnd - NewStart - (EarlierEnd - EarlierStart);
}

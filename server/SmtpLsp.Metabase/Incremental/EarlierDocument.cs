using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Navigation;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The last earlier version of a document whose whole parse exists, seen from a version reached from it by
/// incremental updates only, and which slots those updates edited, added or removed, as runs of the current slots
/// that replaced runs of the earlier ones. Such updates keep every key outside those runs, in the same order, and
/// every character outside the runs but whitespace and text between slots, so what a whole-document feature found in
/// the earlier version is still true here once moved by its slot's shift, except inside the edited runs (see
/// <see cref="Features.MovedOutline"/>); keys' types and Locations too, unless <see cref="KeysChanged"/>. Immutable
/// but for a cache of its outline.
/// </summary>
public sealed class EarlierDocument
{
    private readonly EditedRun[] _runs;
    private volatile CachedSymbols? _symbols;

    internal EarlierDocument(MetabaseDocument document, SlotTable slots, EditedRun[] runs, bool keysChanged, bool commentsChanged = false)
    {
        Document = document;
        Slots = slots;
        _runs = runs;
        KeysChanged = keysChanged;
        CommentsChanged = commentsChanged;
    }

    /// <summary>
    /// True when an edit since changed a comment between keys (see IncrementalAnalyzer.TryCommentsBetweenKeys): the
    /// comments there no longer move with the slot before them, so folding is left to a whole parse.
    /// </summary>
    internal bool CommentsChanged { get; }

    /// <summary>The same earlier version after an edit of the comments between two keys.</summary>
    internal EarlierDocument WithCommentsChanged() =>
        CommentsChanged ? this : new EarlierDocument(Document, Slots, _runs, KeysChanged, commentsChanged: true) { _symbols = _symbols };

    /// <summary>
    /// True when an edit since changed a key's Location, type or Location attribute, or added or removed keys: the
    /// outline, which nests keys by Location, is moved from the earlier one then only where Locations were renamed in
    /// place (folding, which follows elements, always is).
    /// </summary>
    internal bool KeysChanged { get; }

    /// <summary>The earlier version's whole parse.</summary>
    public MetabaseDocument Document { get; }

    /// <summary>The earlier version's slots.</summary>
    internal SlotTable Slots { get; }

    /// <summary>The runs of current slots that replaced runs of earlier ones since the earlier version, in document order.</summary>
    internal IReadOnlyList<EditedRun> Runs => _runs;

    /// <summary>
    /// The earlier version's outline, made once for the versions typed since (each request moves it again). One cap
    /// is kept: a server asks with the same one every time.
    /// </summary>
    internal SymbolTree Symbols(int maxSymbols)
    {
        var cached = _symbols;
        if (cached?.Max == maxSymbols) return cached.Tree;
        var tree = DocumentSymbols.Build(Document.Model, maxSymbols);
        _symbols = new CachedSymbols(maxSymbols, tree);
        return tree;
    }

    private sealed record CachedSymbols(int Max, SymbolTree Tree);

    /// <summary>
    /// The current number of earlier slot <paramref name="earlierSlot"/>, which no run replaced: it moves by what the
    /// runs before it added or removed.
    /// </summary>
    internal int CurrentOf(int earlierSlot)
    {
        int shift = 0;
        foreach (var run in _runs)
        {
            if (run.EarlierEnd > earlierSlot) break;
            shift += run.Growth;
        }
        return earlierSlot + shift;
    }

    /// <summary>The earlier number of current slot <paramref name="slot"/>, outside every run (or at a run's end).</summary>
    private int EarlierOf(int slot)
    {
        int shift = 0;
        foreach (var run in _runs)
        {
            if (run.CurrentEnd > slot) break;
            shift += run.Growth;
        }
        return slot - shift;
    }

    private int RunAt(int slot)
    {
        for (int i = 0; i < _runs.Length; i++)
        {
            if (_runs[i].CurrentStart > slot) break;
            if (slot < _runs[i].CurrentEnd) return i;
        }
        return -1;
    }

    /// <summary>The same earlier version after one more edit inside current slot <paramref name="slot"/>.</summary>
    internal EarlierDocument WithEdited(int slot, bool keysChanged)
    {
        keysChanged |= KeysChanged;
        if (RunAt(slot) >= 0) return keysChanged == KeysChanged ? this : new EarlierDocument(Document, Slots, _runs, keysChanged, CommentsChanged) { _symbols = _symbols };
        int earlier = EarlierOf(slot);
        var runs = _runs.Append(new EditedRun(earlier, earlier + 1, slot, slot + 1)).OrderBy(run => run.CurrentStart).ToArray();
        return new EarlierDocument(Document, Slots, runs, keysChanged, CommentsChanged) { _symbols = _symbols };
    }

    /// <summary>
    /// The same earlier version after current slots <paramref name="slot"/> to <paramref name="slot"/> +
    /// <paramref name="removed"/> were replaced by <paramref name="added"/> new ones (keys pasted, typed or deleted
    /// between keys). The runs this overlaps become one with it; those next to it stay apart, so a key edited in place
    /// stays an edited slot when a key is pasted beside it.
    /// </summary>
    internal EarlierDocument WithSpliced(int slot, int removed, int added)
    {
        int end = slot + removed;
        var before = new List<EditedRun>();
        var overlapped = new List<EditedRun>();
        var after = new List<EditedRun>();
        foreach (var run in _runs)
        {
            if (run.CurrentEnd <= slot) before.Add(run);
            else if (run.CurrentStart < end) overlapped.Add(run);
            else after.Add(run.MovedBy(added - removed));
        }
        int currentStart = overlapped.Count > 0 ? Math.Min(slot, overlapped[0].CurrentStart) : slot;
        int currentEnd = overlapped.Count > 0 ? Math.Max(end, overlapped[^1].CurrentEnd) : end;
        // Both ends lie outside every run or at an overlapped run's own end, so each moved by the runs before it.
        int shiftBefore = before.Sum(run => run.Growth);
        int shiftThrough = shiftBefore + overlapped.Sum(run => run.Growth);
        var merged = new EditedRun(currentStart - shiftBefore, currentEnd - shiftThrough, currentStart, currentEnd + added - removed);
        return new EarlierDocument(Document, Slots, [.. before, merged, .. after], keysChanged: true, CommentsChanged) { _symbols = _symbols };
    }
}

/// <summary>Current slots [CurrentStart, CurrentEnd) that replaced earlier slots [EarlierStart, EarlierEnd); either may be empty.</summary>
internal readonly record struct EditedRun(int EarlierStart, int EarlierEnd, int CurrentStart, int CurrentEnd)
{
    /// <summary>How many slots the run added (negative when it removed some).</summary>
    public int Growth => CurrentEnd - CurrentStart - (EarlierEnd - EarlierStart);

    public EditedRun MovedBy(int slots) => this with { CurrentStart = CurrentStart + slots, CurrentEnd = CurrentEnd + slots };
}

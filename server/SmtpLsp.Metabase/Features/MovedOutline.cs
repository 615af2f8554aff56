using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>
/// The outline, the folding ranges and the selection ranges of a version reached by keystrokes, moved from the last
/// version whose whole parse exists instead of parsing the new version whole (about 0.2 s on 50 MB), which editors ask
/// for again after every change. Incremental updates keep every key outside the runs of slots they edited, added or
/// removed, and all text outside those runs but whitespace and stray text between slots (<see cref="EarlierDocument"/>),
/// so the earlier outline has the same symbols in the same tree but for those runs: each moves by its slot's shift, and
/// the keys and elements of the slots edited or added since are read from those slots' new text alone, which parses as
/// it does in place (an update keeps a slot only while it does). When keys were renamed, added or removed where the
/// outline shows them, it is built again breadth first over the earlier key tree with those keys, and the keys below
/// their old and new Locations, hung where they now belong (<see cref="Rebuilt"/>); a changed key type gives its symbol
/// the new type. The result is what the whole parse would give, cap included.
/// </summary>
public sealed partial class MovedOutline
{
    private readonly IncrementalState _state;
    private readonly EarlierDocument _earlier;
    // The slots' new text parsed alone (offsets from the slot's start), by their number now.
    private readonly Dictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)> _reparsed = new();

    private MovedOutline(IncrementalState state, EarlierDocument earlier)
    {
        _state = state;
        _earlier = earlier;
    }

    /// <summary>Null when the state keeps no earlier whole parse (its own is built, or it came from a full pass).</summary>
    public static MovedOutline? For(IncrementalState state) => state.Earlier is { } earlier ? new MovedOutline(state, earlier) : null;

    /// <summary>What became of an earlier slot: kept as it was (moved), edited in place (read again), or removed.</summary>
    private enum Fate { Kept, Edited, Removed }

    /// <summary>What became of earlier slot <paramref name="slot"/>, and its number now unless removed.</summary>
    private (Fate Fate, int Now) Follow(int slot)
    {
        foreach (var run in _earlier.Runs)
        {
            if (run.EarlierStart > slot) break;
            if (slot >= run.EarlierEnd) continue;
            // A run that kept its number of slots was edited slot by slot; one that did not replaced its slots.
            return run.Growth == 0 ? (Fate.Edited, run.CurrentStart + slot - run.EarlierStart) : (Fate.Removed, -1);
        }
        return (Fate.Kept, _earlier.CurrentOf(slot));
    }

    /// <summary>The document symbols as <see cref="DocumentSymbols.Build"/> on the whole new version gives them, or null.</summary>
    public SymbolTree? DocumentSymbols(int maxSymbols = Navigation.DocumentSymbols.DefaultMax)
    {
        var earlier = _earlier.Symbols(maxSymbols);
        if (_earlier.KeysChanged)
        {
            if (ChangedKeys() is not { } changes) return null;
            // Keys renamed, added or removed where the outline shows them: built again over the earlier key tree.
            if (!ChangedBelowTheCut(earlier, changes)) return Rebuilt(changes, maxSymbols);
        }
        var roots = new List<KeySymbol>(earlier.Symbols.Count);
        foreach (var symbol in earlier.Symbols)
        {
            if (!TryMoveSymbol(symbol, parent: null, out var moved)) return null;
            roots.Add(moved);
        }
        return earlier with { Symbols = roots };
    }

    /// <summary>
    /// The expand-selection steps at an offset strictly inside a key, as <see cref="Navigation.SelectionRanges.At"/>
    /// gives them on the whole new version: the key's own from its text alone (<see cref="KeyWindow"/>), then its
    /// section and the root. Every edit since the earlier parse lies inside the section (an edit before its start
    /// tag or after its end tag makes a whole pass), so both start where they did and end as far later as the text
    /// grew. Null elsewhere, and with several sections, between which text can move otherwise.
    /// </summary>
    public IReadOnlyList<TextSpan>? SelectionRanges(int offset)
    {
        if (KeyWindow.At(_state, offset) is not { } window) return null;
        var earlierTree = _earlier.Document.Tree;
        if (earlierTree.Root is not { Name: "configuration" } root) return null;
        ElementNode? section = null;
        foreach (var child in root.Children)
        {
            if (child.Name != "MBProperty") continue;
            if (section != null) return null;
            section = child;
        }
        if (section == null) return null;
        int growth = _state.Buffer.Length - earlierTree.Text.Length;
        var spans = new List<TextSpan>(window.SelectionRangesWithinKeys(offset));
        Navigation.SelectionRanges.Add(spans, new TextSpan(section.Span.Start, section.Span.Length + growth));
        Navigation.SelectionRanges.Add(spans, new TextSpan(root.Span.Start, root.Span.Length + growth));
        Navigation.SelectionRanges.Add(spans, new TextSpan(0, _state.Buffer.Length));
        return spans;
    }

    /// <summary>The folding ranges as <see cref="FoldingRanges.Compute(SyntaxTree, LineIndex?, int)"/> gives them on the new version, or null.</summary>
    public FoldingResult? Folding(LineIndex lines, int max = FoldingRanges.DefaultMax)
    {
        // A comment between keys edited since: it no longer moves with the slot before it.
        if (_earlier.CommentsChanged) return null;
        bool failed = false;
        var result = FoldingRanges.Compute(ElementSpans(() => failed = true), CommentSpans(() => failed = true), lines, max);
        return failed ? null : result;
    }

    /// <summary>The symbol and its subtree where they are now (its key neither renamed nor removed); false to decline.</summary>
    /// <param name="parent">The symbol's parent in the earlier outline, whose key's Location names it.</param>
    private bool TryMoveSymbol(KeySymbol symbol, KeySymbol? parent, out KeySymbol moved)
    {
        moved = null!;
        // The symbol's own span is its key's element in the earlier version.
        int slot = _earlier.Slots.LastStartingAtOrBefore(symbol.Span.Start);
        if (slot < 0) return false;
        var (fate, now) = Follow(slot);
        if (fate == Fate.Removed) return false;
        if (fate == Fate.Kept)
        {
            int shift = _state.Slots[now].Start - _earlier.Slots[slot].Start;
            moved = symbol.MovedTo(Shift(symbol.Span, shift), Shift(symbol.SelectionSpan, shift));
        }
        else
        {
            // The same key, by its place among its slot's keys, in the slot's new text.
            var keys = Reparsed(now).Keys;
            var model = _earlier.Document.Model;
            int number = model.FirstKeyStartingAtOrAfter(symbol.Span.Start) - model.FirstKeyStartingAtOrAfter(_earlier.Slots[slot].Start);
            if (number >= keys.Count) return false;
            var key = keys[number];
            int start = _state.Slots[now].Start;
            // Named as the whole build names it: a key without a Location is named by its type, which may have changed.
            string name = key.Location == symbol.Key.Location && key.KeyType == symbol.Detail
                ? symbol.Name : Navigation.DocumentSymbols.NameOf(key, parent?.Key);
            moved = symbol.MovedTo(key, name, Shift(key.Element.Span, start), Shift(KeyTarget.SelectionOf(key), start));
        }
        foreach (var child in symbol.Children)
        {
            if (!TryMoveSymbol(child, symbol, out var movedChild)) return false;
            moved.ChildList.Add(movedChild);
        }
        return true;
    }

    /// <summary>
    /// Every element's span in pre-order: the earlier tree's moved, with each edited slot's subtree read again, the
    /// slots added before an earlier slot read before it, and removed slots left out.
    /// </summary>
    private IEnumerable<TextSpan> ElementSpans(Action fail)
    {
        var pending = new Stack<ElementNode>();
        var top = _earlier.Document.Tree.Document.Elements;
        for (int i = top.Count - 1; i >= 0; i--) pending.Push(top[i]);
        // Keys added after the last one come right after its subtree: before the first element that starts past it.
        var earlierSlots = _earlier.Slots;
        int lastEnd = earlierSlots.Count > 0 ? earlierSlots[^1].End : int.MaxValue;
        bool addedAtEndDone = false;
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (!addedAtEndDone && element.Span.Start >= lastEnd)
            {
                addedAtEndDone = true;
                foreach (int added in AddedBefore(earlierSlots.Count))
                {
                    foreach (var span in ElementsOfSlotNow(added)) yield return span;
                }
            }
            if (SlotOf(element.Span) is int slot)
            {
                foreach (int added in AddedBefore(slot))
                {
                    foreach (var span in ElementsOfSlotNow(added)) yield return span;
                }
                var (fate, now) = Follow(slot);
                if (fate == Fate.Removed) continue;
                if (fate == Fate.Edited)
                {
                    foreach (var span in ElementsOfSlotNow(now)) yield return span;
                    continue;
                }
            }
            if (!TryMove(element.Span, out var moved))
            {
                fail();
                yield break;
            }
            yield return moved;
            var children = element.Children;
            for (int i = children.Count - 1; i >= 0; i--) pending.Push(children[i]);
        }
        if (addedAtEndDone) yield break;
        foreach (int added in AddedBefore(earlierSlots.Count))
        {
            foreach (var span in ElementsOfSlotNow(added)) yield return span;
        }
    }

    private IEnumerable<TextSpan> ElementsOfSlotNow(int slot)
    {
        int start = _state.Slots[slot].Start;
        return Reparsed(slot).Tree.DescendantElements().Select(element => Shift(element.Span, start));
    }

    /// <summary>The slots now that runs added in place of earlier slot <paramref name="slot"/> and those after it, before it.</summary>
    private IEnumerable<int> AddedBefore(int slot)
    {
        foreach (var run in _earlier.Runs)
        {
            if (run.Growth == 0 || run.EarlierStart != slot) continue;
            for (int now = run.CurrentStart; now < run.CurrentEnd; now++) yield return now;
        }
    }

    /// <summary>Every comment's span in document order: the earlier ones moved, those in slots edited or added read again.</summary>
    private IEnumerable<TextSpan> CommentSpans(Action fail)
    {
        // The slots read again, each where it stands in the earlier text: at the earlier slot it replaced, or at the one
        // it was added before.
        var reread = new List<(int At, int Now)>();
        foreach (var run in _earlier.Runs)
        {
            for (int now = run.CurrentStart; now < run.CurrentEnd; now++)
            {
                int earlier = run.Growth == 0 ? run.EarlierStart + now - run.CurrentStart : run.EarlierStart;
                reread.Add((earlier < _earlier.Slots.Count ? _earlier.Slots[earlier].Start : _earlier.Slots[^1].End, now));
            }
        }
        int next = 0;
        foreach (var comment in FoldingRanges.Comments(_earlier.Document.Tree))
        {
            // The slots read again before this comment (or holding it) give their own comments first.
            for (; next < reread.Count && reread[next].At < comment.Start; next++)
            {
                foreach (var inSlot in CommentsOfSlotNow(reread[next].Now)) yield return inSlot;
            }
            int slot = _earlier.Slots.Find(comment.Start);
            if (slot >= 0 && Follow(slot).Fate != Fate.Kept) continue;
            if (!TryMove(comment, out var span))
            {
                fail();
                yield break;
            }
            yield return span;
        }
        for (; next < reread.Count; next++)
        {
            foreach (var inSlot in CommentsOfSlotNow(reread[next].Now)) yield return inSlot;
        }
    }

    private IEnumerable<TextSpan> CommentsOfSlotNow(int slot)
    {
        int start = _state.Slots[slot].Start;
        return FoldingRanges.Comments(Reparsed(slot).Tree).Select(span => Shift(span, start));
    }

    /// <summary>The earlier slot whose element has exactly this span in the earlier version, if any.</summary>
    private int? SlotOf(TextSpan span)
    {
        int slot = _earlier.Slots.LastStartingAtOrBefore(span.Start);
        if (slot < 0) return null;
        var before = _earlier.Slots[slot];
        return before.Start == span.Start && before.End == span.End ? slot : null;
    }

    private bool TryMove(TextSpan span, out TextSpan moved)
    {
        moved = default;
        if (!TryMove(span.Start, isEnd: false, out int start) || !TryMove(span.End, isEnd: true, out int end)) return false;
        moved = TextSpan.FromBounds(start, end);
        return true;
    }

    /// <summary>
    /// Where an earlier offset is now: text between slots moves with the slot before it, text inside a slot with
    /// that slot; false inside a slot edited since, whose inside may have moved in any way, or removed. The end of a
    /// span that ends where a slot does (its key's element) moves with that slot.
    /// </summary>
    private bool TryMove(int offset, bool isEnd, out int moved)
    {
        var before = _earlier.Slots;
        int slot = before.LastStartingAtOrBefore(offset);
        moved = offset;
        if (slot < 0) return true;
        var was = before[slot];
        // After the last key every edit since lies behind: the section's end tag moved by them all. Not the last key's
        // own end: text typed right after it, before the line break, does not move it.
        if ((offset > was.End || (offset == was.End && !isEnd)) && slot == before.Count - 1)
        {
            moved = offset + _state.Buffer.Length - _earlier.Document.Tree.Text.Length;
            return true;
        }
        var (fate, number) = Follow(slot);
        if (fate == Fate.Removed) return false;
        var now = _state.Slots[number];
        if (offset >= was.End) moved = offset - was.End + now.End;
        else if (offset == was.Start || fate == Fate.Kept) moved = offset - was.Start + now.Start;
        else return false;
        return true;
    }

    /// <summary>Slot <paramref name="slot"/> (its number now) parsed alone, once.</summary>
    private (SyntaxTree Tree, List<MetabaseKey> Keys) Reparsed(int slot)
    {
        if (_reparsed.TryGetValue(slot, out var found)) return found;
        var now = _state.Slots[slot];
        var tree = SlotParse.Parse(_state.Buffer.ToString(now.Start, now.Length));
        return _reparsed[slot] = (tree, MetabaseModel.KeysOf(tree));
    }

    private static TextSpan Shift(TextSpan span, int by) => new(span.Start + by, span.Length);
}

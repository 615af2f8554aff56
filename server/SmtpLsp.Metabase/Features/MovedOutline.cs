using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>
/// The outline and the folding ranges of a version reached by keystrokes, moved from the last version whose whole
/// parse exists instead of parsing the new version whole (about 0.2 s on 50 MB), which editors ask for again after
/// every change. Incremental updates that add or remove no key between keys keep every key, every slot, and all text
/// outside the slots' insides but whitespace and stray text between them (<see cref="EarlierDocument"/>), so the
/// earlier outline has the same symbols in the same
/// tree: each moves by its slot's shift, and the keys and elements of the slots edited since are read from those
/// slots' new text alone, which parses as it does in place (an update keeps a slot only while it does). A changed
/// Location renames its symbol where the tree keeps its shape (see <see cref="RenamesKeepTheTree"/>), and a changed key
/// type gives its symbol the new type; where the tree changes shape the outline declines. The result is what the whole
/// parse would give, cap included.
/// </summary>
public sealed class MovedOutline
{
    private readonly IncrementalState _state;
    private readonly EarlierDocument _earlier;
    // The edited slots' new text parsed alone (offsets from the slot's start), by slot index.
    private readonly Dictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)> _reparsed = new();
    // More renamed keys than this and the outline declines: each costs a pass over every key.
    private const int MaxRenamedKeys = 8;

    private MovedOutline(IncrementalState state, EarlierDocument earlier)
    {
        _state = state;
        _earlier = earlier;
    }

    /// <summary>
    /// Null when the state keeps no earlier whole parse (its own is built, or it came from a full pass), or when keys
    /// were added or removed between keys since (the outline changes shape, and slot numbers moved).
    /// </summary>
    public static MovedOutline? For(IncrementalState state) =>
        state.Earlier is { SameSlots: true } earlier ? new MovedOutline(state, earlier) : null;

    /// <summary>The document symbols as <see cref="DocumentSymbols.Build"/> on the whole new version gives them, or null.</summary>
    public SymbolTree? DocumentSymbols(int maxSymbols = Navigation.DocumentSymbols.DefaultMax)
    {
        if (_earlier.KeysChanged && !RenamesKeepTheTree()) return null;
        var earlier = _earlier.Symbols(maxSymbols);
        var roots = new List<KeySymbol>(earlier.Symbols.Count);
        foreach (var symbol in earlier.Symbols)
        {
            if (Move(symbol, parent: null) is not { } moved) return null;
            roots.Add(moved);
        }
        return earlier with { Symbols = roots };
    }

    /// <summary>
    /// Whether every Location changed since the earlier parse only renames its key in place: the parent path stays
    /// (so does the nearest ancestor key, and the key's place among its siblings, which is document order), and no
    /// other key is at or below the old or the new path (so no key moves under it or away from it, and no duplicate
    /// changes which key is first). Typing a remote domain's or a leaf directory's name is such an edit; renaming a
    /// ROOT with keys below it is not.
    /// </summary>
    private bool RenamesKeepTheTree()
    {
        var model = _earlier.Document.Model;
        var earlierKeys = model.Keys;
        var replaced = new Dictionary<int, MetabaseKey>();
        var renamed = new List<(int Number, string Old, string New)>();
        foreach (int slot in _earlier.EditedSlots)
        {
            var was = _earlier.Slots[slot];
            int from = model.FirstKeyStartingAtOrAfter(was.Start), to = model.FirstKeyStartingAtOrAfter(was.End);
            var keys = Reparsed(slot).Keys;
            if (keys.Count != to - from) return false;
            for (int k = from; k < to; k++)
            {
                replaced[k] = keys[k - from];
                string? old = earlierKeys[k].Location, now = keys[k - from].Location;
                if (old == now) continue;
                if (old == null || now == null || !SameParentPath(old, now) || renamed.Count == MaxRenamedKeys) return false;
                renamed.Add((k, old, now));
            }
        }
        if (renamed.Count == 0) return true;
        // One pass over every key (a replaced key is judged by its new Location below), then the replacements.
        for (int k = 0; k < earlierKeys.Count; k++)
        {
            if (earlierKeys[k].HasLocation && AtOrBelowARename(earlierKeys[k].LocationText, renamed, k) && !replaced.ContainsKey(k)) return false;
        }
        foreach (var (number, key) in replaced)
        {
            if (key.HasLocation && AtOrBelowARename(key.LocationText, renamed, number)) return false;
        }
        return true;
    }

    /// <summary>Whether this Location is at or below the old or new path of a renamed key other than key <paramref name="number"/>.</summary>
    private static bool AtOrBelowARename(ReadOnlySpan<char> location, List<(int Number, string Old, string New)> renamed, int number)
    {
        foreach (var (renamedNumber, old, now) in renamed)
        {
            if (renamedNumber != number && (ParentKeyRules.IsAncestorOrSelf(old, location) || ParentKeyRules.IsAncestorOrSelf(now, location))) return true;
        }
        return false;
    }

    private static bool SameParentPath(string a, string b)
    {
        bool hasA = LocationPath.TryGetParent(a, out var parentA), hasB = LocationPath.TryGetParent(b, out var parentB);
        return hasA == hasB && LocationPath.SamePath(LocationPath.Normalize(parentA), LocationPath.Normalize(parentB));
    }

    /// <summary>The folding ranges as <see cref="FoldingRanges.Compute(SyntaxTree, LineIndex?, int)"/> gives them on the new version, or null.</summary>
    public FoldingResult? Folding(LineIndex lines, int max = FoldingRanges.DefaultMax)
    {
        bool failed = false;
        var result = FoldingRanges.Compute(ElementSpans(() => failed = true), CommentSpans(() => failed = true), lines, max);
        return failed ? null : result;
    }

    /// <param name="parent">The symbol's parent in the earlier outline, whose key's Location names it.</param>
    private KeySymbol? Move(KeySymbol symbol, KeySymbol? parent)
    {
        // The symbol's own span is its key's element in the earlier version.
        int slot = _earlier.Slots.LastStartingAtOrBefore(symbol.Span.Start);
        if (slot < 0) return null;
        KeySymbol moved;
        if (!_earlier.IsEdited(slot))
        {
            int shift = _state.Slots[slot].Start - _earlier.Slots[slot].Start;
            moved = symbol.MovedTo(Shift(symbol.Span, shift), Shift(symbol.SelectionSpan, shift));
        }
        else
        {
            // The same key, by its place among its slot's keys, in the slot's new text.
            var keys = Reparsed(slot).Keys;
            var model = _earlier.Document.Model;
            int number = model.FirstKeyStartingAtOrAfter(symbol.Span.Start) - model.FirstKeyStartingAtOrAfter(_earlier.Slots[slot].Start);
            if (number >= keys.Count) return null;
            var key = keys[number];
            int start = _state.Slots[slot].Start;
            // Named as the whole build names it: a renamed key (RenamesKeepTheTree) has no children and its parent kept
            // its Location; a key without one is named by its type, which may have changed too (a key being typed).
            string name = key.Location == symbol.Key.Location && key.KeyType == symbol.Detail
                ? symbol.Name : Navigation.DocumentSymbols.NameOf(key, parent?.Key);
            moved = symbol.MovedTo(key, name, Shift(key.Element.Span, start), Shift(KeyTarget.SelectionOf(key), start));
        }
        foreach (var child in symbol.Children)
        {
            if (Move(child, symbol) is not { } movedChild) return null;
            moved.ChildList.Add(movedChild);
        }
        return moved;
    }

    /// <summary>Every element's span in pre-order: the earlier tree's moved, with each edited slot's subtree read again.</summary>
    private IEnumerable<TextSpan> ElementSpans(Action fail)
    {
        var pending = new Stack<ElementNode>();
        var top = _earlier.Document.Tree.Document.Elements;
        for (int i = top.Count - 1; i >= 0; i--) pending.Push(top[i]);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (EditedSlotOf(element.Span) is int slot)
            {
                int start = _state.Slots[slot].Start;
                foreach (var inSlot in Reparsed(slot).Tree.DescendantElements()) yield return Shift(inSlot.Span, start);
                continue;
            }
            if (!TryMove(element.Span, out var span))
            {
                fail();
                yield break;
            }
            yield return span;
            var children = element.Children;
            for (int i = children.Count - 1; i >= 0; i--) pending.Push(children[i]);
        }
    }

    /// <summary>Every comment's span in document order: the earlier ones moved, those in edited slots read again.</summary>
    private IEnumerable<TextSpan> CommentSpans(Action fail)
    {
        var edited = _earlier.EditedSlots;
        int next = 0;
        foreach (var comment in FoldingRanges.Comments(_earlier.Document.Tree))
        {
            // The edited slots before this comment (or holding it) give their own comments first.
            for (; next < edited.Count && _earlier.Slots[edited[next]].Start < comment.Start; next++)
            {
                foreach (var inSlot in CommentsOfEditedSlot(edited[next])) yield return inSlot;
            }
            int slot = _earlier.Slots.Find(comment.Start);
            if (slot >= 0 && _earlier.IsEdited(slot)) continue;
            if (!TryMove(comment, out var span))
            {
                fail();
                yield break;
            }
            yield return span;
        }
        for (; next < edited.Count; next++)
        {
            foreach (var inSlot in CommentsOfEditedSlot(edited[next])) yield return inSlot;
        }
    }

    private IEnumerable<TextSpan> CommentsOfEditedSlot(int slot)
    {
        int start = _state.Slots[slot].Start;
        return FoldingRanges.Comments(Reparsed(slot).Tree).Select(span => Shift(span, start));
    }

    /// <summary>The edited slot whose element has exactly this span in the earlier version, if any.</summary>
    private int? EditedSlotOf(TextSpan span)
    {
        int slot = _earlier.Slots.LastStartingAtOrBefore(span.Start);
        if (slot < 0 || !_earlier.IsEdited(slot)) return null;
        var before = _earlier.Slots[slot];
        return before.Start == span.Start && before.End == span.End ? slot : null;
    }

    private bool TryMove(TextSpan span, out TextSpan moved)
    {
        moved = default;
        if (!TryMove(span.Start, out int start) || !TryMove(span.End, out int end)) return false;
        moved = TextSpan.FromBounds(start, end);
        return true;
    }

    /// <summary>
    /// Where an earlier offset is now: text between slots moves with the slot before it, text inside a slot with
    /// that slot; false inside a slot edited since, whose inside may have moved in any way.
    /// </summary>
    private bool TryMove(int offset, out int moved)
    {
        var before = _earlier.Slots;
        int slot = before.LastStartingAtOrBefore(offset);
        moved = offset;
        if (slot < 0) return true;
        var was = before[slot];
        var now = _state.Slots[slot];
        if (offset >= was.End) moved = offset - was.End + now.End;
        else if (offset == was.Start || !_earlier.IsEdited(slot)) moved = offset - was.Start + now.Start;
        else return false;
        return true;
    }

    private (SyntaxTree Tree, List<MetabaseKey> Keys) Reparsed(int slot)
    {
        if (_reparsed.TryGetValue(slot, out var found)) return found;
        var now = _state.Slots[slot];
        var tree = SlotParse.Parse(_state.Buffer.ToString(now.Start, now.Length));
        return _reparsed[slot] = (tree, MetabaseModel.KeysOf(tree));
    }

    private static TextSpan Shift(TextSpan span, int by) => new(span.Start + by, span.Length);
}

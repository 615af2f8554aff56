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
/// every change. Incremental updates keep every key outside the runs of slots they edited, added or removed, and all
/// text outside those runs but whitespace and stray text between slots (<see cref="EarlierDocument"/>), so the earlier
/// outline has the same symbols in the same tree but for those runs: each moves by its slot's shift, and the keys and
/// elements of the slots edited or added since are read from those slots' new text alone, which parses as it does in
/// place (an update keeps a slot only while it does). A changed Location renames its symbol, and a key added or
/// removed between keys adds or drops its symbol, where the tree keeps its shape otherwise (see
/// <see cref="TreeKeepsItsShape"/>) and the cut of a capped outline cannot move; a changed key type gives its symbol
/// the new type; where the tree changes shape the outline declines. The result is what the whole parse would give,
/// cap included.
/// </summary>
public sealed class MovedOutline
{
    private readonly IncrementalState _state;
    private readonly EarlierDocument _earlier;
    // The slots' new text parsed alone (offsets from the slot's start), by their number now.
    private readonly Dictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)> _reparsed = new();
    // More renamed keys than this, or twice as many added or removed, and the outline declines: each costs a pass
    // over every key.
    private const int MaxRenamedKeys = 8;

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
        List<(MetabaseKey Key, int SlotStart)> added = [];
        var earlier = _earlier.Symbols(maxSymbols);
        if (_earlier.KeysChanged && !ChangedBelowTheCut(earlier) && !TreeKeepsItsShape(added)) return null;
        bool spliced = _earlier.Runs.Any(run => run.Growth != 0);
        // The moved symbol of each earlier key, where keys are added under them.
        var movedOf = added.Count > 0 ? new Dictionary<MetabaseKey, KeySymbol>(ReferenceEqualityComparer.Instance) : null;
        var roots = new List<KeySymbol>(earlier.Symbols.Count);
        int count = earlier.Count;
        foreach (var symbol in earlier.Symbols)
        {
            if (!TryMoveSymbol(symbol, parent: null, earlier.Capped, movedOf, ref count, out var moved)) return null;
            if (moved != null) roots.Add(moved);
        }
        if (!spliced) return earlier with { Symbols = roots };
        var hierarchy = KeyHierarchy.Build(_earlier.Document.Model);
        foreach (var (key, slotStart) in added)
        {
            // A leaf (TreeKeepsItsShape): it hangs under its nearest ancestor key, which is not itself added.
            var parent = hierarchy.ParentOf(key);
            var siblings = parent == null ? roots : movedOf!.TryGetValue(parent, out var parentSymbol) ? parentSymbol.ChildList : null;
            // Below a parent a capped outline cut away, the key is cut away too.
            if (siblings == null)
            {
                if (earlier.Capped) continue;
                return null;
            }
            var symbol = KeySymbol.At(key, Navigation.DocumentSymbols.NameOf(key, parent), slotStart);
            int at = 0;
            while (at < siblings.Count && siblings[at].Span.Start < symbol.Span.Start) at++;
            if (earlier.Capped)
            {
                // Breadth first: the key's symbol comes before the outline's last one, which it pushes past the cap,
                // or after it, and is cut away.
                if (LastSymbolAfter(roots, siblings, at) is not var (last, lastSiblings)) continue;
                siblings.Insert(at, symbol);
                lastSiblings.Remove(last);
                continue;
            }
            siblings.Insert(at, symbol);
            count++;
        }
        return count > maxSymbols ? null : new SymbolTree(roots, count, earlier.Capped);
    }

    /// <summary>
    /// The outline's last symbol breadth first (the one the cap keeps last) and the list it is in, when a symbol put in
    /// <paramref name="siblings"/> at <paramref name="at"/> would come before it; null when it would come after (or
    /// the outline is empty). Lists of children come in their parents' order, after the roots.
    /// </summary>
    private static (KeySymbol Last, List<KeySymbol> Siblings)? LastSymbolAfter(List<KeySymbol> roots, List<KeySymbol> siblings, int at)
    {
        if (roots.Count == 0) return null;
        var (last, lastSiblings, lastOrder) = (roots[^1], roots, -1);
        int order = ReferenceEquals(siblings, roots) ? -1 : int.MaxValue;
        int parents = 0;
        var pending = new Queue<KeySymbol>(roots);
        while (pending.Count > 0)
        {
            var parent = pending.Dequeue();
            if (ReferenceEquals(parent.ChildList, siblings)) order = parents;
            if (parent.ChildList.Count > 0) (last, lastSiblings, lastOrder) = (parent.ChildList[^1], parent.ChildList, parents);
            parents++;
            foreach (var child in parent.ChildList) pending.Enqueue(child);
        }
        bool before = order < lastOrder || (order == lastOrder && at < siblings.Count);
        return before ? (last, lastSiblings) : null;
    }

    /// <summary>
    /// Whether the key tree keeps its shape but for leaves added or removed and keys renamed in place, so the earlier
    /// outline moved gives the new one: every changed Location keeps its parent path (so does the nearest ancestor
    /// key, and the key's place among its siblings, which is document order); no other key is at or below the old or
    /// new Location of a key renamed, or the Location of a key added or removed (so no key moves under it or away from
    /// it, and no duplicate changes which key is first), unless a key kept since holds that Location before it (then
    /// that key is the parent of what lies below). Typing a remote domain's or a leaf directory's name, or pasting a
    /// virtual directory, is such an edit; renaming a ROOT with keys below it is not. Fills <paramref name="added"/>
    /// with the added keys and where their slots now start.
    /// </summary>
    private bool TreeKeepsItsShape(List<(MetabaseKey Key, int SlotStart)> added)
    {
        var model = _earlier.Document.Model;
        var earlierKeys = model.Keys;
        // Earlier keys edited in place by number, with their keys now; earlier keys removed.
        var replaced = new Dictionary<int, MetabaseKey>();
        var removed = new HashSet<int>();
        // Each path a key left or took, with that key (the earlier one for a rename), which is not judged against it,
        // and the slot it is in: its number now for a path taken, its earlier number for a path left.
        var paths = new List<ChangedPath>();
        foreach (var run in _earlier.Runs)
        {
            for (int slot = run.EarlierStart; slot < run.EarlierEnd; slot++)
            {
                var was = _earlier.Slots[slot];
                int from = model.FirstKeyStartingAtOrAfter(was.Start), to = model.FirstKeyStartingAtOrAfter(was.End);
                if (run.Growth != 0)
                {
                    for (int k = from; k < to; k++)
                    {
                        removed.Add(k);
                        if (earlierKeys[k].Location is { } path) paths.Add(new(earlierKeys[k], path, Taken: false, slot));
                    }
                    continue;
                }
                int now = run.CurrentStart + slot - run.EarlierStart;
                var keys = Reparsed(now).Keys;
                if (keys.Count != to - from) return false;
                for (int k = from; k < to; k++)
                {
                    replaced[k] = keys[k - from];
                    string? old = earlierKeys[k].Location, renamed = keys[k - from].Location;
                    if (old == renamed) continue;
                    if (old == null || renamed == null || !SameParentPath(old, renamed)) return false;
                    paths.Add(new(earlierKeys[k], old, Taken: false, slot));
                    paths.Add(new(earlierKeys[k], renamed, Taken: true, now));
                }
            }
            if (run.Growth == 0) continue;
            for (int slot = run.CurrentStart; slot < run.CurrentEnd; slot++)
            {
                foreach (var key in Reparsed(slot).Keys)
                {
                    added.Add((key, _state.Slots[slot].Start));
                    if (key.Location is { } path) paths.Add(new(key, path, Taken: true, slot));
                }
            }
        }
        // Each path costs a pass over every key, and each key added a walk of the outline.
        if (paths.Count > 2 * MaxRenamedKeys || added.Count > 2 * MaxRenamedKeys) return false;
        if (paths.Count == 0) return true;
        // A key at a path another key kept before it holds is no parent of anything (the first key at a Location is):
        // it is a leaf wherever keys are below that path. The rest must have no other key at or below them.
        var leading = paths.Where(path => !BehindAKeptKey(path, removed, replaced)).ToList();
        // One pass over every earlier key (one edited in place is judged by its Location now below), then the others.
        for (int k = 0; k < earlierKeys.Count; k++)
        {
            var key = earlierKeys[k];
            if (key.HasLocation && !removed.Contains(k) && !replaced.ContainsKey(k) && AtOrBelow(key.LocationText, leading, except: key)) return false;
        }
        foreach (var (number, key) in replaced)
        {
            if (key.HasLocation && AtOrBelow(key.LocationText, leading, except: earlierKeys[number])) return false;
        }
        // And no path is at or below another key's.
        foreach (var path in paths)
        {
            if (AtOrBelow(path.Path, paths, except: path.Owner)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether every key renamed, added or removed since the earlier parse stands deeper in the key tree than the last
    /// symbol of a capped outline (which is breadth first), where it was and where it is: then no symbol the outline
    /// keeps comes, goes or changes. A key's depth changes only below a key that changed, and stays deeper than the
    /// shallowest of those. Typing in the Location of a virtual directory with directories below it, in a file whose
    /// outline is capped among its web sites, is such an edit.
    /// </summary>
    private bool ChangedBelowTheCut(SymbolTree earlier)
    {
        if (!earlier.Capped) return false;
        int cut = DeepestLevel(earlier.Symbols);
        var model = _earlier.Document.Model;
        var hierarchy = KeyHierarchy.Build(model);
        var earlierKeys = model.Keys;
        // An earlier key's depth, and that of a key now by the nearest earlier key above its path (one renamed or
        // removed since is deeper than the cut itself, and so is whatever hangs above a key below it).
        int Depth(MetabaseKey key)
        {
            int depth = 0;
            for (var parent = hierarchy.ParentOf(key); parent != null; parent = hierarchy.ParentOf(parent)) depth++;
            return depth;
        }
        int DepthNow(MetabaseKey key) => hierarchy.ParentOf(key) is { } parent ? Depth(parent) + 1 : 0;

        foreach (var run in _earlier.Runs)
        {
            for (int slot = run.EarlierStart; slot < run.EarlierEnd; slot++)
            {
                var was = _earlier.Slots[slot];
                int from = model.FirstKeyStartingAtOrAfter(was.Start), to = model.FirstKeyStartingAtOrAfter(was.End);
                if (run.Growth != 0)
                {
                    for (int k = from; k < to; k++)
                    {
                        if (Depth(earlierKeys[k]) <= cut) return false;
                    }
                    continue;
                }
                var keys = Reparsed(run.CurrentStart + slot - run.EarlierStart).Keys;
                if (keys.Count != to - from) return false;
                for (int k = from; k < to; k++)
                {
                    if (earlierKeys[k].Location == keys[k - from].Location) continue;
                    if (Depth(earlierKeys[k]) <= cut || DepthNow(keys[k - from]) <= cut) return false;
                }
            }
            if (run.Growth == 0) continue;
            for (int slot = run.CurrentStart; slot < run.CurrentEnd; slot++)
            {
                foreach (var key in Reparsed(slot).Keys)
                {
                    if (DepthNow(key) <= cut) return false;
                }
            }
        }
        return true;
    }

    /// <summary>The level of the deepest symbol (roots are level 0).</summary>
    private static int DeepestLevel(IReadOnlyList<KeySymbol> roots)
    {
        int level = -1;
        var current = roots;
        while (current.Count > 0)
        {
            level++;
            var next = new List<KeySymbol>();
            foreach (var symbol in current) next.AddRange(symbol.Children);
            current = next;
        }
        return level;
    }

    /// <summary>A Location a key left (its earlier slot) or took (its slot now) since the earlier parse.</summary>
    private readonly record struct ChangedPath(MetabaseKey Owner, string Path, bool Taken, int Slot);

    /// <summary>
    /// Whether a key neither removed nor edited since is at this path before the key that took or left it: in the
    /// version where that key is there (now, or earlier), by slot.
    /// </summary>
    private bool BehindAKeptKey(ChangedPath path, HashSet<int> removed, Dictionary<int, MetabaseKey> replaced)
    {
        var model = _earlier.Document.Model;
        foreach (var key in model.FindByLocation(path.Path))
        {
            int number = model.FirstKeyStartingAtOrAfter(key.Element.Span.Start);
            if (removed.Contains(number) || replaced.ContainsKey(number)) continue;
            // The first kept key at the path, in document order: it leads the path when before the changed key.
            int slot = _earlier.Slots.LastStartingAtOrBefore(key.Element.Span.Start);
            int position = path.Taken ? Follow(slot).Now : slot;
            return position < path.Slot;
        }
        return false;
    }

    /// <summary>Whether this Location is at or below one of the paths, but those of <paramref name="except"/>.</summary>
    private static bool AtOrBelow(ReadOnlySpan<char> location, List<ChangedPath> paths, MetabaseKey except)
    {
        foreach (var path in paths)
        {
            if (!ReferenceEquals(path.Owner, except) && ParentKeyRules.IsAncestorOrSelf(path.Path, location)) return true;
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

    /// <summary>
    /// The symbol and its subtree where they are now, into <paramref name="moved"/> (null when its key was removed, a
    /// leaf, whose symbol a capped outline cannot drop without moving its cut); false to decline.
    /// </summary>
    /// <param name="parent">The symbol's parent in the earlier outline, whose key's Location names it.</param>
    private bool TryMoveSymbol(KeySymbol symbol, KeySymbol? parent, bool capped, Dictionary<MetabaseKey, KeySymbol>? movedOf,
        ref int count, out KeySymbol? moved)
    {
        moved = null;
        // The symbol's own span is its key's element in the earlier version.
        int slot = _earlier.Slots.LastStartingAtOrBefore(symbol.Span.Start);
        if (slot < 0) return false;
        var (fate, now) = Follow(slot);
        if (fate == Fate.Removed)
        {
            if (capped) return false;
            count--;
            return true;
        }
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
            // Named as the whole build names it: a renamed key (TreeKeepsItsShape) has no children and its parent kept
            // its Location; a key without one is named by its type, which may have changed too (a key being typed).
            string name = key.Location == symbol.Key.Location && key.KeyType == symbol.Detail
                ? symbol.Name : Navigation.DocumentSymbols.NameOf(key, parent?.Key);
            moved = symbol.MovedTo(key, name, Shift(key.Element.Span, start), Shift(KeyTarget.SelectionOf(key), start));
        }
        if (movedOf != null) movedOf[symbol.Key] = moved;
        foreach (var child in symbol.Children)
        {
            if (!TryMoveSymbol(child, symbol, capped, movedOf, ref count, out var movedChild)) return false;
            if (movedChild != null) moved.ChildList.Add(movedChild);
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
        while (pending.Count > 0)
        {
            var element = pending.Pop();
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
                reread.Add((_earlier.Slots[earlier].Start, now));
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
        if (!TryMove(span.Start, out int start) || !TryMove(span.End, out int end)) return false;
        moved = TextSpan.FromBounds(start, end);
        return true;
    }

    /// <summary>
    /// Where an earlier offset is now: text between slots moves with the slot before it, text inside a slot with
    /// that slot; false inside a slot edited since, whose inside may have moved in any way, or removed.
    /// </summary>
    private bool TryMove(int offset, out int moved)
    {
        var before = _earlier.Slots;
        int slot = before.LastStartingAtOrBefore(offset);
        moved = offset;
        if (slot < 0) return true;
        var was = before[slot];
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

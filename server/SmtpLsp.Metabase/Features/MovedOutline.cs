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
/// place (an update keeps a slot only while it does). When keys were renamed, added or removed where the outline shows
/// them, it is built again breadth first over the earlier key tree with those keys, and the keys below their old and
/// new Locations, hung where they now belong (<see cref="Rebuilt"/>); a changed key type gives its symbol the new type.
/// The result is what the whole parse would give, cap included.
/// </summary>
public sealed class MovedOutline
{
    private readonly IncrementalState _state;
    private readonly EarlierDocument _earlier;
    // The slots' new text parsed alone (offsets from the slot's start), by their number now.
    private readonly Dictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)> _reparsed = new();
    // More Locations left or taken since the earlier parse than this and the outline declines.
    private const int MaxChangedPaths = 256;

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
        // Keys renamed, added or removed where the outline shows them: built again over the earlier key tree.
        if (_earlier.KeysChanged && !ChangedBelowTheCut(earlier)) return Rebuilt(maxSymbols);
        var roots = new List<KeySymbol>(earlier.Symbols.Count);
        foreach (var symbol in earlier.Symbols)
        {
            if (!TryMoveSymbol(symbol, parent: null, out var moved)) return null;
            roots.Add(moved);
        }
        return earlier with { Symbols = roots };
    }

    /// <summary>
    /// The outline breadth first, as <see cref="DocumentSymbols.Build"/> makes it, over the earlier key tree with what
    /// changed since put where it now hangs: the keys of removed slots left out, those of edited and added slots read
    /// from their new text, and each key at or below a Location a key left or took given its nearest ancestor key now
    /// (the first key at a Location is the parent). Null when so many keys would move that a whole parse is cheaper.
    /// </summary>
    private SymbolTree? Rebuilt(int maxSymbols)
    {
        var model = _earlier.Document.Model;
        var hierarchy = KeyHierarchy.Build(model);
        var earlierKeys = model.Keys;
        // Earlier keys of the edited runs: the key now (null when removed); keys now read from slots: their slot's start.
        var keyNow = new Dictionary<MetabaseKey, MetabaseKey?>(ReferenceEqualityComparer.Instance);
        var earlierOf = new Dictionary<MetabaseKey, MetabaseKey>(ReferenceEqualityComparer.Instance);
        var slotStartOf = new Dictionary<MetabaseKey, int>(ReferenceEqualityComparer.Instance);
        // Keys now at a Location no key had there before them (added, renamed to), by that Location; and every path
        // a key left or took.
        var arrived = new Dictionary<string, List<MetabaseKey>>(LocationPath.Comparer);
        var paths = new List<string>();
        var moving = new List<MetabaseKey>();
        void Took(MetabaseKey key)
        {
            moving.Add(key);
            if (key.Location is not { } location) return;
            paths.Add(location);
            var normalized = LocationPath.Normalize(location);
            if (!arrived.TryGetValue(normalized, out var list)) arrived[normalized] = list = [];
            list.Add(key);
        }
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
                        keyNow[earlierKeys[k]] = null;
                        if (earlierKeys[k].Location is { } path) paths.Add(path);
                    }
                    continue;
                }
                int now = run.CurrentStart + slot - run.EarlierStart;
                var keys = Reparsed(now).Keys;
                if (keys.Count != to - from) return null;
                for (int k = from; k < to; k++)
                {
                    var key = keys[k - from];
                    keyNow[earlierKeys[k]] = key;
                    earlierOf[key] = earlierKeys[k];
                    slotStartOf[key] = _state.Slots[now].Start;
                    if (earlierKeys[k].Location == key.Location || LocationPath.AreEqual(earlierKeys[k].Location, key.Location)) continue;
                    if (earlierKeys[k].Location is { } left) paths.Add(left);
                    earlierOf.Remove(key); // renamed: not where the earlier key was in the tree
                    Took(key);
                }
            }
            if (run.Growth == 0) continue;
            for (int slot = run.CurrentStart; slot < run.CurrentEnd; slot++)
            {
                foreach (var key in Reparsed(slot).Keys)
                {
                    slotStartOf[key] = _state.Slots[slot].Start;
                    Took(key);
                }
            }
        }
        if (paths.Count > MaxChangedPaths) return null;

        // Where a key now stands in the text: keys are in document order, and these positions keep it.
        int Position(MetabaseKey key) => slotStartOf.TryGetValue(key, out int start) ? start + key.Element.Span.Start : key.Element.Span.Start + ShiftOf(key);
        // The first key now at a Location, and a key's nearest ancestor key now.
        MetabaseKey? FirstAt(string location)
        {
            MetabaseKey? first = null;
            foreach (var key in model.FindByLocation(location))
            {
                var now = keyNow.TryGetValue(key, out var replaced) ? replaced : key;
                // Removed, or renamed away (a key renamed in place is among the arrivals).
                if (now == null || !earlierOf.ContainsKey(now) && !ReferenceEquals(now, key)) continue;
                first = now;
                break;
            }
            if (arrived.Count > 0 && arrived.TryGetValue(LocationPath.Normalize(location), out var list))
            {
                foreach (var key in list)
                {
                    if (first == null || Position(key) < Position(first)) first = key;
                }
            }
            return first;
        }
        MetabaseKey? ParentNow(MetabaseKey key)
        {
            for (var path = key.ParentLocation; path != null; path = LocationPath.GetParent(path))
            {
                if (FirstAt(path) is { } parent) return parent;
            }
            return null;
        }

        // A path whose first key was kept and stays first (a key typed or pasted after another at its Location, a
        // duplicate renamed away) is still where the keys below it hang.
        paths.RemoveAll(path => model.FindByLocation(path) is [var first, ..] && !keyNow.ContainsKey(first) && ReferenceEquals(FirstAt(path), first));
        // The keys whose parent may have changed: those that took a Location, and every key below a path.
        foreach (var path in paths)
        {
            foreach (var key in EarlierKeysBelow(hierarchy, path))
            {
                if (!keyNow.TryGetValue(key, out var now)) moving.Add(key);
                else if (now != null && earlierOf.ContainsKey(now)) moving.Add(now);
                if (moving.Count > MaxKeysMoved) return null;
            }
        }
        var arrivals = new Dictionary<MetabaseKey, List<MetabaseKey>>(ReferenceEqualityComparer.Instance);
        var rootArrivals = new List<MetabaseKey>();
        var moved = new HashSet<MetabaseKey>(moving, ReferenceEqualityComparer.Instance);
        foreach (var key in moved)
        {
            var parent = ParentNow(key);
            if (parent == null) rootArrivals.Add(key);
            else
            {
                if (!arrivals.TryGetValue(parent, out var list)) arrivals[parent] = list = [];
                list.Add(key);
            }
        }

        // The children of a key now: its earlier ones that stayed (read again where edited), and those that came.
        List<MetabaseKey> Children(IReadOnlyList<MetabaseKey> before, List<MetabaseKey>? came)
        {
            var children = new List<MetabaseKey>(before.Count + (came?.Count ?? 0));
            foreach (var child in before)
            {
                var now = keyNow.TryGetValue(child, out var replaced) ? replaced : child;
                if (now != null && !moved.Contains(now)) children.Add(now);
            }
            // Few come, to a list that may hold every web site: each goes in by a binary search of where keys now stand.
            foreach (var key in came ?? [])
            {
                int position = Position(key);
                int lo = 0, hi = children.Count;
                while (lo < hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (Position(children[mid]) < position) lo = mid + 1;
                    else hi = mid;
                }
                children.Insert(lo, key);
            }
            return children;
        }
        IReadOnlyList<MetabaseKey> EarlierChildren(MetabaseKey key) =>
            !slotStartOf.ContainsKey(key) ? hierarchy.ChildrenOf(key) : earlierOf.TryGetValue(key, out var was) ? hierarchy.ChildrenOf(was) : [];
        KeySymbol SymbolOf(MetabaseKey key, MetabaseKey? parent) =>
            KeySymbol.At(key, Navigation.DocumentSymbols.NameOf(key, parent), slotStartOf.TryGetValue(key, out int start) ? start : ShiftOf(key));

        // Breadth first and capped as the whole build does it.
        var roots = new List<KeySymbol>();
        var pending = new Queue<KeySymbol>();
        int count = 0;
        bool capped = false;
        foreach (var key in Children(hierarchy.Roots, rootArrivals))
        {
            if (count == maxSymbols) { capped = true; break; }
            var symbol = SymbolOf(key, null);
            roots.Add(symbol);
            pending.Enqueue(symbol);
            count++;
        }
        while (pending.Count > 0)
        {
            var parent = pending.Dequeue();
            // A duplicate of an earlier Location is no parent: its children went to the first key there.
            if (parent.Key.Location == null || !ReferenceEquals(FirstAt(parent.Key.Location), parent.Key)) continue;
            foreach (var child in Children(EarlierChildren(parent.Key), arrivals.GetValueOrDefault(parent.Key)))
            {
                if (count == maxSymbols) { capped = true; break; }
                var symbol = SymbolOf(child, parent.Key);
                parent.ChildList.Add(symbol);
                pending.Enqueue(symbol);
                count++;
            }
        }
        return new SymbolTree(roots, count, capped);
    }

    // More keys than this moving to another parent (a Location high in the tree renamed), and a whole parse is cheaper.
    private const int MaxKeysMoved = 20_000;

    /// <summary>How far an earlier key of a kept slot now stands from where the earlier parse has it.</summary>
    private int ShiftOf(MetabaseKey key)
    {
        int slot = _earlier.Slots.LastStartingAtOrBefore(key.Element.Span.Start);
        return _state.Slots[Follow(slot).Now].Start - _earlier.Slots[slot].Start;
    }

    /// <summary>
    /// The earlier keys strictly below a Location: the subtree of the first key at it, or, where no key was at it, the
    /// keys below it among the children of its nearest ancestor key (or the roots) and their subtrees.
    /// </summary>
    private IEnumerable<MetabaseKey> EarlierKeysBelow(KeyHierarchy hierarchy, string location)
    {
        var model = _earlier.Document.Model;
        var pending = new Stack<MetabaseKey>();
        if (model.FindByLocation(location) is [var first, ..])
        {
            foreach (var child in hierarchy.ChildrenOf(first)) pending.Push(child);
        }
        else
        {
            MetabaseKey? ancestor = null;
            for (var path = LocationPath.GetParent(location); path != null && ancestor == null; path = LocationPath.GetParent(path))
            {
                if (model.FindByLocation(path) is [var found, ..]) ancestor = found;
            }
            foreach (var key in ancestor == null ? hierarchy.Roots : hierarchy.ChildrenOf(ancestor))
            {
                if (key.HasLocation && ParentKeyRules.IsAncestorOrSelf(location, key.LocationText) && !LocationPath.AreEqual(location, key.Location))
                    pending.Push(key);
            }
        }
        while (pending.Count > 0)
        {
            var key = pending.Pop();
            yield return key;
            foreach (var child in hierarchy.ChildrenOf(key)) pending.Push(child);
        }
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

    /// <summary>The folding ranges as <see cref="FoldingRanges.Compute(SyntaxTree, LineIndex?, int)"/> gives them on the new version, or null.</summary>
    public FoldingResult? Folding(LineIndex lines, int max = FoldingRanges.DefaultMax)
    {
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

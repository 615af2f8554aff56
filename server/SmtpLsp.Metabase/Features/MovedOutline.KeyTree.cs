using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;

namespace SmtpLsp.Metabase.Features;

/// <summary>The outline when keys were renamed, added or removed since the earlier whole parse.</summary>
public sealed partial class MovedOutline
{
    // More Locations left or taken since the earlier parse than this and the outline declines.
    private const int MaxChangedPaths = 256;

    /// <summary>A key of the runs edited since the earlier parse: removed (none now), read again from its edited slot, or added (none earlier).</summary>
    private readonly record struct ChangedKey(MetabaseKey? Was, MetabaseKey? Now, int SlotStart);

    /// <summary>
    /// The keys of the runs edited since the earlier parse, in order; null when an edited slot's keys do not pair one to
    /// one with its earlier ones.
    /// </summary>
    private List<ChangedKey>? ChangedKeys()
    {
        var model = _earlier.Document.Model;
        var earlierKeys = model.Keys;
        var changes = new List<ChangedKey>();
        foreach (var run in _earlier.Runs)
        {
            for (int slot = run.EarlierStart; slot < run.EarlierEnd; slot++)
            {
                var was = _earlier.Slots[slot];
                int from = model.FirstKeyStartingAtOrAfter(was.Start), to = model.FirstKeyStartingAtOrAfter(was.End);
                if (run.Growth != 0)
                {
                    for (int k = from; k < to; k++) changes.Add(new(earlierKeys[k], null, 0));
                    continue;
                }
                int now = run.CurrentStart + slot - run.EarlierStart;
                var keys = Reparsed(now).Keys;
                if (keys.Count != to - from) return null;
                for (int k = from; k < to; k++) changes.Add(new(earlierKeys[k], keys[k - from], _state.Slots[now].Start));
            }
            if (run.Growth == 0) continue;
            for (int slot = run.CurrentStart; slot < run.CurrentEnd; slot++)
            {
                foreach (var key in Reparsed(slot).Keys) changes.Add(new(null, key, _state.Slots[slot].Start));
            }
        }
        return changes;
    }

    private static bool SameLocation(MetabaseKey a, MetabaseKey b) => a.Location == b.Location || LocationPath.AreEqual(a.Location, b.Location);

    /// <summary>
    /// The outline breadth first, as <see cref="DocumentSymbols.Build"/> makes it, over the earlier key tree with what
    /// changed since put where it now hangs: the keys of removed slots left out, those of edited and added slots read
    /// from their new text, and each key at or below a Location a key left or took given its nearest ancestor key now
    /// (the first key at a Location is the parent). Null when so many keys would move that a whole parse is cheaper.
    /// </summary>
    private SymbolTree? Rebuilt(List<ChangedKey> changes, int maxSymbols)
    {
        var model = _earlier.Document.Model;
        var hierarchy = KeyHierarchy.Build(model);
        // Earlier keys of the edited runs: the key now (null when removed); keys now read from slots: their slot's start.
        var keyNow = new Dictionary<MetabaseKey, MetabaseKey?>(ReferenceEqualityComparer.Instance);
        var earlierOf = new Dictionary<MetabaseKey, MetabaseKey>(ReferenceEqualityComparer.Instance);
        var slotStartOf = new Dictionary<MetabaseKey, int>(ReferenceEqualityComparer.Instance);
        // Keys that took a Location (added, renamed to it), by that Location; and every Location a key left or took.
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
        foreach (var (was, now, slotStart) in changes)
        {
            if (now != null) slotStartOf[now] = slotStart;
            if (was != null) keyNow[was] = now;
            if (was != null && now != null && SameLocation(was, now))
            {
                earlierOf[now] = was;
                continue;
            }
            if (was?.Location is { } left) paths.Add(left);
            if (now != null) Took(now);
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
        // The keys whose parent may have changed: those that took a Location, and those hanging just below a path.
        foreach (var path in new HashSet<string>(paths.Select(LocationPath.Normalize), LocationPath.Comparer))
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

        // The children of a key now: its earlier ones that stayed (read again where edited), and those that came, each
        // where it now stands. Lazily: a capped outline reads a list that may hold every web site only up to the cap.
        IEnumerable<MetabaseKey> Children(IReadOnlyList<MetabaseKey> before, List<MetabaseKey>? came)
        {
            var coming = came == null ? [] : came.OrderBy(Position).ToList();
            int next = 0;
            foreach (var child in before)
            {
                var now = keyNow.TryGetValue(child, out var replaced) ? replaced : child;
                if (now == null || moved.Contains(now)) continue;
                if (next < coming.Count)
                {
                    int position = Position(now);
                    while (next < coming.Count && Position(coming[next]) < position) yield return coming[next++];
                }
                yield return now;
            }
            while (next < coming.Count) yield return coming[next++];
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
        while (pending.Count > 0 && !capped)
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
    /// The earlier keys below a Location whose parent is at or above it: the children of the first key at it, or, where
    /// no key was at it, the keys below it among the children of its nearest ancestor key (or the roots). Only these
    /// can hang elsewhere when a key comes to the Location or leaves it; the keys below them keep their parents.
    /// </summary>
    private IEnumerable<MetabaseKey> EarlierKeysBelow(KeyHierarchy hierarchy, string location)
    {
        var model = _earlier.Document.Model;
        if (model.FindByLocation(location) is [var first, ..]) return hierarchy.ChildrenOf(first);
        MetabaseKey? ancestor = null;
        for (var path = LocationPath.GetParent(location); path != null && ancestor == null; path = LocationPath.GetParent(path))
        {
            if (model.FindByLocation(path) is [var found, ..]) ancestor = found;
        }
        // The children the model's parent index lists have their parent path at the ancestor, above the Location, so
        // only the adopted ones can be below it (34,000 web sites against a few, for a site's new Location).
        return (ancestor == null ? hierarchy.Roots : hierarchy.AdoptedBy(ancestor))
            .Where(key => key.HasLocation && ParentKeyRules.IsAncestorOrSelf(location, key.LocationText) && !LocationPath.AreEqual(location, key.Location));
    }

    /// <summary>
    /// Whether every key renamed, added or removed since the earlier parse stands deeper in the key tree than the last
    /// symbol of a capped outline (which is breadth first), where it was and where it is: then no symbol the outline
    /// keeps comes, goes or changes. A key's depth changes only below a key that changed, and stays deeper than the
    /// shallowest of those. Typing in the Location of a virtual directory with directories below it, in a file whose
    /// outline is capped among its web sites, is such an edit.
    /// </summary>
    private bool ChangedBelowTheCut(SymbolTree earlier, List<ChangedKey> changes)
    {
        if (!earlier.Capped) return false;
        int cut = DeepestLevel(earlier.Symbols);
        var hierarchy = KeyHierarchy.Build(_earlier.Document.Model);
        // An earlier key's depth, and that of a key now by the nearest earlier key above its path (one renamed or
        // removed since is deeper than the cut itself, and so is whatever hangs above a key below it).
        int Depth(MetabaseKey key)
        {
            int depth = 0;
            for (var parent = hierarchy.ParentOf(key); parent != null; parent = hierarchy.ParentOf(parent)) depth++;
            return depth;
        }
        int DepthNow(MetabaseKey key) => hierarchy.ParentOf(key) is { } parent ? Depth(parent) + 1 : 0;

        foreach (var (was, now, _) in changes)
        {
            if (was != null && now != null && SameLocation(was, now)) continue;
            if ((was != null && Depth(was) <= cut) || (now != null && DepthNow(now) <= cut)) return false;
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
}

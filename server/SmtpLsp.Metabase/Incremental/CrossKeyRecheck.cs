using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The cross-key rules (duplicate Locations, missing parents) after an edit that changed a Location, inside a key
/// they report on, or that added or removed keys, without a whole parse of the new version: they run over the keys of
/// the last earlier whole parse with the keys of every run of slots edited or added since read again from those
/// slots' text (each parses alone as in place) in place of that run's earlier keys. Those edits kept every other key
/// and the order of all, so the result is what a whole parse would give; each key's spans are placed where it now
/// stands by its slot's shift.
/// </summary>
internal static class CrossKeyRecheck
{
    /// <param name="earlier">The earlier whole parse, with the slots edited now among its runs.</param>
    /// <param name="parsedNow">The slots this update parsed alone, by their number now, so they are not parsed again.</param>
    public static MetabaseDiagnostic[] Run(EarlierDocument earlier, SlotTable slots, TextBuffer text,
        IReadOnlyDictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)> parsedNow)
    {
        var model = earlier.Document.Model;
        var earlierKeys = model.Keys;
        var earlierSlots = earlier.Slots;
        var keys = new List<MetabaseKey>(earlierKeys.Count + 16);
        var keyRuns = new List<KeyRun>();
        // Whether each earlier key's parent exists, as the earlier version had it; the rule looks up those that say no.
        var (parentHashes, parentExisted) = model.ParentFacts();
        var parentListed = new System.Collections.BitArray(parentExisted);
        // Where the keys of each re-read slot now start: their trees hold them from 0.
        var slotStartOf = new Dictionary<SyntaxTree, int>(ReferenceEqualityComparer.Instance);
        // The earlier Locations of the replaced keys, hashed as the index files them.
        var editedLocations = new HashSet<int>();

        int copied = 0;
        foreach (var run in earlier.Runs)
        {
            int from = FirstKeyOfSlot(model, earlierSlots, run.EarlierStart);
            int to = run.EarlierEnd > run.EarlierStart ? model.FirstKeyStartingAtOrAfter(earlierSlots[run.EarlierEnd - 1].End) : from;
            for (int k = copied; k < from; k++) keys.Add(earlierKeys[k]);
            int newStart = keys.Count;
            for (int slot = run.CurrentStart; slot < run.CurrentEnd; slot++)
            {
                var now = slots[slot];
                var (tree, nowKeys) = parsedNow.TryGetValue(slot, out var parsed) ? parsed : ParseAlone(text, now);
                slotStartOf[tree] = now.Start;
                keys.AddRange(nowKeys);
            }
            keyRuns.Add(new KeyRun(from, to, newStart, keys.Count));
            for (int k = from; k < to; k++)
            {
                if (earlierKeys[k].HasLocation) editedLocations.Add(earlierKeys[k].LocationHash);
            }
            copied = to;
        }
        for (int k = copied; k < earlierKeys.Count; k++) keys.Add(earlierKeys[k]);

        // The keys whose parent path was a replaced key's earlier Location may have lost it (a hash collision only
        // sends one more key to the lookup).
        if (editedLocations.Count > 0)
        {
            for (int k = 0; k < parentHashes.Length; k++)
            {
                if (parentListed[k] && editedLocations.Contains(parentHashes[k])) parentListed[k] = false;
            }
        }
        var renumbering = new KeyRenumbering(keyRuns.ToArray());
        var current = MetabaseModel.FromKeys(model, keys, renumbering, ParentListedNow(parentListed, renumbering, keys.Count), key =>
        {
            if (slotStartOf.TryGetValue(key.Element.Tree, out int start)) return start;
            int slot = earlierSlots.Find(key.Element.Span.Start);
            return slots[earlier.CurrentOf(slot)].Start - earlierSlots[slot].Start;
        });
        var sink = new List<MetabaseDiagnostic>();
        DocumentRules.Analyze(current, sink);
        return sink.ToArray();
    }

    private static (SyntaxTree, List<MetabaseKey>) ParseAlone(TextBuffer text, KeySlot slot)
    {
        var tree = SlotParse.Parse(text.ToString(slot.Start, slot.Length));
        return (tree, MetabaseModel.KeysOf(tree));
    }

    private static int FirstKeyOfSlot(MetabaseModel model, SlotTable slots, int slot) =>
        slot < slots.Count ? model.FirstKeyStartingAtOrAfter(slots[slot].Start) : model.Keys.Count;

    /// <summary>
    /// The earlier bits ("a parent exists", see MetabaseModel.ParentListedBefore) under the numbers now; false for the
    /// replacing keys, which makes the rule look theirs up.
    /// </summary>
    private static System.Collections.BitArray ParentListedNow(System.Collections.BitArray earlier, KeyRenumbering renumbering, int count)
    {
        var runs = renumbering.Runs;
        if (runs.All(run => run.Growth == 0))
        {
            var same = new System.Collections.BitArray(earlier);
            foreach (var run in runs)
            {
                for (int k = run.EarlierStart; k < run.EarlierEnd; k++) same[k] = false;
            }
            return same;
        }
        var now = new System.Collections.BitArray(count);
        int shift = 0, next = 0;
        foreach (var run in runs)
        {
            for (; next < run.EarlierStart; next++) now[next + shift] = earlier[next];
            shift += run.Growth;
            next = run.EarlierEnd;
        }
        for (; next < earlier.Length; next++) now[next + shift] = earlier[next];
        return now;
    }
}

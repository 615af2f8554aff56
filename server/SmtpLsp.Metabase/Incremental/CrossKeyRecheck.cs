using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The cross-key rules (duplicate Locations, missing parents) after an edit that changed a Location, or inside a key
/// they report on, without a whole parse of the new version: they run over the keys of the last earlier whole parse
/// with the keys of every slot edited since read again from those slots' text (each parses alone as in place). Those
/// edits kept every other key and the order of all, so the result is what a whole parse would give; each key's spans
/// are placed where it now stands by its slot's shift.
/// </summary>
internal static class CrossKeyRecheck
{
    /// <param name="earlier">The earlier whole parse, with <paramref name="editedSlot"/> among its edited slots.</param>
    /// <param name="editedKeys">The keys of the slot edited now, parsed alone (<paramref name="editedTree"/>).</param>
    /// <returns>The cross-key diagnostics, or null when an edited slot no longer has as many keys as it had.</returns>
    public static MetabaseDiagnostic[]? Run(EarlierDocument earlier, SlotTable slots, TextBuffer text, int editedSlot,
        List<MetabaseKey> editedKeys, SyntaxTree editedTree)
    {
        var model = earlier.Document.Model;
        var earlierKeys = model.Keys;
        var earlierSlots = earlier.Slots;
        // Key k of the earlier parse is key k now (every incremental update keeps each slot's number of keys): the
        // edited slots' keys replace theirs.
        var replacements = new Dictionary<int, MetabaseKey>();
        // Whether each key's parent exists, as the earlier version had it; the rule looks up those that say no.
        var (parentHashes, parentExisted) = model.ParentFacts();
        var parentListed = new System.Collections.BitArray(parentExisted);
        // Where the keys of each re-read slot now start: their trees hold them from 0.
        var slotStartOf = new Dictionary<SyntaxTree, int>(ReferenceEqualityComparer.Instance);
        // The earlier Locations of the edited keys, hashed as the index files them.
        var editedLocations = new HashSet<int>();

        foreach (int slot in earlier.EditedSlots)
        {
            var was = earlierSlots[slot];
            int from = model.FirstKeyStartingAtOrAfter(was.Start);
            int to = model.FirstKeyStartingAtOrAfter(was.End);
            var now = slots[slot];
            var tree = slot == editedSlot ? editedTree : SlotParse.Parse(text.ToString(now.Start, now.Length));
            var nowKeys = slot == editedSlot ? editedKeys : MetabaseModel.KeysOf(tree);
            if (nowKeys.Count != to - from) return null;
            slotStartOf[tree] = now.Start;
            for (int k = from; k < to; k++)
            {
                replacements[k] = nowKeys[k - from];
                // The bit only ever says "a parent exists" (see MetabaseModel.ParentListedBefore); false makes the rule look it up.
                parentListed[k] = false;
                if (earlierKeys[k].HasLocation) editedLocations.Add(earlierKeys[k].LocationHash);
            }
        }
        // The keys whose parent path was an edited key's earlier Location may have lost it (a hash collision only
        // sends one more key to the lookup).
        if (editedLocations.Count > 0)
        {
            for (int k = 0; k < parentHashes.Length; k++)
            {
                if (parentListed[k] && editedLocations.Contains(parentHashes[k])) parentListed[k] = false;
            }
        }

        var current = MetabaseModel.FromKeys(model, replacements, parentListed, key =>
        {
            if (slotStartOf.TryGetValue(key.Element.Tree, out int start)) return start;
            int slot = earlierSlots.Find(key.Element.Span.Start);
            return slots[slot].Start - earlierSlots[slot].Start;
        });
        var sink = new List<MetabaseDiagnostic>();
        DocumentRules.Analyze(current, sink);
        return sink.ToArray();
    }
}

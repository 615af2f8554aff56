using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The keys of a version reached from the last earlier whole parse by incremental updates: that parse's keys, with
/// the keys of every run of slots edited or added since read again from those slots' text (each parses alone as in
/// place) in place of that run's earlier keys. Those updates kept every other key and the order of all, so these are
/// the keys a whole parse would give, each placed where it now stands by its slot's shift
/// (<see cref="MetabaseModel.Place"/>). What the cross-key rules and the property sheet read after a keystroke.
/// </summary>
internal sealed class CurrentKeys
{
    private CurrentKeys(List<MetabaseKey> keys, KeyRenumbering renumbering, HashSet<int> replacedLocations, Func<MetabaseKey, int> shiftOf)
    {
        Keys = keys;
        Renumbering = renumbering;
        ReplacedLocations = replacedLocations;
        ShiftOf = shiftOf;
    }

    /// <summary>Every key now, in document order.</summary>
    public List<MetabaseKey> Keys { get; }

    /// <summary>Which runs of the earlier keys were replaced, and by which keys now.</summary>
    public KeyRenumbering Renumbering { get; }

    /// <summary>The earlier Locations of the replaced keys, hashed as the Location index files them.</summary>
    public HashSet<int> ReplacedLocations { get; }

    /// <summary>How far a key now stands from where its own tree has it.</summary>
    public Func<MetabaseKey, int> ShiftOf { get; }

    /// <param name="earlier">The earlier whole parse, with the slots edited since among its runs.</param>
    /// <param name="parsedNow">Slots already parsed alone, by their number now, so they are not parsed again.</param>
    public static CurrentKeys Read(EarlierDocument earlier, SlotTable slots, TextBuffer text,
        IReadOnlyDictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)>? parsedNow = null)
    {
        var model = earlier.Document.Model;
        var earlierKeys = model.Keys;
        var earlierSlots = earlier.Slots;
        var keys = new List<MetabaseKey>(earlierKeys.Count + 16);
        var keyRuns = new List<KeyRun>();
        // Where the keys of each re-read slot now start: their trees hold them from 0.
        var slotStartOf = new Dictionary<SyntaxTree, int>(ReferenceEqualityComparer.Instance);
        var replacedLocations = new HashSet<int>();

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
                var (tree, nowKeys) = parsedNow != null && parsedNow.TryGetValue(slot, out var parsed) ? parsed : ParseAlone(text, now);
                slotStartOf[tree] = now.Start;
                keys.AddRange(nowKeys);
            }
            keyRuns.Add(new KeyRun(from, to, newStart, keys.Count));
            for (int k = from; k < to; k++)
            {
                if (earlierKeys[k].HasLocation) replacedLocations.Add(earlierKeys[k].LocationHash);
            }
            copied = to;
        }
        for (int k = copied; k < earlierKeys.Count; k++) keys.Add(earlierKeys[k]);

        return new CurrentKeys(keys, new KeyRenumbering(keyRuns.ToArray()), replacedLocations, key =>
        {
            if (slotStartOf.TryGetValue(key.Element.Tree, out int start)) return start;
            int slot = earlierSlots.Find(key.Element.Span.Start);
            return slots[earlier.CurrentOf(slot)].Start - earlierSlots[slot].Start;
        });
    }

    /// <summary>The keys of a version reached by keystrokes as a model, or null when it keeps no earlier whole parse.</summary>
    public static MetabaseModel? ModelOf(IncrementalState state) =>
        state.Earlier is { } earlier ? Read(earlier, state.Slots, state.Buffer).Model(earlier.Document.Model) : null;

    /// <summary>
    /// The model of these keys over the earlier one (see <see cref="MetabaseModel.FromKeys"/>), for what reads keys by
    /// Location; <paramref name="parentListedBefore"/> as the parent rule wants it, or null when no rule runs.
    /// </summary>
    public MetabaseModel Model(MetabaseModel earlier, System.Collections.BitArray? parentListedBefore = null) =>
        MetabaseModel.FromKeys(earlier, Keys, Renumbering, parentListedBefore, ShiftOf);

    private static (SyntaxTree, List<MetabaseKey>) ParseAlone(TextBuffer text, KeySlot slot)
    {
        var tree = SlotParse.Parse(text.ToString(slot.Start, slot.Length));
        return (tree, MetabaseModel.KeysOf(tree));
    }

    private static int FirstKeyOfSlot(MetabaseModel model, SlotTable slots, int slot) =>
        slot < slots.Count ? model.FirstKeyStartingAtOrAfter(slots[slot].Start) : model.Keys.Count;
}

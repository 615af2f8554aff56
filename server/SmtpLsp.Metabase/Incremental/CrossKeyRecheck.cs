using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The cross-key rules (duplicate Locations, missing parents) after an edit that changed a Location, inside a key
/// they report on, or that added or removed keys, without a whole parse of the new version: they run over the keys
/// now (<see cref="CurrentKeys"/>), which are what a whole parse would give, each placed where it now stands.
/// </summary>
internal static class CrossKeyRecheck
{
    /// <param name="earlier">The earlier whole parse, with the slots edited now among its runs.</param>
    /// <param name="parsedNow">The slots this update parsed alone, by their number now, so they are not parsed again.</param>
    public static MetabaseDiagnostic[] Run(EarlierDocument earlier, SlotTable slots, TextBuffer text,
        IReadOnlyDictionary<int, (SyntaxTree Tree, List<MetabaseKey> Keys)> parsedNow)
    {
        var model = earlier.Document.Model;
        var current = CurrentKeys.Read(earlier, slots, text, parsedNow);
        // Whether each earlier key's parent exists, as the earlier version had it; the rule looks up those that say no.
        var (parentHashes, parentExisted) = model.ParentFacts();
        var parentListed = new System.Collections.BitArray(parentExisted);
        // The keys whose parent path was a replaced key's earlier Location may have lost it (a hash collision only
        // sends one more key to the lookup).
        if (current.ReplacedLocations.Count > 0)
        {
            for (int k = 0; k < parentHashes.Length; k++)
            {
                if (parentListed[k] && current.ReplacedLocations.Contains(parentHashes[k])) parentListed[k] = false;
            }
        }
        var sink = new List<MetabaseDiagnostic>();
        DocumentRules.Analyze(current.Model(model, ParentListedNow(parentListed, current.Renumbering, current.Keys.Count)), sink);
        return sink.ToArray();
    }

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

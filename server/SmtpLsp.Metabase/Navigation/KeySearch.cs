using System.Buffers;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Navigation;

public sealed record KeySearchResult(IReadOnlyList<KeyTarget> Matches, bool Capped);

/// <summary>
/// Workspace-symbol style search: keys whose Location or key type contains the query ("SmtpSvc/1", "IIsSmtpDomain"),
/// case-insensitively; on the keys of a
/// version reached by keystrokes too (<see cref="Incremental.IncrementalState.KeysNow"/>), each where it now stands.
/// </summary>
public static class KeySearch
{
    public const int DefaultMax = 5000;

    public static KeySearchResult Find(MetabaseModel model, string query, int max = DefaultMax)
    {
        var matches = new List<KeyTarget>();
        // A vectorised case-insensitive search (Contains with OrdinalIgnoreCase is a scalar loop under invariant
        // globalization) over spans of the text: a query walks every key, and Location would cut a string for each.
        var search = string.IsNullOrEmpty(query) ? null : SearchValues.Create([query], StringComparison.OrdinalIgnoreCase);
        foreach (var key in model.Keys)
        {
            if (!key.HasLocation || (search != null && key.LocationText.IndexOfAny(search) < 0 && key.KeyType.AsSpan().IndexOfAny(search) < 0)) continue;
            if (matches.Count == max) return new KeySearchResult(matches, true);
            matches.Add(KeyTarget.Of(model, key));
        }
        return new KeySearchResult(matches, false);
    }
}

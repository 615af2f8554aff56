namespace SmtpLsp.Metabase.Catalog;

/// <summary>Closest-name suggestions for misspelt property, flag and key type names.</summary>
public static class NameSuggester
{
    /// <summary>
    /// Candidates within a small case-insensitive Damerau-Levenshtein distance (about a third of the word), closest
    /// first. A case-only difference counts as distance 0, so it always comes first.
    /// </summary>
    public static IReadOnlyList<string> Closest(string misspelt, IEnumerable<string> candidates, int max = 3)
    {
        if (string.IsNullOrEmpty(misspelt) || max <= 0) return [];
        int limit = Math.Max(1, misspelt.Length / 3);
        var lower = misspelt.ToLowerInvariant();
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Math.Abs(c.Length - misspelt.Length) > limit ? int.MaxValue : Distance(lower, c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit && x.Name != misspelt)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}

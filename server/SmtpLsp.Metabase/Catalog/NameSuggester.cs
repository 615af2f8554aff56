using System.Numerics;

namespace SmtpLsp.Metabase.Catalog;

/// <summary>Closest-name suggestions for misspelt property, flag and key type names.</summary>
public static class NameSuggester
{
    /// <summary>
    /// Candidates within a small case-insensitive Damerau-Levenshtein distance (about a third of the word), closest
    /// first. A case-only difference counts as distance 0, so it always comes first.
    /// </summary>
    public static IReadOnlyList<string> Closest(string misspelt, IEnumerable<string> candidates, int max = 3) =>
        Closest(misspelt, new NameIndex(candidates), max);

    /// <summary>
    /// As above over names prepared once: a file of ten thousand unknown names asks this of every catalog name for
    /// each, so a candidate is ruled out by its length or its letters before any distance is computed.
    /// </summary>
    public static IReadOnlyList<string> Closest(string misspelt, NameIndex index, int max = 3)
    {
        if (string.IsNullOrEmpty(misspelt) || max <= 0) return [];
        int limit = Math.Max(1, misspelt.Length / 3);
        var counts = NameIndex.CountLetters(misspelt);
        var found = new List<(string Name, int Distance)>();
        for (int i = index.FirstOfLength(misspelt.Length - limit); i < index.Names.Length && index.Names[i].Length <= misspelt.Length + limit; i++)
        {
            string candidate = index.Names[i];
            if (candidate == misspelt || LetterBound(index.Counts[i], counts) > limit) continue;
            int distance = Distance(misspelt, candidate, limit);
            if (distance <= limit) found.Add((candidate, distance));
        }
        return found.OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Take(max).Select(x => x.Name).ToList();
    }

    /// <summary>
    /// A lower bound of the distance from the letters alone: an edit adds, removes or replaces one letter and a
    /// transposition none, so the distance is at least the larger of the letters one word has more of and fewer of.
    /// </summary>
    private static int LetterBound(short[] candidate, short[] misspelt)
    {
        var more = Vector<short>.Zero;
        var fewer = Vector<short>.Zero;
        for (int b = 0; b < NameIndex.Buckets; b += Vector<short>.Count)
        {
            var difference = new Vector<short>(misspelt, b) - new Vector<short>(candidate, b);
            more += Vector.Max(difference, Vector<short>.Zero);
            fewer += Vector.Max(-difference, Vector<short>.Zero);
        }
        return Math.Max(Vector.Sum(more), Vector.Sum(fewer));
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), ignoring case.</summary>
    public static int Distance(string a, string b) => Distance(a, b, int.MaxValue);

    /// <summary>The distance when it is at most <paramref name="limit"/>, else some number above it: a row past the limit ends the search.</summary>
    private static int Distance(string a, string b, int limit)
    {
        int width = b.Length + 1;
        Span<int> rows = width * 3 <= 1024 ? stackalloc int[width * 3] : new int[width * 3];
        Span<int> before = rows[..width], previous = rows[width..(2 * width)], current = rows[(2 * width)..];
        for (int j = 0; j < width; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            char ai = char.ToLowerInvariant(a[i - 1]);
            for (int j = 1; j < width; j++)
            {
                char bj = char.ToLowerInvariant(b[j - 1]);
                int v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ai == bj ? 0 : 1));
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj) v = Math.Min(v, before[j - 2] + 1);
                current[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > limit) return limit + 1;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[width - 1];
    }
}

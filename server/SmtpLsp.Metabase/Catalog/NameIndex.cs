using System.Numerics;

namespace SmtpLsp.Metabase.Catalog;

/// <summary>Candidate names for <see cref="NameSuggester"/>, distinct, by length, with their letters counted.</summary>
public sealed class NameIndex
{
    // 32 buckets, a multiple of any vector width; each count stops at 255, so a sum fits a short.
    internal const int Buckets = 32;

    internal readonly string[] Names;
    internal readonly short[][] Counts;

    public NameIndex(IEnumerable<string> names)
    {
        Names = names.Distinct(StringComparer.Ordinal).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
        Counts = Names.Select(CountLetters).ToArray();
    }

    // Letters that share a bucket, or a count stopped at 255, only lower the bound, which stays a bound.
    internal static short[] CountLetters(string word)
    {
        var counts = new short[Math.Max(Buckets, Vector<short>.Count)];
        foreach (char c in word)
        {
            int bucket = char.ToLowerInvariant(c) % Buckets;
            if (counts[bucket] < 255) counts[bucket]++;
        }
        return counts;
    }

    internal int FirstOfLength(int length)
    {
        int low = 0, high = Names.Length;
        while (low < high)
        {
            int mid = (low + high) / 2;
            if (Names[mid].Length < length) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}

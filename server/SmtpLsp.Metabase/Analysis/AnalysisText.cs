using System.Globalization;
using System.Text;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>Formatting shared by diagnostic messages: quoted user text, bit lists, name lists.</summary>
internal static class AnalysisText
{
    private const int MaxQuoted = 60;

    /// <summary>User text in single quotes, on one line and cut when long (a message must stay readable).</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxQuoted) + 4);
        sb.Append('\'');
        int n = Math.Min(text.Length, MaxQuoted);
        if (n < text.Length && n > 0 && char.IsHighSurrogate(text[n - 1])) n--; // never half a character
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            sb.Append(c switch { '\r' => "\\r", '\n' => "\\n", '\t' => "\\t", _ => VisibleText.IsHidden(c) ? VisibleText.Of(c.ToString()) : c.ToString() });
        }
        if (text.Length > MaxQuoted) sb.Append('…');
        sb.Append('\'');
        return sb.ToString();
    }

    private const int MaxBitsListed = 4;

    /// <summary>Each set bit as <c>0x2 (2)</c>, lowest first; a long list becomes one mask.</summary>
    public static string Bits(uint bits)
    {
        if (System.Numerics.BitOperations.PopCount(bits) > MaxBitsListed)
            return $"the bits of mask {Hex(bits)} ({bits.ToString(CultureInfo.InvariantCulture)})";
        var parts = new List<string>();
        for (int i = 0; i < 32; i++)
        {
            uint bit = 1u << i;
            if ((bits & bit) != 0) parts.Add($"0x{bit.ToString("X", CultureInfo.InvariantCulture)} ({bit.ToString(CultureInfo.InvariantCulture)})");
        }
        return string.Join(", ", parts);
    }

    public static string Hex(uint value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The schema range of a DWORD: "1..65535", or "at least 1" when it has no upper bound.</summary>
    public static string Range(Catalog.PropertyInfo info)
    {
        long min = info.StartingNumber ?? 0;
        return info.EndingNumber is { } max ? $"{Number(min)}..{Number(max)}" : $"at least {Number(min)}";
    }

    /// <summary>"Did you mean 'X'?" or empty.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0 ? "" : $" Did you mean {Quote(suggestions[0])}?";
}

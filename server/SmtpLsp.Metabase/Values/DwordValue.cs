namespace SmtpLsp.Metabase.Values;

public enum DwordParseError { None, Empty, NotANumber, OutOfRange }

/// <summary>
/// DWORD text as IIS writes it: plain decimal digits, leading zeros allowed. <c>-1</c> is the accepted alias of
/// 4294967295 ("unlimited"); other negatives are out of range. No sign, no whitespace: IIS writes none, so
/// <c>" 5"</c> or <c>"+5"</c> is NotANumber rather than silently accepted. Hex (<c>0x7574C1</c>) only when
/// <c>allowHex</c> (command-line input, as mdutil prints it).
/// </summary>
public static class DwordValue
{
    /// <summary>What text past 32 bits is told where a value is explained (decode, encode, hover).</summary>
    public static string DoesNotFit(string text) => $"'{text}' does not fit in a DWORD (0..4294967295, or -1 for 4294967295)";

    public static bool TryParse(string? text, bool allowHex, out uint value, out DwordParseError error) =>
        TryParse(text.AsSpan(), allowHex, out value, out error);

    /// <summary>The same rules on a slice of a larger text, so analysis reads values without cutting strings.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool allowHex, out uint value, out DwordParseError error)
    {
        value = 0;
        if (text.IsEmpty) { error = DwordParseError.Empty; return false; }

        if (text[0] == '-')
        {
            var magnitude = text[1..];
            if (magnitude.Length == 0 || !AllDigits(magnitude)) { error = DwordParseError.NotANumber; return false; }
            if (magnitude.TrimStart('0') is "1") { value = uint.MaxValue; error = DwordParseError.None; return true; }
            error = DwordParseError.OutOfRange;
            return false;
        }

        if (allowHex && text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            return Accumulate(text[2..], 16, out value, out error);

        if (!AllDigits(text)) { error = DwordParseError.NotANumber; return false; }
        return Accumulate(text, 10, out value, out error);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    private static bool Accumulate(ReadOnlySpan<char> digits, int radix, out uint value, out DwordParseError error)
    {
        ulong acc = 0;
        bool overflow = false;
        foreach (var c in digits)
        {
            int d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' when radix == 16 => c - 'a' + 10,
                >= 'A' and <= 'F' when radix == 16 => c - 'A' + 10,
                _ => -1,
            };
            if (d < 0) { value = 0; error = DwordParseError.NotANumber; return false; }
            if (!overflow) acc = acc * (ulong)radix + (ulong)d;
            if (acc > uint.MaxValue) overflow = true;
        }
        value = overflow ? 0 : (uint)acc;
        error = overflow ? DwordParseError.OutOfRange : DwordParseError.None;
        return !overflow;
    }
}

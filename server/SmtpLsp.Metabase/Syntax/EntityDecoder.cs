using System.Globalization;
using System.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// Decodes the five predefined XML entities and character references. Nothing else is ever expanded: a reference to a
/// DTD-declared entity stays verbatim, which is what keeps entity bombs harmless.
/// </summary>
public static class EntityDecoder
{
    // Longer than any valid reference (&#x10FFFF;); bounds the look-ahead so a lone '&' costs O(1).
    private const int MaxReferenceLength = 12;

    public static string Decode(ReadOnlySpan<char> raw)
    {
        int amp = raw.IndexOf('&');
        if (amp < 0) return new string(raw);
        var builder = new StringBuilder(raw.Length);
        int i = 0;
        while (amp >= 0)
        {
            builder.Append(raw[i..(i + amp)]);
            i += amp;
            var length = Read(raw[i..], out string? replacement);
            if (replacement != null)
            {
                builder.Append(replacement);
                i += length;
            }
            else
            {
                builder.Append('&');
                i++;
            }
            amp = raw[i..].IndexOf('&');
        }
        builder.Append(raw[i..]);
        return builder.ToString();
    }

    /// <summary>
    /// Reads the reference starting at <paramref name="text"/>[0] (an '&amp;'). Returns the length to report
    /// (through ';' when there is one nearby, else 1) and the decoded text, or null when it is not a valid reference.
    /// </summary>
    public static int Read(ReadOnlySpan<char> text, out string? replacement)
    {
        replacement = null;
        var window = text[..Math.Min(text.Length, MaxReferenceLength)];
        int semi = window.IndexOf(';');
        if (semi < 0) return 1;
        var body = window[1..semi];
        int length = semi + 1;
        switch (body)
        {
            case "lt": replacement = "<"; return length;
            case "gt": replacement = ">"; return length;
            case "amp": replacement = "&"; return length;
            case "quot": replacement = "\""; return length;
            case "apos": replacement = "'"; return length;
        }
        if (body.Length >= 2 && body[0] == '#')
        {
            bool hex = body[1] == 'x';
            var digits = hex ? body[2..] : body[1..];
            int code = 0;
            bool ok = digits.Length > 0 && int.TryParse(
                digits,
                hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                CultureInfo.InvariantCulture,
                out code);
            if (ok && IsXmlChar(code)) replacement = char.ConvertFromUtf32(code);
            return length;
        }
        // A name-like body is an entity reference we refuse to expand; anything else is a lone '&'.
        foreach (char c in body)
        {
            if (!Parser.IsNameChar(c)) return 1;
        }
        return body.Length == 0 ? 1 : length;
    }

    /// <summary>Why a character reference ("&amp;#0;", "&amp;#x110000;", "&amp;#12a;") reads as no character.</summary>
    public static string WhyNotACharacter(ReadOnlySpan<char> reference)
    {
        var body = reference[2..^1];
        if (body.Length > 0 && body[0] == 'X') return "writes 'X' where XML requires a lowercase 'x' for hexadecimal";
        bool hex = body.Length > 0 && body[0] == 'x';
        if (body.Length == (hex ? 1 : 0)) return "has no digits";
        // Unsigned and 64 bits: "FFFFFFFF" read as an int is -1, and would be named U+FFFFFFFF.
        if (!ulong.TryParse(hex ? body[1..] : body, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out ulong code))
            return hex ? "is not a hexadecimal number, or too long a one" : "is not a decimal number, or too long a one";
        return code > 0x10FFFF ? "is past U+10FFFF, the last code point" : $"names U+{code:X4}, which XML does not allow";
    }

    private static bool IsXmlChar(int code) =>
        code == 0x9 || code == 0xA || code == 0xD ||
        (code >= 0x20 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

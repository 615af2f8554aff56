using System.Text;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Decodes the raw bytes of a JSON string that <see cref="System.Text.Json.Utf8JsonReader"/> has already read
/// (escapes checked) straight into one .NET string: one count pass and one decode pass, no intermediate
/// unescaped copy and no pooled buffer the size of the document.
/// </summary>
internal static class JsonStringDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The decoded text of <c>buffer[start..start+count]</c> (the bytes between the quotes), or null when it holds a
    /// <c>\u</c> escape of an unpaired surrogate or invalid UTF-8: those stay with System.Text.Json, which rejects them.
    /// </summary>
    public static string? Decode(byte[] buffer, int start, int count)
    {
        int length;
        try
        {
            length = CountChars(buffer.AsSpan(start, count));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (length < 0) return null;
        return string.Create(length, (buffer, start, count), static (destination, source) =>
            Fill(source.buffer.AsSpan(source.start, source.count), destination));
    }

    /// <summary>UTF-16 length of the decoded text; -1 when a \u escape is an unpaired surrogate.</summary>
    private static int CountChars(ReadOnlySpan<byte> raw)
    {
        int count = 0;
        while (true)
        {
            int slash = raw.IndexOf((byte)'\\');
            if (slash < 0) return count + StrictUtf8.GetCharCount(raw);
            count += StrictUtf8.GetCharCount(raw[..slash]) + 1;
            if (raw[slash + 1] == (byte)'u')
            {
                int escaped = EscapedUnits(raw[slash..]);
                if (escaped == 0) return -1;
                count += escaped - 1;
                raw = raw[(slash + 6 * escaped)..];
            }
            else
            {
                raw = raw[(slash + 2)..];
            }
        }
    }

    private static void Fill(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        while (true)
        {
            int slash = raw.IndexOf((byte)'\\');
            if (slash < 0)
            {
                StrictUtf8.GetChars(raw, destination);
                return;
            }
            int written = StrictUtf8.GetChars(raw[..slash], destination);
            destination = destination[written..];
            byte escape = raw[slash + 1];
            if (escape == (byte)'u' && EscapedUnits(raw[slash..]) == 2)
            {
                destination[0] = Hex4(raw.Slice(slash + 2, 4));
                destination[1] = Hex4(raw.Slice(slash + 8, 4));
                destination = destination[2..];
                raw = raw[(slash + 12)..];
                continue;
            }
            destination[0] = escape switch
            {
                (byte)'u' => Hex4(raw.Slice(slash + 2, 4)),
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                _ => (char)escape, // \" \\ \/ (the reader accepted no other escape)
            };
            destination = destination[1..];
            raw = raw[(slash + (escape == (byte)'u' ? 6 : 2))..];
        }
    }

    /// <summary>
    /// At a <c>\u</c> escape: 1 for a plain character, 2 for a high surrogate followed by an escaped low one (one
    /// character, as System.Text.Json joins them), 0 for an unpaired surrogate.
    /// </summary>
    private static int EscapedUnits(ReadOnlySpan<byte> escape)
    {
        char unit = Hex4(escape.Slice(2, 4));
        if (!char.IsSurrogate(unit)) return 1;
        return char.IsHighSurrogate(unit) && escape.Length >= 12 && escape[6] == (byte)'\\' && escape[7] == (byte)'u'
               && char.IsLowSurrogate(Hex4(escape.Slice(8, 4)))
            ? 2
            : 0;
    }

    private static char Hex4(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte digit in digits)
            value = (value << 4) | (digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        return (char)value;
    }
}

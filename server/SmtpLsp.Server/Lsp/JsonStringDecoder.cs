using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    // Metabase text is mostly ASCII with an escape every few bytes (\r\n, \"), so library calls per segment between
    // escapes cost more than the segments. Both passes take 16 bytes at a time instead: plain ASCII up to the first
    // backslash or non-ASCII byte of the block is counted (or widened to chars) at once, and that byte goes to the
    // byte-by-byte code below.

    /// <summary>UTF-16 length of the decoded text; -1 when a \u escape is an unpaired surrogate.</summary>
    private static int CountChars(ReadOnlySpan<byte> raw)
    {
        int count = 0;
        for (int i = 0; i < raw.Length;)
        {
            if (i + Vector128<byte>.Count <= raw.Length)
            {
                int plain = PlainAsciiAt(raw, i);
                count += plain;
                i += plain;
                if (plain == Vector128<byte>.Count) continue;
            }
            byte b = raw[i];
            if (b == (byte)'\\')
            {
                int units = raw[i + 1] == (byte)'u' ? EscapedUnits(raw[i..]) : 1;
                if (units == 0) return -1;
                count += units;
                i += raw[i + 1] == (byte)'u' ? 6 * units : 2;
            }
            else if (b < 0x80)
            {
                count++;
                i++;
            }
            else
            {
                int end = NonAsciiRunEnd(raw, i);
                count += StrictUtf8.GetCharCount(raw[i..end]);
                i = end;
            }
        }
        return count;
    }

    private static void Fill(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        int j = 0;
        for (int i = 0; i < raw.Length;)
        {
            if (i + Vector128<byte>.Count <= raw.Length && j + Vector128<byte>.Count <= destination.Length)
            {
                // All 16 are widened; only the plain ones count, the rest is written again below.
                var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(raw), (nuint)i));
                ref ushort to = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
                low.StoreUnsafe(ref to, (nuint)j);
                high.StoreUnsafe(ref to, (nuint)(j + Vector128<ushort>.Count));
                int plain = PlainAsciiAt(raw, i);
                i += plain;
                j += plain;
                if (plain == Vector128<byte>.Count) continue;
            }
            byte b = raw[i];
            if (b == (byte)'\\')
            {
                byte escape = raw[i + 1];
                if (escape == (byte)'u')
                {
                    int units = EscapedUnits(raw[i..]);
                    for (int k = 0; k < units; k++) destination[j++] = Hex4(raw.Slice(i + 2 + 6 * k, 4));
                    i += 6 * units;
                    continue;
                }
                destination[j++] = escape switch
                {
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    _ => (char)escape, // \" \\ \/ (the reader accepted no other escape)
                };
                i += 2;
            }
            else if (b < 0x80)
            {
                destination[j++] = (char)b;
                i++;
            }
            else
            {
                int end = NonAsciiRunEnd(raw, i);
                j += StrictUtf8.GetChars(raw[i..end], destination[j..]);
                i = end;
            }
        }
    }

    /// <summary>How many of the 16 bytes at <paramref name="start"/> come before the first backslash or non-ASCII byte.</summary>
    private static int PlainAsciiAt(ReadOnlySpan<byte> raw, int start)
    {
        var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(raw), (nuint)start);
        var special = Vector128.Equals(block, Vector128.Create((byte)'\\')) | Vector128.GreaterThan(block, Vector128.Create((byte)0x7F));
        uint mask = special.ExtractMostSignificantBits();
        return mask == 0 ? Vector128<byte>.Count : BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>A run of non-ASCII bytes is whole UTF-8 sequences: no ASCII byte occurs inside one.</summary>
    private static int NonAsciiRunEnd(ReadOnlySpan<byte> raw, int start)
    {
        int end = start + 1;
        while (end < raw.Length && raw[end] >= 0x80) end++;
        return end;
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

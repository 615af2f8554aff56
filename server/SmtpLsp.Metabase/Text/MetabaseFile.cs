using System.Text;

namespace SmtpLsp.Metabase.Text;

/// <summary>How a file's text was stored, so a write can store it the same way.</summary>
public enum FileEncodingKind { Utf8, Utf8Bom, Utf16LeBom, Utf16BeBom }

/// <summary>A metabase file read from disk: its text (without the BOM) and how to write it back.</summary>
public sealed record MetabaseFile(string Path, string Text, FileEncodingKind Encoding, DateTime LastWriteTimeUtc, long Length)
{
    /// <summary>A file read from a stream (standard input); it has no time of its own.</summary>
    public static MetabaseFile Read(Stream stream, string path)
    {
        byte[] bytes = ReadBytes(stream);
        var (kind, text) = Decode(bytes);
        return new MetabaseFile(path, text, kind, DateTime.MinValue, bytes.LongLength);
    }

    /// <summary>
    /// Reads a file, honouring a UTF-8 or UTF-16 BOM; without a BOM the bytes must be valid UTF-8.
    /// Invalid bytes are an error (with where they are) rather than silently replaced, so a later write cannot
    /// corrupt them.
    /// </summary>
    public static MetabaseFile Read(string path)
    {
        var info = new FileInfo(path);
        byte[] bytes = ReadBytes(path);
        var (kind, text) = Decode(bytes);
        return new MetabaseFile(path, text, kind, info.LastWriteTimeUtc, bytes.LongLength);
    }

    /// <summary>
    /// The file's bytes, stopping with an error past what a text can hold: a pipe or a device says no length, and read
    /// to its end, `yes |` or /dev/zero filled memory until the process died.
    /// </summary>
    public static byte[] ReadBytes(string path, long maxBytes = MaxChars)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return ReadBytes(stream, maxBytes);
    }

    /// <summary>The same from a stream: the command line's standard input, which Linux will not open by path when it is a socket.</summary>
    public static byte[] ReadBytes(Stream stream, long maxBytes = MaxChars)
    {
        long length = stream.CanSeek ? stream.Length - stream.Position : 0;
        if (length > maxBytes) throw TooLong(maxBytes);
        // A file's own length first, so a 50 MB file takes 50 MB; grown only for what says no length or grew meanwhile.
        var buffer = new byte[length > 0 ? length : 64 * 1024];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // Full: one byte more tells the end from more to come, without a larger buffer for nothing.
                int more = stream.ReadByte();
                if (more < 0) return buffer;
                if (filled >= maxBytes) throw TooLong(maxBytes);
                Array.Resize(ref buffer, (int)Math.Min(Math.Min(maxBytes, Array.MaxLength), (long)buffer.Length * 2));
                buffer[filled++] = (byte)more;
            }
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) break;
            filled += read;
        }
        return buffer[..filled];
    }

    private static InvalidDataException TooLong(long maxBytes) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it is longer than {maxBytes:N0} bytes, the most this reads"));

    /// <summary>The most characters a text can have: the longest string .NET can make.</summary>
    public const int MaxChars = 0x3FFFFFDF;

    public static (FileEncodingKind Kind, string Text) Decode(byte[] bytes) => Decode(bytes, MaxChars);

    /// <summary>The same with a lower limit on the text's length (tests use it: a file over the real one is over 1 GB).</summary>
    internal static (FileEncodingKind Kind, string Text) Decode(byte[] bytes, int maxChars)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return (FileEncodingKind.Utf8Bom, Strict(new UTF8Encoding(false, true), bytes, 3, maxChars));
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return (FileEncodingKind.Utf16LeBom, Strict(new UnicodeEncoding(false, false, true), bytes, 2, maxChars));
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return (FileEncodingKind.Utf16BeBom, Strict(new UnicodeEncoding(true, false, true), bytes, 2, maxChars));
        // "<?" as UTF-16 with no BOM is valid UTF-8 full of NULs, which would read as one error per character.
        if (bytes.Length >= 4 && (bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0))
            throw new InvalidDataException($"it looks like UTF-16 ({(bytes[1] == 0 ? "little" : "big")}-endian) without the byte order mark XML requires of UTF-16; save it as UTF-8, or as UTF-16 with a BOM");
        return (FileEncodingKind.Utf8, Strict(new UTF8Encoding(false, true), bytes, 0, maxChars));
    }

    public static byte[] Encode(string text, FileEncodingKind kind)
    {
        var encoding = EncodingOf(kind);
        byte[] preamble = encoding.GetPreamble();
        byte[] body = encoding.GetBytes(text);
        var result = new byte[preamble.Length + body.Length];
        preamble.CopyTo(result, 0);
        body.CopyTo(result, preamble.Length);
        return result;
    }

    /// <summary>
    /// The file's bytes with one span of its text (<paramref name="text"/>, decoded from <paramref name="bytes"/>)
    /// replaced: the bytes before and after it are copied as they are and only the replacement is encoded, so a write
    /// changes no other byte, and a large file needs no second copy of its text (105 MB for a 52 MB file) nor a whole
    /// encoding of it.
    /// </summary>
    public static byte[] Splice(byte[] bytes, FileEncodingKind kind, string text, TextSpan span, string replacement)
    {
        var encoding = EncodingOf(kind);
        int start = encoding.GetPreamble().Length + encoding.GetByteCount(text.AsSpan(0, span.Start));
        int end = start + encoding.GetByteCount(text.AsSpan(span.Start, span.Length));
        byte[] inserted = encoding.GetBytes(replacement);
        var result = new byte[bytes.Length - (end - start) + inserted.Length];
        bytes.AsSpan(0, start).CopyTo(result);
        inserted.CopyTo(result, start);
        bytes.AsSpan(end).CopyTo(result.AsSpan(start + inserted.Length));
        return result;
    }

    // Strict (an unpaired surrogate throws) and with the BOM the kind has as its preamble.
    private static Encoding EncodingOf(FileEncodingKind kind) => kind switch
    {
        FileEncodingKind.Utf16LeBom => new UnicodeEncoding(false, true, true),
        FileEncodingKind.Utf16BeBom => new UnicodeEncoding(true, true, true),
        FileEncodingKind.Utf8Bom => new UTF8Encoding(true, true),
        _ => new UTF8Encoding(false, true),
    };

    private static string Strict(Encoding encoding, byte[] bytes, int skip, int maxChars)
    {
        if (encoding is UTF8Encoding)
        {
            // Valid text is counted first (the strict encoding throws on an invalid byte) and decoded straight into
            // its string: a char array in between would hold a second copy of the text at the peak (200 MB more for a
            // 100 MB file).
            int count = -1;
            try { count = encoding.GetCharCount(bytes, skip, bytes.Length - skip); }
            catch (DecoderFallbackException) { }
            if (count >= 0)
            {
                CheckLength(count, maxChars);
                return string.Create(count, (bytes, skip),
                    static (chars, source) => System.Text.Unicode.Utf8.ToUtf16(source.bytes.AsSpan(source.skip), chars, out _, out _));
            }
            // Utf8.ToUtf16 says exactly where the first invalid sequence starts.
            var chars = new char[bytes.Length - skip];
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(skip), chars, out int read, out int written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
            {
                // Where an editor shows it: line and column of the valid text before it (a Latin-1 'é', say).
                var before = chars.AsSpan(0, written);
                int line = 1, lineStart = 0;
                for (int i = 0; i < before.Length; i++)
                {
                    // CR LF, LF or a lone CR, as editors count lines.
                    if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n'))) { line++; lineStart = i + 1; }
                }
                int column = written - lineStart + 1;
                throw new InvalidDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the file is not valid UTF-8: invalid byte sequence at line {line}, column {column} (byte offset {skip + read}); IIS writes MetaBase.xml as UTF-8, so a file saved in another encoding (Latin-1, Windows-1252) needs converting first"));
            }
            return new string(chars, 0, written);
        }
        CheckLength((bytes.Length - skip + 1) / 2, maxChars);
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            // The decoder's index points past the bad code unit; find the unit itself.
            int bad = FirstInvalidUtf16(bytes.AsSpan(skip), bigEndian: encoding.WebName == "utf-16BE");
            throw new InvalidDataException(
                $"the file is not valid {encoding.WebName}: invalid byte sequence at byte offset {skip + (bad >= 0 ? bad : Math.Max(0, e.Index))}", e);
        }
    }

    // Over the limit, making the string would throw OutOfMemoryException, which ends the CLI with "Out of memory."
    private static void CheckLength(long chars, int maxChars)
    {
        if (chars > maxChars)
            throw new InvalidDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the file holds {chars:N0} characters, more than the {maxChars:N0} SmtpLsp can hold as one text"));
    }

    /// <summary>Byte index of the first unpaired surrogate or dangling odd byte; -1 when the bytes are valid UTF-16.</summary>
    private static int FirstInvalidUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        int units = bytes.Length / 2;
        char At(ReadOnlySpan<byte> b, int i) => (char)(bigEndian ? (b[2 * i] << 8) | b[2 * i + 1] : b[2 * i] | (b[2 * i + 1] << 8));
        for (int i = 0; i < units; i++)
        {
            char c = At(bytes, i);
            if (char.IsHighSurrogate(c) && i + 1 < units && char.IsLowSurrogate(At(bytes, i + 1))) { i++; continue; }
            if (char.IsSurrogate(c)) return 2 * i;
        }
        return bytes.Length % 2 == 1 ? bytes.Length - 1 : -1;
    }
}

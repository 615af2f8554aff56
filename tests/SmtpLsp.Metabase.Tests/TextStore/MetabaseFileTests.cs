using System.Text;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

/// <summary>
/// Decoding a file's bytes (a text too long to hold is a clear error, not an out-of-memory crash) and writing one edit
/// back into them.
/// </summary>
public sealed class MetabaseFileTests
{
    [Theory]
    [InlineData(false, "little-endian")]
    [InlineData(true, "big-endian")]
    public void Decode_Utf16WithoutItsBom_SaysSo(bool bigEndian, string says)
    {
        // Read as UTF-8 it was text with a NUL after every character: dozens of meaningless errors, and set found no key.
        var bytes = new UnicodeEncoding(bigEndian, false).GetBytes("<?xml version=\"1.0\"?>\r\n<configuration/>");
        var error = Assert.Throws<InvalidDataException>(() => MetabaseFile.Decode(bytes));
        Assert.Contains($"UTF-16 ({says}) without the byte order mark", error.Message);
    }

    [Fact]
    public void ReadBytes_EndlessDevice_StopsAtTheLimitWithAnError()
    {
        // /dev/zero says no length: read to its end, it filled memory until the process died.
        var error = Assert.Throws<InvalidDataException>(() => MetabaseFile.ReadBytes("/dev/zero", 1 << 20));
        Assert.Contains("longer than 1,048,576 bytes", error.Message);
    }

    [Fact]
    public void ReadBytes_FileOfKnownLength_AllItsBytes()
    {
        string path = Path.GetTempFileName();
        try
        {
            var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
            File.WriteAllBytes(path, bytes);
            Assert.Equal(bytes, MetabaseFile.ReadBytes(path));
            Assert.Equal(bytes, MetabaseFile.ReadBytes(path, 200_000)); // exactly the limit
            Assert.Throws<InvalidDataException>(() => MetabaseFile.ReadBytes(path, 199_999));
            long before = GC.GetAllocatedBytesForCurrentThread();
            MetabaseFile.ReadBytes(path);
            // The file's bytes and the stream, not a doubled buffer and a copy (800 KB for this file before).
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 200_000, 260_000);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(new byte[0], "abcdefghijk")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "abcdefghijk")]
    [InlineData(new byte[0], "abcdéfghij")] // 10 characters in 11 bytes: the limit counts characters
    public void Decode_Utf8TextOverTheLimit_SaysHowManyCharacters(byte[] bom, string text)
    {
        byte[] bytes = [.. bom, .. Encoding.UTF8.GetBytes(text)];
        int limit = text.Length - 1;
        var error = Assert.Throws<InvalidDataException>(() => MetabaseFile.Decode(bytes, limit));
        Assert.Equal($"the file holds {text.Length} characters, more than the {limit} SmtpLsp can hold as one text", error.Message);
        Assert.Equal(text, MetabaseFile.Decode(bytes, text.Length).Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_Utf16TextOverTheLimit_SaysHowManyCharacters(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("<configuration/>")];
        var error = Assert.Throws<InvalidDataException>(() => MetabaseFile.Decode(bytes, 15));
        Assert.StartsWith("the file holds 16 characters, more than the 15", error.Message);
        Assert.Equal("<configuration/>", MetabaseFile.Decode(bytes, 16).Text);
    }

    [Theory]
    [InlineData(FileEncodingKind.Utf8)]
    [InlineData(FileEncodingKind.Utf8Bom)]
    [InlineData(FileEncodingKind.Utf16LeBom)]
    [InlineData(FileEncodingKind.Utf16BeBom)]
    public void Splice_RandomTextAndEdit_SameBytesAsEncodingTheEditedText(FileEncodingKind kind)
    {
        // Characters of one to four UTF-8 bytes (a surrogate pair for the last), so byte and char offsets part ways.
        string[] pieces = ["a", "=\"", "\r\n", "\t", "é", "中", "😀", "&amp;"];
        var random = new Random(7);
        for (int sample = 0; sample < 500; sample++)
        {
            var parts = Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]).ToList();
            string text = string.Concat(parts);
            // Spans between pieces, so no surrogate pair is cut (a value's quotes never cut one either).
            int first = random.Next(parts.Count + 1), last = random.Next(first, parts.Count + 1);
            var span = TextSpan.FromBounds(string.Concat(parts.Take(first)).Length, string.Concat(parts.Take(last)).Length);
            string replacement = string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => pieces[random.Next(pieces.Length)]));
            byte[] bytes = MetabaseFile.Encode(text, kind);

            byte[] spliced = MetabaseFile.Splice(bytes, kind, text, span, replacement);

            Assert.Equal(MetabaseFile.Encode(text.Remove(span.Start, span.Length).Insert(span.Start, replacement), kind), spliced);
        }
    }

    [Fact]
    public void Decode_TheRealLimit_IsTheLongestString()
    {
        // One character more than the limit cannot be made (the length is checked before anything is allocated).
        Assert.Throws<OutOfMemoryException>(() => new string('a', MetabaseFile.MaxChars + 1));
    }
}

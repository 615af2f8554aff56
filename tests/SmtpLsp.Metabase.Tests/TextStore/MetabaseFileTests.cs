using System.Text;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

/// <summary>Decoding a file's bytes: a text too long to hold is a clear error, not an out-of-memory crash.</summary>
public sealed class MetabaseFileTests
{
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

    [Fact]
    public void Decode_TheRealLimit_IsTheLongestString()
    {
        // One character more than the limit cannot be made (the length is checked before anything is allocated).
        Assert.Throws<OutOfMemoryException>(() => new string('a', MetabaseFile.MaxChars + 1));
    }
}

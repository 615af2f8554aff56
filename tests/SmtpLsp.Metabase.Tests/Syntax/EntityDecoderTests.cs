using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Syntax;

public class EntityDecoderTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&#9;&#10;&#x41;", "\t\nA")]
    [InlineData("&#x1F600;", "\U0001F600")]
    [InlineData("&unknown; &", "&unknown; &")]
    [InlineData("&#xD800;", "&#xD800;")]
    [InlineData("&#99999999999;", "&#99999999999;")]
    [InlineData("&lt", "&lt")]
    public void Decode_Value_GivesExpectedText(string raw, string expected)
    {
        Assert.Equal(expected, EntityDecoder.Decode(raw));
    }
}

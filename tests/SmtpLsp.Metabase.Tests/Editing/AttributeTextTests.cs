using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Text;
using Xunit;

namespace SmtpLsp.Metabase.Tests.Editing;

public class AttributeTextTests
{
    /// <summary>A text in chunks (after keystrokes) gives the line break its string gives, a CR and LF split across chunks included.</summary>
    [Theory]
    [InlineData("<a>\r\n<b/>", 4)]
    [InlineData("<a>\r\n<b/>", 3)]
    [InlineData("<a>\n<b/>", 3)]
    [InlineData("<a>\r<b/>", 2)]
    [InlineData("<a><b/>", 3)]
    public void DetectNewLine_TextInChunks_SameAsTheString(string start, int splitAt)
    {
        // A paste longer than a chunk is kept in slices: the text is split into chunks right at splitAt.
        string text = start + new string(' ', 200_000);
        var buffer = TextBuffer.From(text[..splitAt]).Replace(splitAt, 0, text[splitAt..]);
        Assert.True(buffer.ChunkCount > 1);
        Assert.Equal(text, buffer.ToString(0, buffer.Length));
        Assert.Equal(AttributeText.DetectNewLine(text), AttributeText.DetectNewLine(buffer));
    }
}

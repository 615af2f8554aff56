using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Values;

public class MultiSzValueTests
{
    [Fact]
    public void Split_IisIndentedContinuationLines_StripsIndentation()
    {
        const string raw = "W3SVC\n\t\t\tMSFTPSVC\n\t\t\tSMTPSVC\n\t\t\tNNTPSVC";
        var items = MultiSzValue.Split(raw);
        Assert.Equal(["W3SVC", "MSFTPSVC", "SMTPSVC", "NNTPSVC"], items.Select(i => i.Text));
        foreach (var item in items) Assert.Equal(item.Text, raw.Substring(item.Span.Start, item.Span.Length));
        Assert.Equal(new TextSpan(9, 8), items[1].Span);
    }

    [Fact]
    public void Split_CrLfAndSpaces_HandledAndSpansExact()
    {
        const string raw = ":25:\r\n  10.0.0.1:25:\r\n\t:587:";
        var items = MultiSzValue.Split(raw);
        Assert.Equal([":25:", "10.0.0.1:25:", ":587:"], items.Select(i => i.Text));
        foreach (var item in items) Assert.Equal(item.Text, raw.Substring(item.Span.Start, item.Span.Length));
    }

    [Fact]
    public void Split_SingleItem_IsOneItem()
    {
        var item = Assert.Single(MultiSzValue.Split(":25:"));
        Assert.Equal(new TextSpan(0, 4), item.Span);
    }

    [Fact]
    public void Split_Empty_HasNoItems() => Assert.Empty(MultiSzValue.Split(""));

    [Fact]
    public void Split_BlankLine_YieldsEmptyItemAtItsPlace()
    {
        var items = MultiSzValue.Split("a\n\t\t\t\nb");
        Assert.Equal(["a", "", "b"], items.Select(i => i.Text));
        Assert.Equal(new TextSpan(5, 0), items[1].Span); // after the indentation, before the newline
    }
}

using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

public class LookupTests
{
    private const string Doc = "<configuration><MBProperty>\n<Key Location=\"/a\"\n\t\tAuthFlags=\"AuthBasic\"\n\t>\n\t<Custom Name=\"x\"/>\n</Key>\n</MBProperty></configuration>";

    [Fact]
    public void FindElementAt_InsideCustom_ReturnsInnermost()
    {
        var (text, offset) = Fixture.Parse(Doc.Replace("<Custom Name", "<Custom Na|me"));
        var element = SyntaxTree.Parse(text).FindElementAt(offset);
        Assert.Equal("Custom", element?.Name);
    }

    [Fact]
    public void FindElementAt_BetweenKeys_ReturnsContainer()
    {
        var (text, offset) = Fixture.Parse(Doc.Replace("</Key>\n", "</Key>\n|"));
        Assert.Equal("MBProperty", SyntaxTree.Parse(text).FindElementAt(offset)?.Name);
    }

    [Fact]
    public void FindElementAt_OutsideRoot_ReturnsNull()
    {
        var tree = SyntaxTree.Parse("  " + Doc);
        Assert.Null(tree.FindElementAt(0));
        Assert.Null(tree.FindElementAt(tree.Text.Length));
    }

    [Fact]
    public void FindAttributeAt_InValue_ReturnsAttribute()
    {
        var (text, offset) = Fixture.Parse(Doc.Replace("AuthBasic", "Auth|Basic"));
        var attribute = SyntaxTree.Parse(text).FindAttributeAt(offset);
        Assert.Equal("AuthFlags", attribute?.Name);
        Assert.True(attribute!.ValueSpan.Contains(offset));
    }

    [Fact]
    public void FindAttributeAt_BetweenAttributes_ReturnsNull()
    {
        var (text, offset) = Fixture.Parse(Doc.Replace("\t\tAuthFlags", "\t|\tAuthFlags"));
        Assert.Null(SyntaxTree.Parse(text).FindAttributeAt(offset));
    }

    [Fact]
    public void FindAttributeAt_HalfTypedValueAtEndOfFile_ReturnsAttribute()
    {
        var (text, offset) = Fixture.Parse("<configuration><MBProperty>\n<IIsSmtpServer Location=\"/LM/SmtpSvc/1\"\n\t\tAuthFlags=\"Auth|");
        var tree = SyntaxTree.Parse(text);
        var attribute = tree.FindAttributeAt(offset);
        Assert.Equal("AuthFlags", attribute?.Name);
        Assert.Equal("Auth", attribute!.RawValue);
        Assert.Equal(offset, attribute.ValueSpan.End);
        Assert.False(attribute.Element.IsStartTagClosed);
    }

    [Fact]
    public void FindAttributeAt_HalfTypedNameAtEndOfFile_ReturnsNameOnlyAttribute()
    {
        var (text, offset) = Fixture.Parse("<configuration><MBProperty>\n<IIsSmtpServer Location=\"/x\"\n\t\tAuth|");
        var attribute = SyntaxTree.Parse(text).FindAttributeAt(offset);
        Assert.Equal("Auth", attribute?.Name);
        Assert.False(attribute!.HasValue);
    }

    [Fact]
    public void FindAttributeAt_HalfTypedNameBeforeNextTag_ReturnsAttribute()
    {
        var (text, offset) = Fixture.Parse("<configuration><MBProperty>\n<IIsSmtpServer Location=\"/x\"\n\t\tSmtp|\n<Next/>\n</MBProperty></configuration>");
        var tree = SyntaxTree.Parse(text);
        Assert.Equal("Smtp", tree.FindAttributeAt(offset)?.Name);
        Assert.Equal("IIsSmtpServer", tree.FindElementAt(offset)?.Name);
    }

    [Fact]
    public void FindTokenAt_InComment_ReturnsCommentToken()
    {
        var (text, offset) = Fixture.Parse("<configuration><!-- no|te --><MBProperty/></configuration>");
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(SyntaxKind.Comment, tree.FindTokenAt(offset)?.Kind);
        Assert.Equal(SyntaxKind.GreaterThan, tree.FindTokenAt(text.Length)?.Kind);
        Assert.Null(SyntaxTree.Parse("").FindTokenAt(0));
    }

    [Fact]
    public void Diagnostics_FoundAtEndOfFile_SortedByPosition()
    {
        var tree = SyntaxTree.Parse("<configuration><MBProperty><Key a=\"&x;\">");
        Assert.Equal(tree.Diagnostics.OrderBy(d => d.Span.Start).Select(d => d.Span.Start), tree.Diagnostics.Select(d => d.Span.Start));
        // The root's missing end tag is found last (at the end of the file) but comes first.
        Assert.Equal(Metabase.Analysis.DiagnosticCodes.MissingEndTag, tree.Diagnostics[0].Code);
    }
}

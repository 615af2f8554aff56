using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>ElementNode keeps its flags and attribute count in one word and its attribute nodes in a side table.</summary>
public class ElementNodeLayoutTests
{
    [Theory]
    [InlineData("<a x=\"1\" y='2'/>", 2, true, true)]
    [InlineData("<a x=\"1\"></a>", 1, false, true)]
    [InlineData("<a x=\"1\"", 1, false, false)]
    [InlineData("<a>", 0, false, true)]
    [InlineData("<a/>", 0, true, true)]
    public void ElementNode_PackedFlagsAndCount_ReadBackAsParsed(string text, int attributes, bool selfClosing, bool startTagClosed)
    {
        var element = SyntaxTree.Parse(text).Document.Elements[0];
        Assert.Equal(attributes, element.Attributes.Count);
        Assert.Equal(selfClosing, element.IsSelfClosing);
        Assert.Equal(startTagClosed, element.IsStartTagClosed);
        Assert.Equal(new TextSpan(1, 1), element.NameSpan);
    }

    [Fact]
    public void ElementNode_AttributesFromManyThreads_SameNodes()
    {
        var element = SyntaxTree.Parse("<a x=\"1\" y=\"2\" z=\"3\"/>").Document.Elements[0];
        var seen = new IReadOnlyList<AttributeNode>[8];
        Parallel.For(0, seen.Length, i => seen[i] = element.Attributes);
        foreach (var attributes in seen)
        {
            for (int i = 0; i < 3; i++) Assert.Same(seen[0][i], attributes[i]);
        }
        Assert.Same(element.GetAttribute("y"), element.Attributes[1]);
    }

    [Fact]
    public void ElementNode_NestedNames_SpansAfterTheirLessThan()
    {
        var tree = SyntaxTree.Parse("<configuration>\n  <MBProperty><IIsWebServer Location=\"/LM/W3SVC/1\"/></MBProperty></configuration>");
        var key = tree.Root!.Children[0].Children[0];
        Assert.Equal("IIsWebServer", tree.Text.Substring(key.NameSpan.Start, key.NameSpan.Length));
        Assert.Equal(key.Span.Start + 1, key.NameSpan.Start);
    }
}

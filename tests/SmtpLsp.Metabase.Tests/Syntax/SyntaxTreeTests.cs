using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

public class SyntaxTreeTests
{
    public static TheoryData<string> Samples() => new(Fixture.SampleNames());

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_Sample_RoundTripsAndKeepsInvariants(string sample)
    {
        var tree = SyntaxTree.Parse(Fixture.ReadSample(sample));
        TreeInvariants.Check(tree);
    }

    [Fact]
    public void Parse_CleanSample_HasNoDiagnostics()
    {
        var tree = SyntaxTree.Parse(Fixture.ReadSample("MetaBase.xml"));
        Assert.Empty(tree.Diagnostics);
        Assert.Equal("configuration", tree.Root!.Name);
        Assert.Equal(SyntaxKind.Bom, tree.Tokens[0].Kind);
        Assert.Equal(SyntaxKind.ProcessingInstruction, tree.Document.Prolog[0].Kind);
    }

    [Fact]
    public void Parse_ErrorsSample_HasNoSyntaxDiagnostics()
    {
        // Its mistakes are all about values and keys; the XML itself is fine.
        var tree = SyntaxTree.Parse(Fixture.ReadSample("MetaBase-with-errors.xml"));
        Assert.Empty(tree.Diagnostics);
    }

    [Fact]
    public void Parse_IisKeyLayout_GivesNamesSpansAndRawValues()
    {
        var text = "<?xml version =\"1.0\"?>\r\n<configuration>\r\n<MBProperty>\r\n" +
                   "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\r\n\t\tAuthFlags=\"AuthBasic | AuthNTLM\"\r\n" +
                   "\t\tLocalDomains=\"a.com\r\n\t\t\tb.com\"\r\n\t>\r\n\t<Custom\r\n\t\tName=\"X\"\r\n\t/>\r\n</IIsSmtpServer>\r\n" +
                   "</MBProperty>\r\n</configuration>\r\n";
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        var key = tree.Root!.Children[0].Children[0];
        Assert.Equal("IIsSmtpServer", key.Name);
        Assert.True(key.IsStartTagClosed);
        Assert.False(key.IsSelfClosing);
        Assert.NotNull(key.EndTagSpan);
        Assert.Equal("</IIsSmtpServer>", text.Substring(key.EndTagSpan!.Value.Start, key.EndTagSpan.Value.Length));

        var location = key.GetAttribute("Location")!;
        Assert.Equal("/LM/SmtpSvc/1", location.Value);
        Assert.Equal('=', text[location.EqualsSpan!.Value.Start]);
        Assert.Equal("Location =\"/LM/SmtpSvc/1\"", text.Substring(location.Span.Start, location.Span.Length));
        Assert.Equal("a.com\r\n\t\t\tb.com", key.GetAttribute("LocalDomains")!.RawValue);
        Assert.Null(key.GetAttribute("authflags"));

        var custom = Assert.Single(key.Children);
        Assert.True(custom.IsSelfClosing);
        Assert.Null(custom.EndTagSpan);
        Assert.Same(key, custom.Parent);
    }

    [Fact]
    public void Parse_AttributeValue_DecodesEntitiesAndKeepsRawSpan()
    {
        var tree = SyntaxTree.Parse("<a v=\"&lt;x&gt; &amp; &quot;&apos; &#65;&#x42;\"/>");
        var attribute = tree.Root!.GetAttribute("v")!;
        Assert.Equal("<x> & \"' AB", attribute.Value);
        Assert.Equal("&lt;x&gt; &amp; &quot;&apos; &#65;&#x42;", attribute.RawValue);
        Assert.Equal(6, attribute.ValueSpan.Start);
    }

    [Fact]
    public void Parse_SingleQuotedValue_RecordsQuote()
    {
        var attribute = SyntaxTree.Parse("<a v='x\"y'/>").Root!.GetAttribute("v")!;
        Assert.Equal('\'', attribute.Quote);
        Assert.Equal("x\"y", attribute.Value);
        Assert.True(attribute.IsValueTerminated);
    }

    [Fact]
    public void Parse_CommentsEverywhere_KeptAsTokensNotChildren()
    {
        var text = "<!-- head --><configuration><!-- a --><MBProperty><!-- b --></MBProperty></configuration><!-- tail -->";
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(4, tree.Tokens.Count(t => t.Kind == SyntaxKind.Comment));
        Assert.Single(tree.Root!.Children);
        Assert.Equal(2, tree.Document.Prolog.Count);
    }

    [Fact]
    public void Parse_CData_IsOneTokenAndStrayText()
    {
        var tree = SyntaxTree.Parse("<a><![CDATA[<b>]]></a>");
        Assert.Contains(tree.Tokens, t => t.Kind == SyntaxKind.CData && t.Length == 15);
        Assert.Empty(tree.Root!.Children);
        Assert.Single(tree.Diagnostics, d => d.Code == DiagnosticCodes.StrayText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t")]
    [InlineData("\uFEFF")]
    public void Parse_EmptyOrWhitespace_HasNoDiagnosticsAndNoRoot(string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Null(tree.Root);
        TreeInvariants.Check(tree);
    }

    [Fact]
    public void Parse_Null_IsTreatedAsEmpty()
    {
        Assert.Equal("", SyntaxTree.Parse(null).Text);
    }

    [Fact]
    public void Parse_DeepNesting_DoesNotOverflow()
    {
        var text = string.Concat(Enumerable.Repeat("<a>", 200_000));
        var tree = SyntaxTree.Parse(text);
        Assert.NotNull(tree.FindElementAt(text.Length - 1));
        Assert.Equal(200_000, tree.DescendantElements().Count());
    }
}

using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>
/// Inputs that make a naive scanner quadratic. No timing asserts: a quadratic scanner simply never finishes these
/// (10^10 steps), which fails the run.
/// </summary>
public class PathologicalInputTests
{
    [Fact]
    public void Parse_ManyUnclosedProcessingInstructions_EachReported()
    {
        var tree = SyntaxTree.Parse(string.Concat(Enumerable.Repeat("<?x ", 100_000)));
        Assert.Equal(100_000, tree.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnterminatedTag));
        Assert.Equal(100_000, tree.Tokens.Count);
    }

    [Fact]
    public void Parse_DeepStackWithUnmatchedEndTags_EachStray()
    {
        var text = string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</b>", 100_000));
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(100_000, tree.Diagnostics.Count(d => d.Code == DiagnosticCodes.StrayEndTag));
        Assert.Equal(100_000, tree.Diagnostics.Count(d => d.Code == DiagnosticCodes.MissingEndTag));
    }

    [Fact]
    public void Parse_HugeValue_KeptWhole()
    {
        var value = new string('x', 5_000_000);
        var tree = SyntaxTree.Parse($"<configuration><MBProperty><K v=\"{value}\"/></MBProperty></configuration>");
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(value.Length, tree.Root!.Children[0].Children[0].GetAttribute("v")!.ValueSpan.Length);
    }

    [Fact]
    public void Parse_ManyLinesOfUnterminatedValues_Linear()
    {
        var text = "<k" + string.Concat(Enumerable.Repeat(" a=\"x\n", 100_000));
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(100_000, tree.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnterminatedValue));
    }
}

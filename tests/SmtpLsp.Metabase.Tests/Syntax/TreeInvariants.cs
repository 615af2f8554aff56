using System.Text;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>What must hold for the tree of any input, however broken.</summary>
internal static class TreeInvariants
{
    public static void Check(SyntaxTree tree)
    {
        var text = tree.Text;
        var builder = new StringBuilder(text.Length);
        int expected = 0;
        foreach (var token in tree.Tokens)
        {
            Assert.True(token.Length > 0, $"empty token {token}");
            Assert.Equal(expected, token.Start);
            builder.Append(text, token.Start, token.Length);
            expected = token.End;
        }
        Assert.False(tree.TokenizerRepaired, "the scanner patched its own token stream");
        Assert.Equal(text, builder.ToString());

        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.True(Within(diagnostic.Span, new TextSpan(0, text.Length)), $"{diagnostic.Code} {diagnostic.Span} outside the text");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        }

        CheckSiblings(tree.Document.Elements, new TextSpan(0, text.Length));
        foreach (var element in tree.DescendantElements())
        {
            Assert.True(Within(element.StartTagSpan, element.Span), $"start tag outside {element}");
            Assert.True(Within(element.NameSpan, element.StartTagSpan), $"name outside start tag of {element}");
            Assert.Equal(element.Name, text.Substring(element.NameSpan.Start, element.NameSpan.Length));
            if (element.EndTagSpan is { } endTag) Assert.True(Within(endTag, element.Span));
            CheckSiblings(element.Children, element.Span);
            foreach (var child in element.Children) Assert.Same(element, child.Parent);
            int previousEnd = element.NameSpan.End;
            foreach (var attribute in element.Attributes)
            {
                Assert.Same(element, attribute.Element);
                Assert.True(attribute.Span.Start >= previousEnd, $"attributes overlap in {element}");
                Assert.True(Within(attribute.Span, element.StartTagSpan), $"{attribute} outside its tag");
                Assert.True(Within(attribute.ValueSpan, attribute.Span) || !attribute.HasValue);
                Assert.Equal(attribute.Name, text.Substring(attribute.NameSpan.Start, attribute.NameSpan.Length));
                _ = attribute.Value; // decoding must not throw either
                previousEnd = attribute.Span.End;
            }
        }
    }

    private static void CheckSiblings(IReadOnlyList<ElementNode> elements, TextSpan parent)
    {
        int previousEnd = parent.Start;
        foreach (var element in elements)
        {
            Assert.True(Within(element.Span, parent), $"{element} outside its parent {parent}");
            Assert.True(element.Span.Start >= previousEnd, $"{element} overlaps its previous sibling");
            previousEnd = element.Span.End;
        }
    }

    private static bool Within(TextSpan inner, TextSpan outer) => inner.Start >= outer.Start && inner.End <= outer.End;
}

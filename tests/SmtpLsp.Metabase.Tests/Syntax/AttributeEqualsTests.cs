using CsCheck;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>
/// The attribute table no longer stores the '=' once a value follows it; the position found again by stepping back
/// over whitespace must be the one the scanner saw, which the token stream records as an Equals token.
/// </summary>
public class AttributeEqualsTests
{
    private static readonly Gen<string> Space = Gen.OneOfConst("", " ", "\t", "\r\n", "  \n\t ");
    private static readonly Gen<string> Value = Gen.OneOfConst("\"1\"", "'a b'", "\"\"", "plain", "\"open", "'x\r\n  Next=\"2\"", "", "/>", ">");
    private static readonly Gen<string> Attribute =
        Gen.Select(Gen.OneOfConst("A", "Location", "x"), Space, Gen.OneOfConst("=", "", "=="), Space, Value)
            .Select((name, before, equals, after, value) => name + before + equals + after + value);

    [Fact]
    public void EqualsSpan_RandomAttributes_MatchesTheEqualsTokens()
    {
        Gen.Select(Attribute.Array[1, 5], Space).Sample((attributes, gap) =>
        {
            var text = "<k " + string.Join(" " + gap, attributes) + " />";
            var tree = SyntaxTree.Parse(text);
            var equalsTokens = tree.Tokens.Where(t => t.Kind == SyntaxKind.Equals).Select(t => t.Span).ToList();
            foreach (var element in tree.Document.Elements)
            {
                foreach (var attribute in element.Attributes)
                {
                    var expected = equalsTokens.Where(s => s.Start >= attribute.NameSpan.End && s.End <= attribute.Span.End)
                        .Select(s => (TextSpan?)s).FirstOrDefault();
                    Assert.Equal(expected, attribute.EqualsSpan);
                    if (attribute.EqualsSpan is { } equals) Assert.Equal('=', text[equals.Start]);
                }
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("<k A=\"1\"/>", 4)]
    [InlineData("<k A \r\n\t= \t'1'/>", 8)]
    [InlineData("<k A= plain/>", 4)]
    [InlineData("<k A=/>", 4)]
    public void EqualsSpan_WhitespaceAroundEquals_PointsAtTheEquals(string text, int expected)
    {
        var attribute = SyntaxTree.Parse(text).Document.Elements[0].Attributes[0];
        Assert.Equal(new TextSpan(expected, 1), attribute.EqualsSpan);
    }

    [Fact]
    public void EqualsSpan_BareName_IsNull()
    {
        var attribute = SyntaxTree.Parse("<k A B=\"1\"/>").Document.Elements[0].Attributes[0];
        Assert.Null(attribute.EqualsSpan);
        Assert.False(attribute.HasValue);
    }
}

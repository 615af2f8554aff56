using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>Any input parses without throwing, round-trips through its tokens and keeps the tree invariants.</summary>
public class SyntaxRoundTripPropertyTests
{
    private const string XmlishAlphabet = "<>/=\"' \t\r\n&;#x!?-[]abcLMocatinDTYPEK:_.1\uFEFF\u00e9";

    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "<?", "?>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE a [", "<!ENTITY e \"x\">", "]>",
        "=\"", "\"", "'", "&amp;", "&lt", "&#x41;", "&#", "\r\n", "\n\t\t\t", "\t\t", "Location =\"/LM/x\"",
        "<configuration>", "</configuration>", "<MBProperty>", "</MBProperty>", "<IIsSmtpServer", "</IIsSmtpServer>",
        "<Custom Name=\"a\" ID=\"1\"/>", "AuthFlags=\"AuthBasic | AuthNTLM\"", "\uFEFF", "\ud800",
    ];

    private static void CheckAll(string text)
    {
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.Check(tree);
        var model = MetabaseModel.Build(tree);
        foreach (var key in model.Keys)
        {
            _ = model.GetParent(key);
            _ = model.GetChildren(key);
            foreach (var custom in key.CustomProperties) _ = custom.Id;
        }
        for (int offset = 0; offset <= text.Length; offset += Math.Max(1, text.Length / 50))
        {
            _ = tree.FindAttributeAt(offset);
            _ = model.FindKeyAt(offset);
        }
    }

    [Fact]
    public void Parse_RandomXmlishCharacters_RoundTripsWithoutThrowing()
    {
        Gen.String[Gen.Char[XmlishAlphabet], 0, 300].Sample(CheckAll, iter: 3000);
    }

    [Fact]
    public void Parse_RandomFragments_RoundTripsWithoutThrowing()
    {
        Gen.OneOfConst(Fragments).Array[0, 60].Select(parts => string.Concat(parts)).Sample(CheckAll, iter: 3000);
    }

    [Fact]
    public void Parse_AnyUtf16_RoundTripsWithoutThrowing()
    {
        Gen.String[Gen.Char, 0, 200].Sample(CheckAll, iter: 1000);
    }

    [Theory]
    [InlineData("MetaBase.xml")]
    [InlineData("MetaBase-with-errors.xml")]
    public void Parse_MutatedSample_RoundTripsWithoutThrowing(string sample)
    {
        var original = Fixture.ReadSample(sample);
        MutationGen.Of(original, Fragments, maxEdits: 6).Sample(CheckAll, iter: 400);
    }
}

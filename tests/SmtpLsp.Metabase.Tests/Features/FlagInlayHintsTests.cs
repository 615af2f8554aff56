using CsCheck;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.Editing;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Features;

public class FlagInlayHintsTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private static IReadOnlyList<FlagHint> Hints(string properties)
    {
        string text = EditingDocs.Wrap("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" + properties + "\t>\n</IIsSmtpServer>\n", "\n");
        return FlagInlayHints.Compute(MetabaseModel.Build(SyntaxTree.Parse(text)), Catalog, new TextSpan(0, text.Length));
    }

    [Fact]
    public void Label_AnyVerbMask_ShortAndTooltipNamesEverySetVerb()
    {
        var table = Catalog.FindProperty("SmtpInboundCommandSupportOptions")!.Flags!;
        Gen.UInt.Sample(value =>
        {
            var hint = Assert.Single(Hints($"\t\tSmtpInboundCommandSupportOptions=\"{value}\"\n"));
            Assert.True(hint.Label.Length <= FlagInlayHints.MaxLabelLength, hint.Label);
            foreach (var flag in table.Flags.Where(f => f.Value != 0 && (value & f.Value) == f.Value))
                Assert.Contains(flag.Name, hint.Tooltip);
            if (!hint.Label.Contains('…')) Assert.Equal(hint.Tooltip, hint.Label);
        }, iter: 300);
    }

    [Fact]
    public void Label_SmallMask_AllNamesWithoutEllipsis()
    {
        var hint = Assert.Single(Hints("\t\tSmtpInboundCommandSupportOptions=\"64\"\n"));
        Assert.Equal("DSN", hint.Label);
    }

    [Fact]
    public void Label_UnreadableOrUnterminatedValue_NoHint()
    {
        Assert.Empty(Hints("\t\tSmtpInboundCommandSupportOptions=\"abc\"\n"));
        Assert.Empty(Hints("\t\tAuthFlags=\"AuthBasic | Nope\"\n"));
        Assert.Empty(Hints("\t\tServerComment=\"5\"\n"));
    }
}

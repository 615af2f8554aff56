using CsCheck;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;

namespace SmtpLsp.Metabase.Tests.Features;

/// <summary>Hover and completion answer (or decline) at any offset of any text; completion spans hold the cursor.</summary>
public class FeaturesPropertyTests
{
    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "<!--", "-->", "=\"", "\"", "'", " | ", "|", "\n\t\t", "&amp;",
        "<configuration>", "</configuration>", "<MBProperty>", "</MBProperty>", "<IIsSmtpServer", "</IIsSmtpServer>",
        "<IIsSmtpService", "Location =\"/LM/SmtpSvc/1\"", "<Custom", "Name=\"UnknownName_1\"", "ID=\"36998\"", "Type=\"", "Attributes=\"INHERIT | ",
        "AuthFlags=\"AuthBasic | AuthNTLM\"", "SmtpInboundCommandSupportOptions=\"7697601", "ShouldPipelineIn=\"", "ServerState=\"2",
        "SmtpOutboundCommandSupportOptions=\"7\"", "\uFEFF", "\ud800",
    ];

    private static void CheckAllOffsets(string text)
    {
        var doc = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        _ = MetabaseDocument.LooksLikeMetabase(text);
        for (int offset = 0; offset <= text.Length; offset++)
        {
            if (HoverService.GetHover(doc, offset, markdown: (offset & 1) == 0) is { } hover)
                Assert.True(hover.Span.Start >= 0 && hover.Span.End <= text.Length);
            var completion = CompletionService.GetCompletions(doc, offset);
            if (completion.Items.Count > 0)
                Assert.True(completion.ReplaceSpan.Start <= offset && offset <= completion.ReplaceSpan.End);
        }
    }

    [Fact]
    public void Features_RandomFragments_NeverThrow()
    {
        Gen.OneOfConst(Fragments).Array[0, 30].Select(parts => string.Concat(parts)).Sample(CheckAllOffsets, iter: 400);
    }

    [Fact]
    public void Features_RandomCharacters_NeverThrow()
    {
        Gen.String[Gen.Char["<>/=\"' \t\n|!-abcI_7"], 0, 80].Sample(CheckAllOffsets, iter: 400);
    }
}

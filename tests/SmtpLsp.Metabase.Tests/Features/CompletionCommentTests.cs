using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;

namespace SmtpLsp.Metabase.Tests.Features;

/// <summary>The comment check of completion looks back only to the nearest element before the cursor.</summary>
public class CompletionCommentTests
{
    private const string Head = "<?xml version =\"1.0\"?>\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n<MBProperty>\n";
    private const string Server = "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tServerComment=\"x\"\n\t>\n</IIsSmtpServer>\n";

    [Fact]
    public void Completion_CommentBetweenKeys_ReturnsNothing()
    {
        var text = Head + Server + "<!-- <IIsSmtpServer Location=\"/LM/SmtpSvc/2\"\n\t\t  -->\n" + Server.Replace("/1", "/3") + "</MBProperty>\n</configuration>\n";
        int offset = text.IndexOf("\t\t  -->", StringComparison.Ordinal) + 2;
        var result = CompletionService.GetCompletions(MetabaseDocument.Create(text, MetabaseCatalog.Embedded), offset);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Completion_AfterAClosedCommentInAKey_OffersProperties()
    {
        var text = Head + "<!-- note -->\n" + Server.Replace("\t>", "\t\t\n\t>") + "</MBProperty>\n</configuration>\n";
        int offset = text.IndexOf("\t\t\n\t>", StringComparison.Ordinal) + 2;
        var result = CompletionService.GetCompletions(MetabaseDocument.Create(text, MetabaseCatalog.Embedded), offset);
        Assert.Contains(result.Items, i => i.Label == "MaxMessageSize");
    }

    [Fact]
    public void Completion_UnclosedCommentBeforeCursor_ReturnsNothing()
    {
        var text = Head + Server + "<!-- never closed\n\t\t";
        var result = CompletionService.GetCompletions(MetabaseDocument.Create(text, MetabaseCatalog.Embedded), text.Length);
        Assert.Empty(result.Items);
    }
}

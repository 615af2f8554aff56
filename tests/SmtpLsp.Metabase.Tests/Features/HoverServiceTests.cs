using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Tests.TestSupport;
using static SmtpLsp.Metabase.Tests.Features.FeatureFixture;

namespace SmtpLsp.Metabase.Tests.Features;

public class HoverServiceTests
{
    private static HoverResult Hover(string marked, bool markdown = false, char marker = '|')
    {
        var (doc, offset) = Open(marked, marker);
        var hover = HoverService.GetHover(doc, offset, markdown);
        Assert.NotNull(hover);
        return hover;
    }

    [Fact]
    public void Hover_InboundDefaultValue_ListsVerbsUndocumentedAndEhlo()
    {
        var hover = Hover(SmtpServer("SmtpInboundCommandSupportOptions=\"76976|01\""));
        foreach (var verb in new[] { "DSN", "ETRN", "TURN/ATRN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME" })
            Assert.Contains(verb, hover.Content);
        Assert.Matches(@"\[x\] 8BITMIME +4194304  0x00400000", hover.Content);
        Assert.Contains("0x00056001", hover.Content);
        Assert.Contains("250-8bitmime", hover.Content);
        Assert.Contains("250-DSN", hover.Content);
        Assert.DoesNotContain("**", hover.Content);
    }

    [Fact]
    public void Hover_InboundValueMarkdown_SpanIsTheValue()
    {
        var (doc, offset) = Open(SmtpServer("SmtpInboundCommandSupportOptions=\"7697601|\""));
        var hover = HoverService.GetHover(doc, offset, markdown: true)!;
        Assert.Equal("7697601", doc.Text.Substring(hover.Span.Start, hover.Span.Length));
        Assert.Contains("| ✓ | 8BITMIME | 4194304 | 0x00400000 |", hover.Content);
    }

    [Fact]
    public void Hover_PropertyName_ShowsIdTypeDefaultAndKeyTypes()
    {
        var hover = Hover(SmtpServer("SmtpInbound|CommandSupportOptions=\"7697601\""));
        Assert.Contains("ID: 36998 (0x9086)", hover.Content);
        Assert.Contains("Type: DWORD", hover.Content);
        Assert.Contains("User type: IIS_MD_UT_SERVER", hover.Content);
        Assert.Contains("Attributes: INHERIT", hover.Content);
        Assert.Contains("Schema default: 7697601 (0x007574C1)", hover.Content);
        Assert.Contains("IIsSmtpServer", hover.Content);
        Assert.Contains("msExchSmtpInboundCommandSupportOptions", hover.Content);
    }

    [Fact]
    public void Hover_OutboundName_ShowsInstalledDefaultWithItsConfidence()
    {
        var hover = Hover(SmtpServer("|SmtpOutboundCommandSupportOptions=\"7\""));
        Assert.Contains("Installed default: 7 (reported as installed", hover.Content);
        Assert.Contains("; medium confidence (centauricw.com", hover.Content);
    }

    [Fact]
    public void Hover_DescriptionReadFromTheName_SaysHowSureItIs()
    {
        var hover = Hover(SmtpServer("|AuthTurnList=\"\""));
        Assert.Contains("Description: low confidence (meaning from the property name", hover.Content);
        Assert.DoesNotContain("Description:", Hover(SmtpServer("|SmtpInboundCommandSupportOptions=\"7697601\"")).Content);
    }

    [Fact]
    public void Hover_UnknownPropertyName_SaysSoWithClosest()
    {
        var hover = Hover(SmtpServer("SmtpInboundCommandSuportOptions|=\"1\""));
        Assert.Contains("Unknown property", hover.Content);
        Assert.Contains("SmtpInboundCommandSupportOptions", hover.Content);
    }

    [Fact]
    public void Hover_OneFlagName_ShowsThatFlag()
    {
        var hover = Hover(SmtpServer("AuthFlags=\"AuthAnonymous | Auth#NTLM\""), marker: '#');
        Assert.StartsWith("AuthNTLM", hover.Content);
        Assert.Contains("Value: 4 (0x00000004)", hover.Content);
        Assert.Contains("ID: 6220", hover.Content);
        Assert.Contains("In the default: no", hover.Content);
        var (doc2, offset2) = Open(SmtpServer("AuthFlags=\"AuthAnonymous | Auth#NTLM\""), '#');
        var span = HoverService.GetHover(doc2, offset2, false)!.Span;
        Assert.Equal("AuthNTLM", doc2.Text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Hover_FlagInDefault_SaysYes()
    {
        var hover = Hover(SmtpServer("AuthFlags=\"Auth#Anonymous | AuthNTLM\""), marker: '#');
        Assert.Contains("In the default: yes", hover.Content);
    }

    [Fact]
    public void Hover_MisspeltFlagName_SuggestsClosest()
    {
        var hover = Hover(SmtpServer("AuthFlags=\"AuthAnonymous | Auth#Ntlm\""), marker: '#');
        Assert.Contains("Not a flag of AuthFlags", hover.Content);
        Assert.Contains("AuthNTLM", hover.Content);
    }

    [Fact]
    public void Hover_KeyName_ShowsLocationParentAndChildren()
    {
        var hover = Hover(SmtpServer("").Replace("<IIsSmtpServer", "<IIsSmtp|Server"));
        Assert.Contains("Location: /LM/SmtpSvc/1", hover.Content);
        Assert.Contains("Parent: /LM/SmtpSvc", hover.Content);
        Assert.DoesNotContain("no key at this Location", hover.Content);
        Assert.Contains("Children: 1: /LM/SmtpSvc/1/Root", hover.Content);
    }

    [Fact]
    public void Hover_KeyWithMissingParent_SaysParentIsAbsent()
    {
        var hover = Hover("<IIsSmtpVirtualDir|\tLocation =\"/LM/SmtpSvc/9/Root\"\n\t>\n</IIsSmtpVirtualDir>");
        Assert.Contains("Parent: /LM/SmtpSvc/9 (no key at this Location in the file)", hover.Content);
        Assert.Contains("Children: none", hover.Content);
    }

    [Fact]
    public void Hover_CustomUnknownName_ExplainsPlaceholder()
    {
        var hover = Hover(SmtpServer("", "\t<Cus|tom\n\t\tName=\"UnknownName_2166\"\n\t\tID=\"2166\"\n\t\tValue=\"0\"\n\t\tType=\"DWORD\"\n\t\tUserType=\"IIS_MD_UT_SERVER\"\n\t\tAttributes=\"INHERIT\"\n\t/>\n"));
        Assert.Contains("no name for", hover.Content);
        Assert.Contains("ID: 2166 (0x876)", hover.Content);
        Assert.Contains("Type: DWORD", hover.Content);
        Assert.Contains("User type: IIS_MD_UT_SERVER", hover.Content);
        Assert.Contains("Attributes: INHERIT", hover.Content);
    }

    [Fact]
    public void Hover_CustomWithKnownId_NamesTheSchemaProperty()
    {
        var hover = Hover(SmtpServer("", "\t<Custom\n\t\tName=\"X\"\n\t\tID=\"369|98\"\n\t\tValue=\"1\"\n\t\tType=\"DWORD\"\n\t/>\n"));
        Assert.Contains("SmtpInboundCommandSupportOptions", hover.Content);
    }

    [Fact]
    public void Hover_EnumValue_GivesLabel()
    {
        var hover = Hover(SmtpServer("ServerState=\"2|\""));
        Assert.Contains("Started", hover.Content);
    }

    [Fact]
    public void Hover_BoolValue_GivesMeaning()
    {
        var hover = Hover(SmtpServer("ShouldPipelineIn=\"tr|ue\""));
        Assert.Contains("= TRUE", hover.Content);
    }

    [Fact]
    public void Hover_MultiSzValue_CountsItems()
    {
        var hover = Hover(SmtpServer("ServerBindings=\":25:|\n\t\t\t10.0.0.1:25:\""));
        Assert.Contains("2 item(s)", hover.Content);
    }

    [Fact]
    public void Hover_HalfTypedValue_StillDecodes()
    {
        var (doc, offset) = Open("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tSmtpInboundCommandSupportOptions=\"3503297|\n\t>\n</IIsSmtpServer>");
        var hover = HoverService.GetHover(doc, offset, false);
        Assert.NotNull(hover);
        Assert.Contains("disabled 8BITMIME", hover.Content);
    }

    [Fact]
    public void Hover_SampleInboundValue_DecodesInCrlfBomFile()
    {
        var doc = MetabaseDocument.Create(Fixture.ReadSample("MetaBase.xml"), Metabase.Catalog.MetabaseCatalog.Embedded);
        int offset = doc.Text.IndexOf("SmtpInboundCommandSupportOptions=\"", StringComparison.Ordinal) + "SmtpInboundCommandSupportOptions=\"".Length + 2;
        var hover = HoverService.GetHover(doc, offset, markdown: false)!;
        Assert.Equal("7697601", doc.Text.Substring(hover.Span.Start, hover.Span.Length));
        Assert.Contains("same as the default", hover.Content);
    }

    [Fact]
    public void Hover_OutsideAnything_ReturnsNull()
    {
        var (doc, offset) = Open("|" + SmtpServer(""));
        Assert.Null(HoverService.GetHover(doc, offset, false));
    }

    [Fact]
    public void Hover_EveryOffsetOfErrorSample_NeverThrows()
    {
        foreach (var name in new[] { "MetaBase.xml", "MetaBase-with-errors.xml" })
        {
            var doc = MetabaseDocument.Create(Fixture.ReadSample(name), Metabase.Catalog.MetabaseCatalog.Embedded);
            for (int offset = 0; offset <= doc.Text.Length; offset += 7)
            {
                _ = HoverService.GetHover(doc, offset, markdown: offset % 2 == 0);
            }
        }
    }
}

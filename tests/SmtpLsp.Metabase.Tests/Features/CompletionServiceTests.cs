using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Tests.TestSupport;
using static SmtpLsp.Metabase.Tests.Features.FeatureFixture;

namespace SmtpLsp.Metabase.Tests.Features;

public class CompletionServiceTests
{
    private static (MetabaseDocument Doc, CompletionResult Result) Complete(string marked, char marker = '|', bool snippets = true, int maxItems = 200)
    {
        var (doc, offset) = Open(marked, marker);
        return (doc, CompletionService.GetCompletions(doc, offset, new CompletionOptions { Snippets = snippets, MaxItems = maxItems }));
    }

    private static string Replaced(MetabaseDocument doc, CompletionResult result) =>
        doc.Text.Substring(result.ReplaceSpan.Start, result.ReplaceSpan.Length);

    private static IEnumerable<string> Labels(CompletionResult result) => result.Items.Select(i => i.Label);

    [Fact]
    public void Completion_InboundValue_DisableEightBitMimeInserts3503297()
    {
        var (doc, result) = Complete(SmtpServer("SmtpInboundCommandSupportOptions=\"7697|601\""));
        var item = result.Items.Single(i => i.Label == "disable 8BITMIME");
        Assert.Equal("3503297", item.InsertText);
        Assert.Contains("3503297", item.Detail);
        Assert.Equal("7697601", Replaced(doc, result));
        Assert.Equal("7697601", result.Items.Single(i => i.Label.StartsWith("default")).InsertText);
        Assert.All(result.Items, i => Assert.StartsWith("7697", i.FilterText));
    }

    [Fact]
    public void Completion_InboundValueWithVerbOff_OffersEnable()
    {
        var (_, result) = Complete(SmtpServer("SmtpInboundCommandSupportOptions=\"3503297|\""));
        Assert.Equal("7697601", result.Items.Single(i => i.Label == "enable 8BITMIME").InsertText);
        Assert.Equal("2454721", result.Items.Single(i => i.Label == "disable CHUNKING").InsertText);
    }

    [Fact]
    public void Completion_InboundValueMissingClosingQuote_ReplacesOnlyTheNumber()
    {
        var (doc, result) = Complete("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tSmtpInboundCommandSupportOptions=\"7697601|\n\t>\n</IIsSmtpServer>");
        Assert.Equal("7697601", Replaced(doc, result));
        Assert.Contains("disable 8BITMIME", Labels(result));
    }

    [Fact]
    public void Completion_SymbolicFlagValue_OffersNamesNotPresent()
    {
        var (doc, result) = Complete(SmtpServer("AuthFlags=\"AuthAnonymous | Auth#\""), '#');
        Assert.Contains("AuthNTLM", Labels(result));
        Assert.Contains("AuthBasic", Labels(result));
        Assert.DoesNotContain("AuthAnonymous", Labels(result));
        Assert.All(result.Items, i => Assert.Equal(CompletionItemKind.FlagName, i.Kind));
        Assert.Equal("Auth", Replaced(doc, result));
    }

    [Fact]
    public void Completion_RightAfterBar_OffersNamesWithEmptySpan()
    {
        var (_, result) = Complete(SmtpServer("AuthFlags=\"AuthNTLM |#\""), '#');
        Assert.Equal(0, result.ReplaceSpan.Length);
        Assert.Contains("AuthAnonymous", Labels(result));
        Assert.DoesNotContain("AuthNTLM", Labels(result));
    }

    [Fact]
    public void Completion_BoolValue_OffersTrueFalse()
    {
        var (doc, result) = Complete(SmtpServer("ShouldPipelineIn=\"tr|\""));
        Assert.Equal(["TRUE", "FALSE"], Labels(result));
        Assert.Equal("tr", Replaced(doc, result));
    }

    [Fact]
    public void Completion_EnumValue_InsertsNumberWithLabelInDetail()
    {
        var (_, result) = Complete(SmtpServer("ServerState=\"|\""));
        var started = result.Items.Single(i => i.InsertText == "2");
        Assert.Contains("Started", started.Detail);
    }

    [Fact]
    public void Completion_OutboundValue_OffersKnownValues()
    {
        var (_, result) = Complete(SmtpServer("SmtpOutboundCommandSupportOptions=\"|\""));
        Assert.Equal(["7", "7697601"], result.Items.Select(i => i.InsertText));
    }

    [Fact]
    public void Completion_BetweenAttributes_OffersAllowedPropertiesNotYetSet()
    {
        var (_, result) = Complete(SmtpServer("ServerState=\"2\"\n\t\t|"));
        var labels = Labels(result).ToList();
        Assert.Contains("SmtpInboundCommandSupportOptions", labels);
        Assert.DoesNotContain("ServerState", labels);
        Assert.DoesNotContain("Location", labels);
        Assert.DoesNotContain("AspEnableParentPaths", labels);
        var inbound = result.Items.Single(i => i.Label == "SmtpInboundCommandSupportOptions");
        Assert.Equal("SmtpInboundCommandSupportOptions=\"${1:7697601}\"", inbound.InsertText);
        Assert.True(inbound.IsSnippet);
        Assert.Contains("DWORD", inbound.Detail);
        Assert.Contains("7697601", inbound.Detail);
        // Not the 7 community posts report as installed, which turns outbound ESMTP off.
        var outbound = result.Items.Single(i => i.Label == "SmtpOutboundCommandSupportOptions");
        Assert.Equal("SmtpOutboundCommandSupportOptions=\"${1:7697601}\"", outbound.InsertText);
    }

    [Fact]
    public void Completion_HalfTypedAttributeName_FiltersAndReplacesName()
    {
        var (doc, result) = Complete(SmtpServer("SmtpInbound|"), snippets: false);
        Assert.Equal("SmtpInbound", Replaced(doc, result));
        var inbound = result.Items.Single(i => i.Label == "SmtpInboundCommandSupportOptions");
        Assert.Equal("SmtpInboundCommandSupportOptions", inbound.InsertText);
        Assert.False(inbound.IsSnippet);
    }

    [Fact]
    public void Completion_NameWithExistingValue_InsertsNameOnly()
    {
        var (_, result) = Complete(SmtpServer("ServerSt|=\"2\""));
        Assert.Equal("ServerState", result.Items.Single(i => i.Label == "ServerState").InsertText);
    }

    [Fact]
    public void Completion_StartTagWithoutClosingBracket_StillOffersProperties()
    {
        var (_, result) = Complete("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tMaxC|");
        Assert.Contains("MaxConnections", Labels(result));
    }

    [Fact]
    public void Completion_ConfigObject_CapsHugeList()
    {
        var (_, result) = Complete("<IIsConfigObject\tLocation =\"/LM/X\"\n\t\t|\n\t>\n</IIsConfigObject>", maxItems: 50);
        Assert.Equal(50, result.Items.Count);
        Assert.True(result.IsIncomplete);
    }

    [Fact]
    public void Completion_AfterLessThan_OffersKeyTypesWithSnippet()
    {
        var (doc, result) = Complete(SmtpServer("") + "\n<|");
        var server = result.Items.Single(i => i.Label == "IIsSmtpServer");
        Assert.True(server.IsSnippet);
        Assert.StartsWith("IIsSmtpServer\tLocation =\"${1:/LM/SmtpSvc/1/Root/}\"", server.InsertText);
        Assert.EndsWith("</IIsSmtpServer>", server.InsertText);
        Assert.DoesNotContain(result.Items, i => doc.Catalog.FindKeyType(i.Label)!.IsHidden);
        Assert.Equal(0, result.ReplaceSpan.Length);
    }

    [Fact]
    public void Completion_HalfTypedKeyName_RanksChildTypesOfKeyAbove()
    {
        var (doc, result) = Complete("<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\n\t>\n</IIsSmtpService>\n<IIsSm|");
        Assert.Equal("IIsSm", Replaced(doc, result));
        var server = result.Items.Single(i => i.Label == "IIsSmtpServer");
        Assert.StartsWith("0_", server.SortText);
        Assert.Contains("${1:/LM/SmtpSvc/}", server.InsertText);
        Assert.StartsWith("1_", result.Items.Single(i => i.Label == "IIsWebService").SortText);
    }

    [Fact]
    public void Completion_KeyNameWithoutSnippets_InsertsPlainName()
    {
        var (_, result) = Complete("<IIsSm|", snippets: false);
        var server = result.Items.Single(i => i.Label == "IIsSmtpServer");
        Assert.Equal("IIsSmtpServer", server.InsertText);
        Assert.False(server.IsSnippet);
    }

    [Fact]
    public void Completion_RenamingExistingKey_InsertsNameOnly()
    {
        var (_, result) = Complete(SmtpServer("").Replace("<IIsSmtpServer", "<IIsSmtp|Server"));
        Assert.Equal("IIsSmtpServer", result.Items.Single(i => i.Label == "IIsSmtpServer").InsertText);
    }

    [Fact]
    public void Completion_LessThanInsideKey_OffersCustom()
    {
        var (_, result) = Complete(SmtpServer("", "\t<|\n"));
        Assert.Equal(["Custom"], Labels(result));
    }

    /// <summary>
    /// "&lt;C" inside a key: the parser ends the key there (keys never nest), but the Custom element is what is being
    /// typed, so it comes first; the key types stay for a key above typed without its end tag yet.
    /// </summary>
    [Theory]
    [InlineData("\t<C|\n")]
    [InlineData("\t<Cus|\n")]
    public void Completion_NameTypedAfterLessThanInsideKey_OffersCustomFirst(string body)
    {
        var (_, result) = Complete(SmtpServer("", body));
        var first = result.Items.MinBy(i => i.SortText, StringComparer.Ordinal)!;
        Assert.Equal("Custom", first.Label);
        Assert.StartsWith("Custom\n\t\tName=\"$1\"", first.InsertText);
    }

    [Fact]
    public void Completion_NameTypedAfterLessThanBetweenKeys_OffersKeyTypesOnly()
    {
        var (_, result) = Complete(SmtpServer("").Replace("<IIsSmtpVirtualDir", "<IIsS|\n<IIsSmtpVirtualDir"));
        Assert.DoesNotContain("Custom", Labels(result));
        Assert.Contains("IIsSmtpDomain", Labels(result));
    }

    /// <summary>A property name typed right after a value's closing quote gets the space XML needs before it.</summary>
    [Fact]
    public void Completion_PropertyNameRightAfterAValue_InsertsASpaceFirst()
    {
        var (doc, result) = Complete(SmtpServer("SmtpDisableRelay=\"TRUE\"SmtpIn|"), snippets: false);
        Assert.Equal("SmtpIn", Replaced(doc, result));
        var item = result.Items.Single(i => i.Label == "SmtpInboundCommandSupportOptions");
        Assert.Equal(" SmtpInboundCommandSupportOptions", item.InsertText);
        var (_, spaced) = Complete(SmtpServer("SmtpDisableRelay=\"TRUE\" SmtpIn|"), snippets: false);
        Assert.Equal("SmtpInboundCommandSupportOptions", spaced.Items.Single(i => i.Label == "SmtpInboundCommandSupportOptions").InsertText);
    }

    [Fact]
    public void Completion_InsideComment_ReturnsNothing()
    {
        var (_, result) = Complete("<!-- <IIsSm| -->\n" + SmtpServer(""));
        Assert.Empty(result.Items);
        var (_, inValue) = Complete("<!-- ShouldPipelineIn=\"tr|\" -->");
        Assert.Empty(inValue.Items);
    }

    [Fact]
    public void Completion_CustomAttributeNames_OffersMissingOnes()
    {
        var (_, result) = Complete(SmtpServer("", "\t<Custom\n\t\tName=\"X\"\n\t\t|\n\t/>\n"));
        Assert.Equal(["ID", "Value", "Type", "UserType", "Attributes"], Labels(result));
        Assert.Equal("ID=\"$1\"", result.Items[0].InsertText);
    }

    [Fact]
    public void Completion_CustomType_OffersTypes()
    {
        var (_, result) = Complete(SmtpServer("", "\t<Custom\n\t\tType=\"|\"\n\t/>\n"));
        Assert.Equal(["DWORD", "STRING", "BINARY", "EXPANDSZ", "MULTISZ"], Labels(result));
    }

    [Fact]
    public void Completion_CustomUserType_OffersUserTypes()
    {
        var (_, result) = Complete(SmtpServer("", "\t<Custom\n\t\tUserType=\"IIS|\"\n\t/>\n"));
        Assert.Contains("IIS_MD_UT_SERVER", Labels(result));
        Assert.Contains("ASP_MD_UT_APP", Labels(result));
    }

    [Fact]
    public void Completion_CustomAttributesAfterBar_ExcludesPresent()
    {
        var (_, result) = Complete(SmtpServer("", "\t<Custom\n\t\tAttributes=\"INHERIT | #\"\n\t/>\n"), '#');
        Assert.Contains("SECURE", Labels(result));
        Assert.DoesNotContain("INHERIT", Labels(result));
    }

    [Fact]
    public void Completion_CustomName_OffersPropertyNamesAndIdFollows()
    {
        var (_, names) = Complete(SmtpServer("", "\t<Custom\n\t\tName=\"SmtpInbound|\"\n\t/>\n"));
        Assert.Contains("SmtpInboundCommandSupportOptions", Labels(names));
        var (_, id) = Complete(SmtpServer("", "\t<Custom\n\t\tName=\"SmtpInboundCommandSupportOptions\"\n\t\tID=\"|\"\n\t/>\n"));
        Assert.Equal(["36998"], Labels(id));
    }

    [Fact]
    public void Completion_InElementBody_ReturnsNothing()
    {
        var (_, result) = Complete(SmtpServer("", "\t|\n"));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Completion_EveryOffsetOfSamples_NeverThrowsAndSpanContainsCursor()
    {
        foreach (var name in new[] { "MetaBase.xml", "MetaBase-with-errors.xml" })
        {
            var doc = MetabaseDocument.Create(Fixture.ReadSample(name), Metabase.Catalog.MetabaseCatalog.Embedded);
            for (int offset = 0; offset <= doc.Text.Length; offset += 5)
            {
                var result = CompletionService.GetCompletions(doc, offset, new CompletionOptions());
                if (result.Items.Count == 0) continue;
                Assert.True(result.ReplaceSpan.Start <= offset && offset <= result.ReplaceSpan.End, $"offset {offset} outside {result.ReplaceSpan}");
            }
        }
    }
}

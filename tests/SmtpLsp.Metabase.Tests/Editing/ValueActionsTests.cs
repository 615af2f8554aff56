using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Tests.TestSupport;
using static SmtpLsp.Metabase.Tests.Editing.EditingDocs;

namespace SmtpLsp.Metabase.Tests.Editing;

public class ValueActionsTests
{
    private static IReadOnlyList<ValueAction> ActionsAt(string marked)
    {
        var (text, offset) = Fixture.Parse(marked, '^');
        return ValueActions.For(BuildModel(text), offset, MetabaseCatalog.Embedded);
    }

    private static string Run(string marked, string title)
    {
        var (text, offset) = Fixture.Parse(marked, '^');
        var action = ValueActions.For(BuildModel(text), offset, MetabaseCatalog.Embedded).Single(a => a.Title == title);
        return TextEdit.Apply(text, action.Edits);
    }

    private static string Doc(string inboundValue) =>
        Wrap(SmtpKeys.Replace("SmtpInboundCommandSupportOptions=\"7697601\"", $"SmtpInboundCommandSupportOptions=\"{inboundValue}\""));

    [Fact]
    public void ValueActions_DefaultInboundVerbs_OfferDisableWithNewNumber()
    {
        var titles = ActionsAt(Doc("76^97601")).Select(a => a.Title).ToList();
        Assert.Contains("Disable 8BITMIME (3503297)", titles);
        Assert.Contains("Disable CHUNKING (6649025)", titles);
        Assert.DoesNotContain(titles, t => t.StartsWith("Reset to IIS default"));
    }

    [Fact]
    public void ValueActions_DisableVerb_WritesOnlyNewNumber()
    {
        Assert.Equal(Doc("3503297"), Run(Doc("76^97601"), "Disable 8BITMIME (3503297)"));
    }

    [Fact]
    public void ValueActions_EnableVerb_WritesOnlyNewNumber()
    {
        Assert.Equal(Doc("7697601"), Run(Doc("35^03297"), "Enable 8BITMIME (7697601)"));
    }

    [Fact]
    public void ValueActions_ResetToDefault_WritesSchemaDefault()
    {
        var actions = ActionsAt(Doc("^3503297"));
        Assert.Equal(ActionKind.Refactor, actions.Single(a => a.Title == "Reset to IIS default (7697601)").Kind);
        Assert.Equal(Doc("7697601"), Run(Doc("^3503297"), "Reset to IIS default (7697601)"));
    }

    [Fact]
    public void ValueActions_OutboundAtTheSchemaDefault_OffersNoInstalledValue()
    {
        // 7, reported as installed and said to turn outbound ESMTP off, is no default to return to.
        var doc = Wrap(SmtpKeys.Replace("SmtpInboundCommandSupportOptions=\"7697601\"", "SmtpOutboundCommandSupportOptions=\"76^97601\""));
        Assert.DoesNotContain(ActionsAt(doc), a => a.Title.StartsWith("Reset", StringComparison.Ordinal));
    }

    [Fact]
    public void ValueActions_ResetMultiSzToItsDefault_WritesAnItemPerLineWithTheFilesLineBreaks()
    {
        string marked = "<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XMLSchema-1.0\">\r\n<MBProperty>\r\n" +
            "<IIsCustomLogModule\tLocation =\"/LM/Logging/Custom Logging/x\"\r\n\t\tLogCustomPropertyServicesString=\"W3^Svc\"\r\n\t>\r\n</IIsCustomLogModule>\r\n</MBProperty>\r\n</configuration>\r\n";
        string title = "Reset to IIS default (W3Svc, MSFTPSvc, SmtpSvc, NNTPSvc)";
        string after = Run(marked, title);
        Assert.Equal(marked.Replace("\"W3^Svc\"", "\"W3Svc\r\n\t\t\tMSFTPSvc\r\n\t\t\tSmtpSvc\r\n\t\t\tNNTPSvc\"", StringComparison.Ordinal), after);
        Assert.DoesNotContain(ActionsAt(after.Replace("W3Svc", "W3^Svc", StringComparison.Ordinal)), a => a.Title == title);
    }

    [Fact]
    public void ValueActions_InvalidValue_ResetIsQuickFix()
    {
        var actions = ActionsAt(Doc("^abc"));
        Assert.Equal(ActionKind.QuickFix, actions.Single(a => a.Title == "Reset to IIS default (7697601)").Kind);
        Assert.DoesNotContain(actions, a => a.Title.StartsWith("Disable"));
    }

    [Fact]
    public void ValueActions_SymbolicFlags_WriteAsNumber()
    {
        var text = Wrap(SmtpKeys).Replace("AuthFlags=\"AuthAnonymous", "AuthFlags=\"Auth^Anonymous");
        var result = Run(text, "Write as number");
        Assert.Contains("AuthFlags=\"5\"", result); // AuthAnonymous 1 | AuthNTLM 4
        Assert.Equal(Wrap(SmtpKeys).Replace("AuthAnonymous | AuthNTLM", "5"), result);
    }

    [Fact]
    public void ValueActions_NumericFlagTableValue_WriteAsNames()
    {
        var text = Wrap(SmtpKeys.Replace("AuthAnonymous | AuthNTLM", "^5"));
        Assert.Equal(Wrap(SmtpKeys), Run(text, "Write as names"));
        Assert.DoesNotContain(ActionsAt(text), a => a.Title == "Write as number");
    }

    [Fact]
    public void ValueActions_SymbolicFlags_EnableWithoutNumberInTitle()
    {
        var text = Wrap(SmtpKeys).Replace("AuthFlags=\"AuthAnonymous", "AuthFlags=\"^AuthAnonymous");
        Assert.Equal(Wrap(SmtpKeys).Replace("AuthAnonymous | AuthNTLM", "AuthAnonymous | AuthBasic | AuthNTLM"),
            Run(text, "Enable AuthBasic"));
    }

    /// <summary>The last flag turned off writes 0 (an empty value is MB3003), and from 0 a flag is written by name again.</summary>
    [Fact]
    public void ValueActions_LastFlagDisabled_WritesZeroThenNamesAgain()
    {
        var one = Wrap(SmtpKeys.Replace("AuthAnonymous | AuthNTLM", "Auth^NTLM"));
        var zero = Run(one, "Disable AuthNTLM");
        Assert.Equal(Wrap(SmtpKeys.Replace("AuthAnonymous | AuthNTLM", "0")), zero);
        var atZero = zero.Replace("AuthFlags=\"0\"", "AuthFlags=\"^0\"");
        Assert.Equal(Wrap(SmtpKeys.Replace("AuthAnonymous | AuthNTLM", "AuthBasic")), Run(atZero, "Enable AuthBasic"));
        Assert.DoesNotContain(ActionsAt(atZero), a => a.Title is "Write as number" or "Write as names");
    }

    [Fact]
    public void ValueActions_OnLocation_None()
    {
        Assert.Empty(ActionsAt(Wrap(SmtpKeys).Replace("\"/LM/SmtpSvc/1\"", "\"/LM/Smtp^Svc/1\"")));
    }
}

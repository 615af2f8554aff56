using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class ExchangeRulesTests
{
    private const string ExchangeServer =
        "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"\n" +
        "\t\t[AuthFlags]=\"AuthBasic | AuthNTLM\"\n" +
        "\t\tBadMailDirectory=\"C:\\Program Files\\Exchsrvr\\Mailroot\\vsi 1\\BadMail\"\n" +
        "\t\tServerComment=\"Default SMTP Virtual Server\"\n" +
        "\t>\n</IIsSmtpServer>\n";

    [Fact]
    public void ExchangeManaged_MailrootVsiPath_InformationOnOwnedPropertyName()
    {
        var (diagnostics, expected, _) = Analyze.Marked(ExchangeServer);
        var d = Analyze.Single(diagnostics, DiagnosticCodes.ExchangeManaged);
        Assert.Equal(DiagnosticSeverity.Information, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("msExchAuthenticationFlags", d.Message);
        Assert.Contains("DS2MB", d.Message);
        Assert.Contains("15 minutes", d.Message);
        Assert.Contains("Exchange System Manager", d.Message);
        Assert.Contains("ADSI Edit", d.Message);
    }

    [Theory]
    [InlineData("D:\\EXCHSRVR\\MAILROOT\\VSI 1\\BadMail")]
    [InlineData("d:\\exchsrvr\\mailroot\\vsi 3\\pickup")]
    public void ExchangeManaged_MailrootVsiPathInAnyCase_Reported(string path)
    {
        var diagnostics = Analyze.Keys($"<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" AuthFlags=\"AuthBasic\" BadMailDirectory=\"{path}\"/>\n");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
    }

    [Fact]
    public void ExchangeManaged_OptionOff_NotReported()
    {
        var (diagnostics, _, _) = Analyze.Marked(ExchangeServer, new AnalysisOptions { ExchangeHints = false });
        Analyze.None(diagnostics, DiagnosticCodes.ExchangeManaged);
    }

    [Fact]
    public void ExchangeManaged_PlainIisServer_NotReported()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" AuthFlags=\"AuthBasic\" BadMailDirectory=\"C:\\Inetpub\\mailroot\\Badmail\" MaxRecipients=\"100\"/>\n");
        Analyze.None(diagnostics, DiagnosticCodes.ExchangeManaged);
    }

    [Fact]
    public void ExchangeManaged_OneMediumSignal_NotReported()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" AuthFlags=\"AuthBasic\" MaxRecipients=\"64000\"/>\n");
        Analyze.None(diagnostics, DiagnosticCodes.ExchangeManaged);
    }

    [Fact]
    public void ExchangeManaged_TwoMediumSignals_Reported()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" MaxSessionSize=\"0\" MaxRecipients=\"64000\"/>\n");
        Assert.Contains("msExchSmtpMaxSessionSize", Analyze.Single(diagnostics, DiagnosticCodes.ExchangeManaged).Message);
    }

    [Fact]
    public void ExchangeManaged_CustomInServiceKey_ReportedOnServerProperties()
    {
        var diagnostics = Analyze.Keys(
            "<IIsSmtpService Location =\"/LM/SmtpSvc\">\n\t<Custom Name=\"UnknownName_61537\" ID=\"61537\" Value=\"1\" Type=\"DWORD\"/>\n</IIsSmtpService>\n" +
            "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" ServerBindings=\":25:\" SmtpInboundCommandSupportOptions=\"7697601\"/>\n");
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.ExchangeManaged));
    }

    [Fact]
    public void ExchangeManaged_CustomOutsideSmtpSvc_NotASignal()
    {
        var diagnostics = Analyze.Keys(
            "<IIsWebService Location =\"/LM/W3SVC\">\n\t<Custom Name=\"UnknownName_2166\" ID=\"2166\" Value=\"0\" Type=\"DWORD\"/>\n</IIsWebService>\n" +
            "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" ServerBindings=\":25:\"/>\n");
        Analyze.None(diagnostics, DiagnosticCodes.ExchangeManaged);
    }

    [Fact]
    public void ExchangeManaged_NotOwnedProperty_NotReported()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" BadMailDirectory=\"D:\\Exchsrvr\\Mailroot\\vsi 2\\BadMail\" ServerComment=\"x\"/>\n");
        Analyze.None(diagnostics, DiagnosticCodes.ExchangeManaged);
    }
}

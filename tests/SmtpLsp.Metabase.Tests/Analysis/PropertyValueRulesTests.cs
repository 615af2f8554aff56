using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class PropertyValueRulesTests
{
    private static string Server(string attributes) => $"<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"\n\t\t{attributes}\n\t>\n</IIsSmtpServer>\n";

    [Theory]
    [InlineData("MaxMessageSize=\"[10 MB]\"")]
    [InlineData("MaxMessageSize=\"[ 5]\"")]
    [InlineData("MaxMessageSize=\"[0x10]\"")]
    [InlineData("[MaxMessageSize=\"\"]")]
    public void DwordNotANumber_Text_ErrorOnValue(string attribute)
    {
        var (diagnostics, expected, _) = Analyze.Marked(Server(attribute));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.DwordNotANumber);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
    }

    [Theory]
    [InlineData("4294967295")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("007")]
    public void DwordNotANumber_Decimal_NotReported(string value)
    {
        var diagnostics = Analyze.Keys(Server($"MaxMessageSize=\"{value}\""));
        Analyze.None(diagnostics, DiagnosticCodes.DwordNotANumber);
        Analyze.None(diagnostics, DiagnosticCodes.DwordOutOfRange);
    }

    [Theory]
    [InlineData("4294967296")]
    [InlineData("-2")]
    [InlineData("99999999999999999999")]
    public void DwordOutOfRange_Beyond32Bits_ErrorOnValue(string value)
    {
        var (diagnostics, expected, _) = Analyze.Marked(Server($"MaxMessageSize=\"[{value}]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.DwordOutOfRange);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("4294967295", d.Message);
    }

    [Fact]
    public void OutsideSchemaRange_AboveEndingNumber_WarningOnValue()
    {
        // LogType: 0..1 in the schema.
        var (diagnostics, expected, _) = Analyze.Marked(Server("LogType=\"[2]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.OutsideSchemaRange);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("0..1", d.Message);
        Analyze.None(diagnostics, DiagnosticCodes.EnumValueWithoutLabel);
    }

    [Theory]
    [InlineData("LogType=\"1\"")]
    [InlineData("LogType=\"-1\"")]
    [InlineData("SmtpServiceVersion=\"0\"")] // below StartingNumber 1, but it is the schema default IIS writes
    [InlineData("SmtpServiceVersion=\"5\"")]
    public void OutsideSchemaRange_InRangeDefaultOrUnlimited_NotReported(string attribute)
    {
        Analyze.None(Analyze.Keys($"<IIsSmtpService Location =\"/LM/SmtpSvc\" {attribute}/>\n"), DiagnosticCodes.OutsideSchemaRange);
    }

    [Theory]
    [InlineData("ture", "TRUE")]
    [InlineData("1", "TRUE")]
    [InlineData("0", "FALSE")]
    [InlineData("flase", "FALSE")]
    [InlineData("yes", null)]
    public void BoolNotTrueFalse_Invalid_ErrorOnValueWithSuggestion(string value, string? fix)
    {
        var (diagnostics, expected, _) = Analyze.Marked(Server($"SmtpDisableRelay=\"[{value}]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.BoolNotTrueFalse);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Equal(fix, d.FixData);
        Assert.Contains($"'{value}'", d.Message);
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("false")]
    [InlineData("True")]
    public void BoolNotTrueFalse_AnyCase_NotReported(string value)
    {
        Analyze.None(Analyze.Keys(Server($"SmtpDisableRelay=\"{value}\"")), DiagnosticCodes.BoolNotTrueFalse);
    }

    [Fact]
    public void EnumValueWithoutLabel_UnlabelledSmartHostType_InformationOnValue()
    {
        var (diagnostics, expected, _) = Analyze.Marked(Server("SmartHostType=\"[3]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.EnumValueWithoutLabel);
        Assert.Equal(DiagnosticSeverity.Information, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("Always use the smart host", d.Message);
    }

    [Theory]
    [InlineData("SmartHostType=\"2\"")]
    [InlineData("LogFilePeriod=\"4\"")]
    [InlineData("MaxMessageSize=\"3\"")]
    public void EnumValueWithoutLabel_LabelledOrNotEnum_NotReported(string attribute)
    {
        Analyze.None(Analyze.Keys(Server(attribute)), DiagnosticCodes.EnumValueWithoutLabel);
    }

    [Fact]
    public void PropertyValue_SecureBlobAndMultiSzWithTabs_NotReported()
    {
        var diagnostics = Analyze.Keys(Server(
            "RoutePassword=\"4963446204294e7398bde2072c51769b\"\n\t\tServerBindings=\":25:\n\t\t\t192.0.2.10:25:\"\n\t\tLocalDomains=\"a.example\n\t\t\tb.example\""));
        Assert.Empty(diagnostics);
    }
}

using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class KeyRulesTests
{
    [Fact]
    public void UnknownKeyType_Misspelt_ErrorOnElementNameWithSuggestion()
    {
        var (diagnostics, expected, _) = Analyze.Marked("<[IIsSmtpServr]\tLocation =\"/LM/SmtpSvc/1\"\n\t>\n</IIsSmtpServr>\n");
        var d = Analyze.Single(diagnostics, DiagnosticCodes.UnknownKeyType);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Equal("IIsSmtpServer", d.FixData);
        Assert.Contains("'IIsSmtpServr'", d.Message);
    }

    [Fact]
    public void UnknownKeyType_WrongCase_Reported()
    {
        var diagnostics = Analyze.Keys("<iissmtpserver Location =\"/LM/SmtpSvc/1\"/>\n");
        Assert.Equal("IIsSmtpServer", Analyze.Single(diagnostics, DiagnosticCodes.UnknownKeyType).FixData);
    }

    [Theory]
    [InlineData("IIsSmtpServer")]
    [InlineData("IIsConfigObject")]
    [InlineData("IIS_Global")]
    public void UnknownKeyType_SchemaKeyType_NotReported(string keyType)
    {
        Analyze.None(Analyze.Keys($"<{keyType} Location =\"/x\"/>\n"), DiagnosticCodes.UnknownKeyType);
    }

    [Fact]
    public void UnknownKeyType_UnknownKey_PropertiesStillChecked()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServr Location =\"/LM/SmtpSvc/1\" MaxMessageSiz=\"1\" SmtpDisableRelay=\"ture\"/>\n");
        Analyze.Single(diagnostics, DiagnosticCodes.UnknownProperty);
        Analyze.Single(diagnostics, DiagnosticCodes.BoolNotTrueFalse);
        Analyze.None(diagnostics, DiagnosticCodes.PropertyNotAllowed);
    }

    [Fact]
    public void MissingLocation_NoAttribute_ErrorOnElementName()
    {
        var (diagnostics, expected, _) = Analyze.Marked("<[IIsSmtpServer]\n\t\tServerComment=\"x\"\n\t>\n</IIsSmtpServer>\n");
        var d = Analyze.Single(diagnostics, DiagnosticCodes.MissingLocation);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
    }

    [Fact]
    public void MissingLocation_EmptyValue_ErrorOnAttribute()
    {
        var (diagnostics, expected, _) = Analyze.Marked("<IIsSmtpServer\t[Location =\"\"]/>\n");
        Assert.Equal(expected, Analyze.Single(diagnostics, DiagnosticCodes.MissingLocation).Span);
    }

    [Fact]
    public void MissingLocation_BlankValue_ErrorOnValue()
    {
        var (diagnostics, expected, _) = Analyze.Marked("<IIsSmtpServer\tLocation =\"[  ]\"/>\n");
        Assert.Equal(expected, Analyze.Single(diagnostics, DiagnosticCodes.MissingLocation).Span);
    }

    [Theory]
    [InlineData("/LM/SmtpSvc/1")]
    [InlineData(".")]
    public void MissingLocation_PresentLocation_NotReported(string location)
    {
        Analyze.None(Analyze.Keys($"<IIsSmtpServer Location =\"{location}\"/>\n"), DiagnosticCodes.MissingLocation);
    }
}

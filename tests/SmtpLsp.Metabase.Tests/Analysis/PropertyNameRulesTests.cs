using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class PropertyNameRulesTests
{
    [Fact]
    public void UnknownProperty_Misspelt_ErrorOnNameWithSuggestionAsFixData()
    {
        var (diagnostics, expected, _) = Analyze.Marked("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"\n\t\t[MaxMessageSizeKB]=\"10240\"/>\n");
        var d = Analyze.Single(diagnostics, DiagnosticCodes.UnknownProperty);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Equal("MaxMessageSize", d.FixData);
        Assert.Contains("'MaxMessageSizeKB'", d.Message);
    }

    [Fact]
    public void UnknownProperty_WrongCase_SuggestsExactCase()
    {
        var d = Analyze.Single(Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" maxmessagesize=\"1\"/>\n"), DiagnosticCodes.UnknownProperty);
        Assert.Equal("MaxMessageSize", d.FixData);
    }

    [Fact]
    public void UnknownProperty_NothingClose_PointsToCustom()
    {
        var d = Analyze.Single(Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" Zqxjvwk=\"1\"/>\n"), DiagnosticCodes.UnknownProperty);
        Assert.Null(d.FixData);
        Assert.Contains("<Custom>", d.Message);
    }

    [Fact]
    public void UnknownProperty_IisGlobalAttributes_NotReported()
    {
        var diagnostics = Analyze.Keys("<IIS_Global Location =\".\" BINSchemaTimeStamp=\"ba0cc15a0ececb01\" ChangeNumber=\"769\" HistoryMajorVersionNumber=\"70\" SessionKey=\"49634b62\" XMLSchemaTimeStamp=\"146fc35a0ececb01\"/>\n");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void PropertyNotAllowed_ServerPropertyOnDomain_WarningNamingAllowedKeyTypes()
    {
        var (diagnostics, expected, _) = Analyze.Marked("<IIsSmtpDomain Location =\"/LM/SmtpSvc/1/Domain\" [MaxMessageSize]=\"1024\"/>\n");
        var d = Analyze.Single(diagnostics, DiagnosticCodes.PropertyNotAllowed);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("IIsSmtpServer", d.Message);
        Assert.DoesNotContain("IIsConfigObject", d.Message);
    }

    [Theory]
    [InlineData("IIsSmtpServer")]
    [InlineData("IIsConfigObject")]
    public void PropertyNotAllowed_AllowedOrGenericKey_NotReported(string keyType)
    {
        Analyze.None(Analyze.Keys($"<{keyType} Location =\"/LM/SmtpSvc/1\" MaxMessageSize=\"1024\"/>\n"), DiagnosticCodes.PropertyNotAllowed);
    }
}

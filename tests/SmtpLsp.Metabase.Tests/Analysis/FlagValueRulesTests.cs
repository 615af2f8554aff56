using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class FlagValueRulesTests
{
    private static string Server(string attributes) => $"<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"\n\t\t{attributes}\n\t>\n</IIsSmtpServer>\n";

    [Fact]
    public void UnknownFlagName_Misspelt_ErrorOnThatNameOnly()
    {
        var (diagnostics, expected, _) = Analyze.Marked(Server("AuthFlags=\"AuthBasic | [AuthNTML]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.UnknownFlagName);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Equal("AuthNTLM", d.FixData);
    }

    [Fact]
    public void UnknownFlagName_WrongCase_ReportedWithExactCase()
    {
        var d = Analyze.Single(Analyze.Keys(Server("AuthFlags=\"authntlm\"")), DiagnosticCodes.UnknownFlagName);
        Assert.Equal("AuthNTLM", d.FixData);
    }

    [Fact]
    public void UnknownFlagName_CharacterReferenceInTheValue_WholeValueMarkedWithNoFix()
    {
        // The decoded value is "AuthBasic | Bogus": the unknown name is Bogus, whose place in the file is not that.
        var (diagnostics, expected, _) = Analyze.Marked(Server("AuthFlags=\"[AuthBasic &#x7C; Bogus]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.UnknownFlagName);
        Assert.Equal(expected, d.Span);
        Assert.Contains("'Bogus'", d.Message);
        Assert.Null(d.FixData);
    }

    [Fact]
    public void SymbolicFlags_NumberWrittenWithACharacterReference_JudgedAsTheNumberIisReads()
    {
        var diagnostics = Analyze.Keys(Server("AuthFlags=\"&#52;294967296\""));
        Analyze.None(diagnostics, DiagnosticCodes.UnknownFlagName);
        Analyze.Single(diagnostics, DiagnosticCodes.DwordOutOfRange);
    }

    [Theory]
    [InlineData("AuthBasic | AuthNTLM")]
    [InlineData("AuthAnonymous")]
    [InlineData("5")]
    public void UnknownFlagName_KnownNamesOrNumber_NotReported(string value)
    {
        var diagnostics = Analyze.Keys(Server($"AuthFlags=\"{value}\""));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void UndefinedFlagBits_NumericWithUnknownBit_ErrorNamingHexAndDecimal()
    {
        // AuthFlags defines 0x1..0x40; 0x100 is not a flag.
        var (diagnostics, expected, _) = Analyze.Marked(Server("AuthFlags=\"[261]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.UndefinedFlagBits);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("0x100 (256)", d.Message);
    }

    [Fact]
    public void UndefinedFlagBits_NumericWithinTable_NotReported()
    {
        Analyze.None(Analyze.Keys(Server("AuthFlags=\"7\"")), DiagnosticCodes.UndefinedFlagBits);
    }

    [Fact]
    public void UnknownVerbBits_BitOutsideVerbsAndDefault_WarningNamingBits()
    {
        // 7697603 = the default plus 0x2.
        var (diagnostics, expected, _) = Analyze.Marked(Server("SmtpInboundCommandSupportOptions=\"[7697603]\""));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.UnknownVerbBits);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("0x2 (2)", d.Message);
        Assert.DoesNotContain("0x1 (1)", d.Message);
    }

    [Theory]
    [InlineData("7697601")] // the IIS default: its undocumented bits 0x56001 are never reported
    [InlineData("352257")]  // the undocumented bits alone
    [InlineData("3503297")] // default without 8BITMIME
    [InlineData("0")]
    public void UnknownVerbBits_DocumentedOrDefaultBits_NotReported(string value)
    {
        Assert.Empty(Analyze.Keys(Server($"SmtpInboundCommandSupportOptions=\"{value}\"")));
    }

    [Fact]
    public void UnknownVerbBits_VerbNames_NotANumberWithDecimalFix()
    {
        var d = Analyze.Single(Analyze.Keys(Server("SmtpInboundCommandSupportOptions=\"DSN | ETRN\"")), DiagnosticCodes.DwordNotANumber);
        Assert.Equal("192", d.FixData);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("7697601")]
    [InlineData("4294967295")]
    [InlineData("2147483648")]
    public void SmtpOutboundCommandSupportOptions_AnyDword_NoDiagnostic(string value)
    {
        Assert.Empty(Analyze.Keys(Server($"SmtpOutboundCommandSupportOptions=\"{value}\"")));
    }

    [Fact]
    public void SmtpOutboundCommandSupportOptions_NotANumber_Reported()
    {
        Analyze.Single(Analyze.Keys(Server("SmtpOutboundCommandSupportOptions=\"seven\"")), DiagnosticCodes.DwordNotANumber);
    }
}

using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;

namespace SmtpLsp.Metabase.Tests.Features;

public class ValueReportTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private static ValueReport Report(string property, string value, bool allowHex = false) =>
        ValueReport.Create(Catalog.FindProperty(property)!, value, allowHex);

    /// <summary>
    /// Hover shows what check reports: a value of the file has a problem in its report (or unknown bits) exactly when
    /// the analyzer draws an error or warning on it, whatever its spaces, sign, entities or range.
    /// </summary>
    [Theory]
    [InlineData("SmtpInboundCommandSupportOptions")]
    [InlineData("AuthFlags")]
    [InlineData("LogFilePeriod")]
    [InlineData("ConnectionTimeout")]
    [InlineData("SmtpServiceVersion")]
    [InlineData("SmtpDisableRelay")]
    public void Report_ValuesOfAFile_ProblemExactlyWhereCheckReportsOne(string property)
    {
        string[] values = ["7697601", "7697601 ", " 7697601", "+7697601", "-0", "-1", "-2", "&#55;697601", "&#x37;697601", "0x10", "4294967296",
            "0", "1", "4", "5", "9", "2147483648", "7697603", "128", "AuthBasic", "AuthBasic | AuthNTLM", "AuthNTLM | Bogus", "DSN", "",
            "TRUE", "FALSE", "true", "&#84;RUE", "AuthBasic &#124; AuthNTLM", "Auth&#66;asic", "AuthBasic &#x7C; Bogus", "&#52;294967296", "&#49;28"];
        var info = Catalog.FindProperty(property)!;
        foreach (var value in values)
        {
            var doc = MetabaseDocument.Create(FeatureFixture.Head + FeatureFixture.SmtpServer($"{property}=\"{value}\"") + FeatureFixture.Tail, Catalog);
            var attribute = doc.Tree.FindAttributeAt(doc.Text.IndexOf($"{property}=", StringComparison.Ordinal))!;
            bool checkReports = MetabaseAnalyzer.Analyze(doc.Model, Catalog).Any(d => d.Severity <= DiagnosticSeverity.Warning
                && d.Span.Start >= attribute.Span.Start && d.Span.End <= attribute.Span.End && d.Code.StartsWith("MB30", StringComparison.Ordinal));
            var report = ValueReport.Create(info, attribute.Value);
            bool reportSays = report.Problems.Count > 0 || report.UnknownBits != 0;
            Assert.True(checkReports == reportSays, $"{property}=\"{value}\": check {(checkReports ? "reports" : "is silent")}, the report {(reportSays ? string.Join("; ", report.Problems) + $" (unknown bits {report.UnknownBits})" : "is silent")}");
        }
    }

    [Theory]
    [InlineData("-2")]
    [InlineData("4294967296")]
    public void Report_NumberOutsideADword_SaysSo(string value)
    {
        Assert.Contains("does not fit in a DWORD", Assert.Single(Report("SmtpInboundCommandSupportOptions", value).Problems));
        Assert.Contains("does not fit in a DWORD", Assert.Single(Report("LogFilePeriod", value).Problems));
    }

    [Fact]
    public void PlainText_InboundDefault_IsPinned()
    {
        var text = Report("SmtpInboundCommandSupportOptions", "7697601").ToPlainText();
        Assert.Equal(
            """
            SmtpInboundCommandSupportOptions = 7697601 (0x007574C1)
            Default: 7697601 (0x007574C1)
            Compared with the default: same as the default
            Verbs:
              [x] DSN                          64  0x00000040
              [x] ETRN                        128  0x00000080
              [x] TURN/ATRN                  1024  0x00000400
              [x] ENHANCEDSTATUSCODES        4096  0x00001000  (medium confidence)
              [x] CHUNKING                1048576  0x00100000
              [x] BINARYMIME              2097152  0x00200000
              [x] 8BITMIME                4194304  0x00400000
            Undocumented bits (set in the IIS default; no public source names them): 352257 (0x00056001)
              [x] (undocumented)                1  0x00000001
              [x] (undocumented)             8192  0x00002000
              [x] (undocumented)            16384  0x00004000
              [x] (undocumented)            65536  0x00010000
              [x] (undocumented)           262144  0x00040000
            Unknown bits: none
            EHLO lines (SIZE, PIPELINING and AUTH lines come from other settings):
              250-TURN
              250-ATRN
              250-ETRN
              250-DSN
              250-ENHANCEDSTATUSCODES
              250-8bitmime
              250-BINARYMIME
              250-CHUNKING
            """.ReplaceLineEndings("\n") + "\n", text);
    }

    [Fact]
    public void Create_Inbound8BitMimeOff_ReportsDisabledAndDropsEhloLine()
    {
        var report = Report("SmtpInboundCommandSupportOptions", "3503297");
        Assert.Equal(3503297u, report.Number);
        Assert.False(report.Flags.Single(f => f.Name == "8BITMIME").IsSet);
        Assert.True(report.Flags.Single(f => f.Name == "8BITMIME").InDefault);
        Assert.Equal(["8BITMIME"], report.DisabledVsDefault.Select(f => f.Name));
        Assert.Empty(report.EnabledVsDefault);
        Assert.DoesNotContain("250-8bitmime", report.EhloLines);
        Assert.Contains("disabled 8BITMIME", report.ToPlainText());
    }

    [Fact]
    public void Create_HexOnCommandLine_DecodesLikeDecimal()
    {
        Assert.Equal(7697601u, Report("SmtpInboundCommandSupportOptions", "0x7574C1", allowHex: true).Number);
        Assert.Null(Report("SmtpInboundCommandSupportOptions", "0x7574C1").Number);
    }

    [Fact]
    public void Create_UnknownBit_ReportsUnknownNotUndocumented()
    {
        var report = Report("SmtpInboundCommandSupportOptions", (7697601u | 0x8000000u).ToString());
        Assert.Equal(0x8000000u, report.UnknownBits);
        Assert.Equal(5, report.UndocumentedBits.Count(b => b.IsSet));
        Assert.Contains("Unknown bits: 134217728 (0x08000000)", report.ToPlainText());
    }

    [Fact]
    public void Create_SymbolicFlags_MarksSetFlagsAndDefault()
    {
        var report = Report("AuthFlags", "AuthAnonymous | AuthNTLM");
        Assert.Equal(ValueReportKind.Bitmask, report.Kind);
        Assert.Equal(5u, report.Number);
        Assert.Equal(["AuthAnonymous", "AuthNTLM"], report.Flags.Where(f => f.IsSet).Select(f => f.Name).Order());
        Assert.Equal(["AuthNTLM"], report.EnabledVsDefault.Select(f => f.Name));
        Assert.Empty(report.EhloLines);
        Assert.Contains("Flags:", report.ToPlainText());
    }

    [Fact]
    public void Create_UnknownFlagName_ReportsProblem()
    {
        var report = Report("AuthFlags", "AuthAnonymous | AuthNtlm");
        Assert.Null(report.Number);
        Assert.Contains(report.Problems, p => p.Contains("AuthNtlm"));
    }

    [Fact]
    public void Create_Outbound_SaysNoTableAndKnownValues()
    {
        var report = Report("SmtpOutboundCommandSupportOptions", "7");
        Assert.Equal(ValueReportKind.OpaqueBitmask, report.Kind);
        Assert.Equal([7u, 7697601u], report.KnownValues.Select(k => k.Value));
        var text = report.ToPlainText();
        Assert.Contains("No bit table is published", text);
        Assert.Contains("7697601", text);
        Assert.NotNull(report.Label);
    }

    [Fact]
    public void Create_Enum_GivesLabel()
    {
        var report = Report("ServerState", "2");
        Assert.Equal(ValueReportKind.Enum, report.Kind);
        Assert.Contains("Started", report.Label);
    }

    [Fact]
    public void Create_BoolNumeric_GivesMeaningAndProblem()
    {
        var report = Report("AspEnableParentPaths", "1");
        Assert.Equal(true, report.BoolValue);
        Assert.Single(report.Problems);
        Assert.Equal(false, Report("AspEnableParentPaths", "false").BoolValue);
    }

    [Fact]
    public void Create_MultiSz_CountsItems()
    {
        var report = Report("InProcessIsapiApps", "a.dll\n\t\t\tb.dll\n\t\t\tc.dll");
        Assert.Equal(["a.dll", "b.dll", "c.dll"], report.MultiSzItems);
        Assert.StartsWith("InProcessIsapiApps = 3 item(s)", report.ToPlainText());
    }

    [Fact]
    public void Create_DwordUnlimited_Explains()
    {
        var report = Report("MaxConnections", "-1");
        Assert.Equal(uint.MaxValue, report.Number);
        Assert.Contains("unlimited", report.ToPlainText());
    }

    [Fact]
    public void ToMarkdown_InboundDefault_HasTableUndocumentedAndEhlo()
    {
        var md = Report("SmtpInboundCommandSupportOptions", "7697601").ToMarkdown();
        Assert.Contains("| ✓ | 8BITMIME | 4194304 | 0x00400000 |", md);
        Assert.Contains("*undocumented*", md);
        Assert.Contains("250-8bitmime", md);
    }

    [Fact]
    public void Create_Garbage_NeverThrows()
    {
        foreach (var property in Catalog.Properties)
            foreach (var value in new[] { "", "|", "-", "x | | y", "99999999999", "\n", "&amp;" })
            {
                var report = ValueReport.Create(property, value);
                Assert.NotNull(report.ToPlainText());
                Assert.NotNull(report.ToMarkdown());
            }
    }

    [Fact]
    public void ToMarkdown_AnyPropertyAndValue_NoDoubleBlankLine()
    {
        // MaxMessageSize="-1" drew two blank lines before its note, which Neovim's float shows as they are.
        foreach (var property in Catalog.Properties)
            foreach (var value in new[] { "-1", "0", "7697601", "AuthBasic", "TRUE", "x", "" })
                Assert.DoesNotContain("\n\n\n", ValueReport.Create(property, value).ToMarkdown());
    }
}

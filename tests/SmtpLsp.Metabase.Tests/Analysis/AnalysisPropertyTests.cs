using System.Text;
using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Analysis;

/// <summary>On any edit of real documents the analyzer never throws and every span stays inside the text.</summary>
public class AnalysisPropertyTests
{
    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "\"", "'", "=", "=\"", " | ", "|", "&amp;", "&#x41;", "&bogus;", "\r\n", "\n\t\t\t", "-1",
        "4294967296", "99999999999999999999", "0", "ture", "AuthNTML", "AuthBasic", "Location =\"/LM/SmtpSvc/1\"",
        "Location =\"\"", "<Custom Name=\"X\" ID=\"1\" Type=\"WORD\"/>", "<Custom/>", "<IIsSmtpServer", "</IIsSmtpServer>",
        "<IIsSmtpDom ", "SmtpInboundCommandSupportOptions=\"7697603\"", "BadMailDirectory=\"C:\\Exchsrvr\\Mailroot\\vsi 1\\BadMail\"",
        "MaxRecipients=\"64000\"", "MaxSessionSize=\"0\"", "SmartHostType=\"9\"", "LogType=\"7\"", "\uFEFF", "\ud800",
    ];

    private static void CheckSpans(string text)
    {
        var diagnostics = Analyze.Text(text);
        foreach (var d in diagnostics)
        {
            AssertInside(text, d.Span, d);
            foreach (var related in d.Related ?? []) AssertInside(text, related.Span, d);
            Assert.False(string.IsNullOrEmpty(d.Message));
        }
    }

    private static void AssertInside(string text, TextSpan span, MetabaseDiagnostic d)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
            throw new Xunit.Sdk.XunitException($"{d.Code} span {span} outside text of length {text.Length}: {d.Message}");
    }

    [Theory]
    [InlineData("MetaBase.xml")]
    [InlineData("MetaBase-with-errors.xml")]
    public void Analyze_MutatedSample_NeverThrowsAndSpansInsideText(string sample)
    {
        var original = Fixture.ReadSample(sample);
        MutationGen.Of(original, Fragments, maxEdits: 8).Sample(CheckSpans, iter: 500);
    }

    [Fact]
    public void Analyze_RandomFragments_NeverThrowsAndSpansInsideText()
    {
        Gen.OneOfConst(Fragments).Array[0, 40].Select(parts => string.Concat(parts)).Sample(CheckSpans, iter: 1000);
    }

    /// <summary>
    /// No timing: 100,000 keys, each tripping every rule and sharing its Location with another, finish in about a
    /// second when the rules are linear; a rule that compared keys pairwise (10^10 steps) would not finish, which
    /// fails the run, as in the parser's pathological-input tests.
    /// </summary>
    [Fact]
    public void Analyze_HundredThousandFaultyKeys_EachKeyReportedOnce()
    {
        const int keys = 100_000;
        var sb = new StringBuilder("<configuration><MBProperty>\n");
        for (int i = 0; i < keys; i++)
        {
            sb.Append("<IIsSmtpServer Location =\"/LM/SmtpSvc/").Append(i % (keys / 2)).Append("\" AuthFlags=\"AuthBasic | AuthNTML\" ")
              .Append("SmtpDisableRelay=\"ture\" MaxMesageSize=\"5\">\n")
              .Append("\t<Custom Name=\"UnknownName_1\" ID=\"1\" Type=\"DWORD\"/>\n</IIsSmtpServer>\n");
        }
        var diagnostics = Analyze.Text(sb.Append("</MBProperty></configuration>\n").ToString());

        int Count(string code) => diagnostics.Count(d => d.Code == code);
        Assert.Equal(keys / 2, Count(DiagnosticCodes.DuplicateLocation));
        Assert.Equal(keys, Count(DiagnosticCodes.UnknownProperty));
        Assert.Equal(keys, Count(DiagnosticCodes.BoolNotTrueFalse));
        Assert.Equal(keys, Count(DiagnosticCodes.UnknownFlagName));
        Assert.Equal(keys, Count(DiagnosticCodes.ExchangeManaged));
    }
}

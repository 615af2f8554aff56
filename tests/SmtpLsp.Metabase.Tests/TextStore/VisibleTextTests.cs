using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

public class VisibleTextTests
{
    [Theory]
    [InlineData("AuthBasic", "AuthBasic")]
    [InlineData("a\u001B]0;pwned\u0007b", "a<U+001B>]0;pwned<U+0007>b")]
    [InlineData("x\u007Fy\u009Bz", "x<U+007F>y<U+009B>z")]
    [InlineData("abc\u202Edef", "abc<U+202E>def")]
    [InlineData("Méta", "Méta")]
    public void Of_ControlAndBidiCharacters_WrittenAsCodePoints(string text, string shown)
    {
        Assert.Equal(shown, VisibleText.Of(text));
    }

    [Fact]
    public void UnknownFlagMessage_EscapeSequenceInTheValue_NotSentRaw()
    {
        // An unknown flag quoted in check's output could set the terminal's title.
        var diagnostics = SmtpLsp.Metabase.Tests.Analysis.Analyze.Keys(
            "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"\n\t\tAuthFlags=\"AuthBasic | X\u001B]0;pwned\u0007\"\n\t>\n</IIsSmtpServer>\n");
        var message = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownFlagName).Message;
        Assert.Contains("X<U+001B>]0;pwned<U+0007>", message);
        Assert.DoesNotContain('\u001B', message);
    }

    [Fact]
    public void Quote_CutInsideASurrogatePair_KeepsTheWholeCharacterOut()
    {
        // Cut at 60 characters, the quote ended in half an emoji, which JSON writes as U+FFFD.
        string quoted = AnalysisText.Quote(new string('a', 59) + "\U0001F600tail");
        Assert.Equal("'" + new string('a', 59) + "…'", quoted);
    }
}

using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

public class VisibleTextTests
{
    [Theory]
    [InlineData("AuthBasic", "AuthBasic")]
    [InlineData("a\u001B]0;pwned\u0007b", "aU+001B]0;pwnedU+0007b")]
    [InlineData("x\u007Fy\u009Bz", "xU+007FyU+009Bz")]
    [InlineData("abc\u202Edef", "abcU+202Edef")]
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
        Assert.Contains("XU+001B]0;pwnedU+0007", message);
        Assert.DoesNotContain('\u001B', message);
    }
}

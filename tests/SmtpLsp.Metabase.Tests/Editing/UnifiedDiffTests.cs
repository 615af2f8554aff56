using SmtpLsp.Metabase.Editing;

namespace SmtpLsp.Metabase.Tests.Editing;

/// <summary>The preview of `set --dry-run`: a unified diff that `patch` applies to the file as it is.</summary>
public class UnifiedDiffTests
{
    [Fact]
    public void Create_CrlfFile_LinesKeepTheirCrlf()
    {
        var diff = UnifiedDiff.Create("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "f", "f");
        Assert.Equal("--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n", diff);
    }

    [Fact]
    public void Create_LastLineWithoutALineBreak_MarkedAsDiffMarksIt()
    {
        var diff = UnifiedDiff.Create("a\nb", "a\nB", "f", "f");
        Assert.Equal("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n\\ No newline at end of file\n", diff);
    }

    [Fact]
    public void Create_LoneCrLineBreaks_EachLineEndsWithLf()
    {
        // A diff line cannot end with a lone CR: it would run into the next one.
        var diff = UnifiedDiff.Create("a\rb\rc\r", "a\rB\rc\r", "f", "f");
        Assert.Equal("--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", diff);
    }
}

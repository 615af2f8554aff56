using CsCheck;
using SmtpLsp.Server.Lsp;
using SmtpLsp.Server.Lsp.Protocol;
using Range = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

public sealed class TextChangeApplierTests
{
    private static TextDocumentContentChangeEvent Change(int l1, int c1, int l2, int c2, string text) =>
        new() { Range = new Range(new Position(l1, c1), new Position(l2, c2)), Text = text };

    [Fact]
    public void Apply_ChangeSpanningCrLf_ReplacesAcrossLines()
    {
        var doc = DocumentSnapshot.Create("u", "xml", 1, "one\r\ntwo\r\nthree");
        var problems = new List<string>();
        var result = TextChangeApplier.Apply(doc, [Change(0, 2, 2, 1, "X")], 2, problems);
        Assert.Equal("onXhree", result.Text);
        Assert.Equal(2, result.Version);
        Assert.Equal(1, result.Lines.LineCount);
        Assert.Empty(problems);
    }

    [Fact]
    public void Apply_EndBeforeStart_SwappedAndReported()
    {
        var doc = DocumentSnapshot.Create("u", "xml", 1, "abcdef");
        var problems = new List<string>();
        Assert.Equal("aXef", TextChangeApplier.Apply(doc, [Change(0, 4, 0, 1, "X")], 2, problems).Text);
        Assert.Single(problems);
    }

    /// <summary>LSP versions only grow: a lower or equal one is applied as the client sent it, and said in the log.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Apply_VersionNotAboveTheLast_AppliedAndReported(int version)
    {
        var doc = DocumentSnapshot.Create("u", "xml", 5, "abcdef");
        var problems = new List<string>();
        var result = TextChangeApplier.Apply(doc, [Change(0, 0, 0, 1, "X")], version, problems);
        Assert.Equal(("Xbcdef", version), (result.Text, result.Version));
        Assert.Contains(problems, p => p.Contains($"version {version} after version 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_CharacterPastLineEnd_ClampedBeforeLineBreak()
    {
        var doc = DocumentSnapshot.Create("u", "xml", 1, "ab\ncd");
        var problems = new List<string>();
        Assert.Equal("abX\ncd", TextChangeApplier.Apply(doc, [Change(0, 50, 0, 50, "X")], 2, problems).Text);
        Assert.Contains(problems, p => p.Contains("clamped", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_RandomEditSequences_MatchesOffsetSplicing()
    {
        var edit = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.String[Gen.Char["ab\r\n😀"], 0, 6]);
        Gen.Select(Gen.String[Gen.Char["xy\r\n😀"], 0, 40], edit.Array[1, 5]).Sample((initial, edits) =>
        {
            var doc = DocumentSnapshot.Create("u", "xml", 1, initial);
            string expected = initial;
            var changes = new List<TextDocumentContentChangeEvent>();
            var lines = doc.Lines;
            foreach (var (a, b, insert) in edits)
            {
                // Pick in-range offsets on the text as it is after the previous edits, and express them as positions.
                int start = Math.Min(a, b) % (expected.Length + 1), end = Math.Max(a, b) % (expected.Length + 1);
                if (end < start) (start, end) = (end, start);
                start = OutsideCrLf(expected, start);
                end = OutsideCrLf(expected, end);
                var p1 = lines.GetPosition(start);
                var p2 = lines.GetPosition(end);
                changes.Add(Change(p1.Line, p1.Character, p2.Line, p2.Character, insert));
                expected = expected[..start] + insert + expected[end..];
                lines = new SmtpLsp.Metabase.Text.LineIndex(expected);
            }
            var actual = TextChangeApplier.Apply(doc, changes, 2, []);
            Assert.Equal(expected, actual.Text);
        });
    }

    // No LSP position addresses the middle of a CRLF.
    private static int OutsideCrLf(string text, int offset) =>
        offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n' ? offset - 1 : offset;
}

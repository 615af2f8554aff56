using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;
using Xunit;

namespace SmtpLsp.Metabase.Tests.Editing;

/// <summary>
/// Range formatting right after keystrokes, from the keys now over the last whole parse
/// (<see cref="Formatter.TryFormatRange"/>), against <see cref="Formatter.FormatRange"/> on the whole parse of each
/// version: the same edits, span for span.
/// </summary>
public class FormattingWhileTypingTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    // Keys out of IIS's layout (properties on the start tag's line, unsorted, a Custom element on one line), so that
    // formatting has work to do; in CRLF and LF, and a generated metabase.
    private static readonly string Untidy = Fixture.ReadSample("MetaBase.xml")
        .Replace("\r\n\t\tAuthFlags", " AuthFlags", StringComparison.Ordinal)
        .Replace("\r\n\t\tServerComment", "\tServerComment", StringComparison.Ordinal)
        .Replace("\r\n\t\tName=", " Name=", StringComparison.Ordinal);
    private static readonly string[] Documents = [Untidy, Untidy.Replace("\r\n", "\n"), LargeMetabaseGenerator.Generate(6_000, seed: 9)];

    [Fact]
    public void RangeFormatting_RandomKeystrokes_SameEditsAsWholeParse()
    {
        int compared = 0, withEdits = 0, blockedBySyntax = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var state = IncrementalAnalyzer.Create(Documents[(seed & int.MaxValue) % Documents.Length], Catalog);
            for (int step = 0; step < 10; step++)
            {
                var (newText, span) = TypingEdits.Random(random, state.Text, kinds: 5, "7", "x", "\r\n\t\t", " ", "\"");
                state = IncrementalAnalyzer.Update(state, newText, span);
                if (random.Next(8) == 0) _ = state.Document;
                if (state.KeysNow == null) continue;

                var whole = MetabaseDocument.Create(newText, Catalog);
                for (int ask = 0; ask < 4; ask++)
                {
                    int start = Math.Clamp(span.Start - random.Next(400), 0, newText.Length);
                    var range = ask == 3 ? new TextSpan(0, newText.Length) : new TextSpan(start, Math.Min(newText.Length - start, random.Next(1200)));
                    var expected = Describe(Formatter.FormatRange(whole.Model, range, Catalog));
                    Assert.True(Formatter.TryFormatRange(state, range, out var edits));
                    Assert.True(expected == Describe(edits), $"seed {seed} step {step} range {range}\nexpected {expected}\nactual   {Describe(edits)}");
                    Interlocked.Increment(ref compared);
                    if (edits.Count > 0) Interlocked.Increment(ref withEdits);
                    if (whole.Tree.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) Interlocked.Increment(ref blockedBySyntax);
                }
            }
        }, iter: 40);
        Assert.True(compared > 500, $"{compared} ranges compared");
        Assert.True(withEdits > 100, $"{withEdits} ranges with edits");
        Assert.True(blockedBySyntax > 20, $"{blockedBySyntax} ranges in a version with syntax errors");
    }

    [Fact]
    public void TryFormatRange_AfterAFullPass_FalseSoTheWholeParseAnswers()
    {
        var state = IncrementalAnalyzer.Create(Untidy, Catalog);
        Assert.False(Formatter.TryFormatRange(state, new TextSpan(0, Untidy.Length), out _));
    }

    private static string Describe(IReadOnlyList<TextEdit> edits) =>
        string.Join(" | ", edits.Select(e => $"{e.Span}={e.NewText.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t")}"));
}

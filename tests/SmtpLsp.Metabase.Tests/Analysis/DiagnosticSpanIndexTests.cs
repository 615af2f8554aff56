using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class DiagnosticSpanIndexTests
{
    [Fact]
    public void Touches_RandomSpans_EqualsLinearScan()
    {
        var span = Gen.Select(Gen.Int[0, 200], Gen.Int[0, 40]).Select((start, length) => new TextSpan(start, length));
        Gen.Select(span.Array[0, 30], span.Array[1, 20]).Sample((diagnosticSpans, queries) =>
        {
            var diagnostics = diagnosticSpans.OrderBy(s => s.Start)
                .Select(s => new MetabaseDiagnostic("MB1001", DiagnosticSeverity.Error, s, "m")).ToArray();
            var index = new DiagnosticSpanIndex(diagnostics);
            foreach (var query in queries)
            {
                bool linear = diagnostics.Any(d => d.Span.Start <= query.End && d.Span.End >= query.Start);
                if (index.Touches(query) != linear) throw new Exception($"{query}: index {!linear}, linear {linear}");
            }
        }, iter: 2000);
    }

    [Fact]
    public void Touches_LongDiagnosticBeforeShortOnes_SeesTheLongOne()
    {
        var diagnostics = new[]
        {
            new MetabaseDiagnostic("MB1007", DiagnosticSeverity.Error, new TextSpan(0, 100), "doctype"),
            new MetabaseDiagnostic("MB1001", DiagnosticSeverity.Error, new TextSpan(10, 1), "short"),
        };
        Assert.True(new DiagnosticSpanIndex(diagnostics).Touches(new TextSpan(50, 5)));
        Assert.False(new DiagnosticSpanIndex(diagnostics).Touches(new TextSpan(101, 5)));
    }
}

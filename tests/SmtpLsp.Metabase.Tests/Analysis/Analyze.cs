using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Analysis;

/// <summary>Runs the analyzer on keys wrapped in a metabase document; `[...]` in the keys marks an expected span.</summary>
internal static class Analyze
{
    private const string Head = "<?xml version =\"1.0\"?>\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n<MBProperty>\n";
    private const string Tail = "</MBProperty>\n</configuration>\n";

    public static IReadOnlyList<MetabaseDiagnostic> Text(string text, AnalysisOptions? options = null) =>
        MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), MetabaseCatalog.Embedded, options ?? AnalysisOptions.Default, default);

    public static IReadOnlyList<MetabaseDiagnostic> Keys(string keys, AnalysisOptions? options = null) => Text(Head + keys + Tail, options);

    /// <summary>Analyses keys with one `[...]` span marker; returns the diagnostics and the marked span.</summary>
    public static (IReadOnlyList<MetabaseDiagnostic> Diagnostics, TextSpan Expected, string Text) Marked(string keys, AnalysisOptions? options = null)
    {
        var (text, start, length) = Fixture.ParseSpan(Head + keys + Tail);
        return (Text(text, options), new TextSpan(start, length), text);
    }

    public static MetabaseDiagnostic Single(IReadOnlyList<MetabaseDiagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {Describe(diagnostics)}");
        return matching[0];
    }

    public static void None(IReadOnlyList<MetabaseDiagnostic> diagnostics, string code) =>
        Assert.True(diagnostics.All(d => d.Code != code), $"expected no {code}, got: {Describe(diagnostics)}");

    public static string Describe(IEnumerable<MetabaseDiagnostic> diagnostics) =>
        "[" + string.Join("; ", diagnostics.Select(d => $"{d.Code} {d.Span} {d.Message}")) + "]";
}

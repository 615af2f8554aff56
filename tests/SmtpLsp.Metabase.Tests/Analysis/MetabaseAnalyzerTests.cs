using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class MetabaseAnalyzerTests
{
    [Fact]
    public void Analyze_RealisticSample_NoErrorOrWarning()
    {
        var diagnostics = Analyze.Text(Fixture.ReadSample("MetaBase.xml"));
        var serious = diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(serious.Count == 0, Analyze.Describe(serious));
    }

    [Fact]
    public void Analyze_SampleWithErrors_ReportsEachPlantedMistake()
    {
        var codes = Analyze.Text(Fixture.ReadSample("MetaBase-with-errors.xml")).Select(d => d.Code).ToList();
        Assert.Contains(DiagnosticCodes.UnknownFlagName, codes);
        Assert.Contains(DiagnosticCodes.UnknownProperty, codes);
        Assert.Contains(DiagnosticCodes.BoolNotTrueFalse, codes);
        Assert.Contains(DiagnosticCodes.UnknownVerbBits, codes);
        Assert.Contains(DiagnosticCodes.DuplicateLocation, codes);
    }

    [Fact]
    public void Analyze_SyntaxError_IncludesTreeDiagnostics()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\" ServerComment=\"x/>\n");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.UnterminatedValue);
    }

    [Fact]
    public void Analyze_ManyDiagnostics_InDocumentOrder()
    {
        var diagnostics = Analyze.Text(Fixture.ReadSample("MetaBase-with-errors.xml") + "<x");
        Assert.True(diagnostics.Count > 3);
        for (int i = 1; i < diagnostics.Count; i++) Assert.True(diagnostics[i - 1].Span.Start <= diagnostics[i].Span.Start);
    }

    [Fact]
    public void Analyze_Cancelled_Throws()
    {
        var model = SmtpLsp.Metabase.Model.MetabaseModel.Build(SmtpLsp.Metabase.Syntax.SyntaxTree.Parse(Fixture.ReadSample("MetaBase.xml")));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            MetabaseAnalyzer.Analyze(model, SmtpLsp.Metabase.Catalog.MetabaseCatalog.Embedded, AnalysisOptions.Default, cts.Token));
    }

    [Fact]
    public void Analyze_XmlnsOnConfiguration_NotReported()
    {
        Assert.Empty(Analyze.Text("<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\"><MBProperty><IIsComputer Location =\"/LM\"/></MBProperty></configuration>"));
    }
}

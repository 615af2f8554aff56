using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Analysis;

/// <summary>
/// Per-key rules split over workers must give exactly what one sequential pass gives: same diagnostics, same order.
/// The worker threshold is lowered to one key so small documents take the parallel path.
/// </summary>
public class ParallelAnalysisTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;
    private static readonly string Generated = LargeMetabaseGenerator.Generate(60_000, seed: 5);
    private const int Parallel = 1;
    private const int Sequential = int.MaxValue;

    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "\"", "=\"", " | ", "&bogus;", "\r\n", "-1", "4294967296", "ture", "AuthNTML",
        "Location =\"/LM/SmtpSvc/1\"", "<Custom Name=\"X\" ID=\"x\" Type=\"WORD\"/>", "<IIsBogus ", " Bogus=\"1\"",
        " MaxConnections=\"abc\"", " AuthFlags=\"AuthBasic || AuthX\"", " AccessFlags=\"4096\"",
    ];

    public static TheoryData<string> Documents() => new()
    {
        Generated,
        Fixture.ReadSample("MetaBase.xml"),
        Fixture.ReadSample("MetaBase-with-errors.xml"),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Analyze_ParallelOnDocument_EqualsSequential(string text)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        Assert.True(KeyPartitions.WorkerCount(model.Keys.Count, Parallel) > 1 || Environment.ProcessorCount == 1);
        Assert.Equal(Describe(Analyze(model, Sequential)), Describe(Analyze(model, Parallel)));
    }

    [Fact]
    public void Analyze_ParallelOnRandomMutations_EqualsSequential()
    {
        MutationGen.Of(Generated, Fragments, maxEdits: 6).Sample(text =>
        {
            var model = MetabaseModel.Build(SyntaxTree.Parse(text));
            var sequential = Describe(Analyze(model, Sequential));
            var parallel = Describe(Analyze(model, Parallel));
            if (sequential != parallel) throw new Exception($"parallel differs:\nsequential {sequential}\nparallel   {parallel}");
        }, iter: 60);
    }

    [Fact]
    public void IncrementalCreate_ParallelOnRandomMutations_EqualsSequentialAndFull()
    {
        MutationGen.Of(Generated, Fragments, maxEdits: 6).Sample(text =>
        {
            var full = Describe(MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), Catalog));
            var sequential = Describe(IncrementalAnalyzer.Create(text, Catalog, null, Sequential, default).Diagnostics);
            var parallel = Describe(IncrementalAnalyzer.Create(text, Catalog, null, Parallel, default).Diagnostics);
            if (sequential != full || parallel != full) throw new Exception($"differs:\nfull       {full}\nsequential {sequential}\nparallel   {parallel}");
        }, iter: 40);
    }

    [Fact]
    public void Analyze_ParallelCancelled_ThrowsOperationCanceled()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Generated));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MetabaseAnalyzer.Analyze(model, Catalog, null, Parallel, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => IncrementalAnalyzer.Create(Generated, Catalog, null, Parallel, cancelled.Token));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(7, 3)]
    [InlineData(100_000, 2)]
    public void RangeStart_AnyCountAndWorkers_CoversEveryItemOnceInOrder(int count, int workers)
    {
        Assert.Equal(0, KeyPartitions.RangeStart(count, workers, 0));
        Assert.Equal(count, KeyPartitions.RangeStart(count, workers, workers));
        for (int w = 0; w < workers; w++)
            Assert.True(KeyPartitions.RangeStart(count, workers, w) <= KeyPartitions.RangeStart(count, workers, w + 1));
    }

    [Fact]
    public void WorkerCount_SmallDocument_StaysSingleThreaded()
    {
        Assert.Equal(1, KeyPartitions.WorkerCount(KeyPartitions.DefaultMinItemsPerWorker - 1, KeyPartitions.DefaultMinItemsPerWorker));
        Assert.Equal(1, KeyPartitions.WorkerCount(0, KeyPartitions.DefaultMinItemsPerWorker));
    }

    private static IReadOnlyList<MetabaseDiagnostic> Analyze(MetabaseModel model, int minKeysPerWorker) =>
        MetabaseAnalyzer.Analyze(model, Catalog, null, minKeysPerWorker, default);

    private static string Describe(IEnumerable<MetabaseDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d =>
            $"{d.Code} {d.Severity} {d.Span} {d.Message} [{string.Join(",", d.Related?.Select(r => $"{r.Span} {r.Message}") ?? [])}] {d.FixData}"));
}

using System.Diagnostics;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// Where a full analysis spends its time and allocations: parse, model, MetabaseAnalyzer.Analyze (per-key rules,
/// parallel on large files, plus the cross-key rules), and the cross-key rules alone (best of 5).
/// </summary>
internal static class Breakdown
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 10;
        var text = Corpus.Get(megabytes).Text;
        var catalog = MetabaseCatalog.Embedded;
        var parse = new Phase();
        var model = new Phase();
        var analyze = new Phase();
        var cross = new Phase();
        for (int run = 0; run < 5; run++)
        {
            var tree = parse.Measure(() => SyntaxTree.Parse(text));
            var m = model.Measure(() => MetabaseModel.Build(tree));
            analyze.Measure(() => MetabaseAnalyzer.Analyze(m, catalog));
            cross.Measure(() =>
            {
                var sink = new List<MetabaseDiagnostic>();
                DocumentRules.Analyze(m, sink);
                ExchangeRules.Analyze(m, catalog, sink);
                return sink;
            });
        }
        Console.WriteLine($"{megabytes} MiB: parse {parse}, model {model}, analyze {analyze} (of which cross-key rules {cross}); " +
                          $"per-key rules about {analyze.BestMs - cross.BestMs:F1} ms");
        return 0;
    }

    private sealed class Phase
    {
        public double BestMs { get; private set; } = double.MaxValue;
        private long _allocated;

        public T Measure<T>(Func<T> work)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = work();
            BestMs = Math.Min(BestMs, watch.Elapsed.TotalMilliseconds);
            _allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            return result;
        }

        public override string ToString() => $"{BestMs:F1} ms ({_allocated / 1e6:F0} MB allocated)";
    }
}

using System.Diagnostics;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// Where a full analysis spends its time and allocations: parse, model, MetabaseAnalyzer.Analyze (per-key rules,
/// parallel on large files, beside the cross-key rules), the cross-key rules alone, and IncrementalAnalyzer.Create (best of 5).
/// </summary>
internal static class Breakdown
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 10;
        var text = Corpus.Get(megabytes).Text;
        var catalog = MetabaseCatalog.Embedded;
        // "breakdown 50 create 30" repeats one phase alone, for a profiler.
        if (args.Length > 1) return RunOne(args[1], text, catalog, args.Length > 2 ? int.Parse(args[2]) : 20);
        var parse = new Phase();
        var onePass = new Phase();
        var model = new Phase();
        var analyze = new Phase();
        var cross = new Phase();
        var create = new Phase();
        for (int run = 0; run < 5; run++)
        {
            onePass.Measure(() => SyntaxTree.Parse(text, pieceChars: -1));
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
            create.Measure(() => IncrementalAnalyzer.Create(text, catalog));
        }
        // On a large file the per-key and cross-key rules overlap inside analyze, so the two do not subtract.
        Console.WriteLine($"{megabytes} MiB: parse {parse} (one pass {onePass}), model {model}, analyze {analyze}, cross-key rules alone {cross}; " +
                          $"parse+model+analyze {parse.BestMs + model.BestMs + analyze.BestMs:F1} ms; IncrementalAnalyzer.Create (what didOpen runs) {create}");
        return 0;
    }

    private static int RunOne(string phase, string text, MetabaseCatalog catalog, int runs)
    {
        var timing = new Phase();
        var tree = SyntaxTree.Parse(text);
        var built = MetabaseModel.Build(tree);
        Func<object> work = phase switch
        {
            "parse" => () => SyntaxTree.Parse(text),
            "parse1" => () => SyntaxTree.Parse(text, pieceChars: -1),
            "model" => () => MetabaseModel.Build(tree),
            // What the first outline on a new version adds to its model: the key tree and the model's child index.
            "hierarchy" => () => KeyHierarchy.Build(MetabaseModel.Build(tree)),
            "children" => () => MetabaseModel.Build(tree).GetChildren(built.Keys[0]),
            "full" => () => MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), catalog),
            "create" => () => IncrementalAnalyzer.Create(text, catalog),
            "analyze" => () => MetabaseAnalyzer.Analyze(built, catalog),
            "parents" => () => Rule(sink => ParentKeyRules.Check(built, sink)),
            "common" => () => ParentKeyRules.CommonAncestor(built) ?? "",
            "duplicates" => () => Rule(sink => DuplicateLocationRules.Check(built, sink)),
            "exchange" => () => Rule(sink => ExchangeRules.Analyze(built, catalog, sink)),
            _ => throw new ArgumentException($"unknown phase '{phase}': parse, parse1, model, hierarchy, children, full, create, analyze, parents, common, duplicates or exchange"),
        };
        // Warm-up runs outside the figures, as BenchmarkDotNet does: the first ones run tier-0 code and the JIT's
        // own compilation, which made the means and CPU times two to five times the settled ones.
        int warmups = int.TryParse(Environment.GetEnvironmentVariable("BREAKDOWN_WARMUP"), out int w) ? w : 10;
        for (int run = 0; run < warmups; run++) work();
        var all = Stopwatch.StartNew();
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpu = TimeSpan.Zero;
        // BREAKDOWN_COLLECT=1 collects before each run, outside the clock, as the paired rounds do.
        bool collect = Environment.GetEnvironmentVariable("BREAKDOWN_COLLECT") == "1";
        for (int run = 0; run < runs; run++)
        {
            if (collect) GC.Collect();
            // The CPU time of the run alone: the collection before it is outside, as it is outside the clock.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            timing.Measure(work);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }
        // The mean with the GC pauses in it is what a loop of runs (and BenchmarkDotNet's mean) sees.
        double meanMs = all.Elapsed.TotalMilliseconds / runs, pausedMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds / runs;
        // CPU time of every thread, GC included: what two cores have to share, whatever the parallelism.
        double cpuMs = cpu.TotalMilliseconds / runs;
        Console.WriteLine($"{phase}: {timing}; mean {meanMs:F1} ms, of which GC pauses {pausedMs:F1} ms; CPU {cpuMs:F1} ms per run; " +
                          $"pieces taken over by a parallel parse: {SyntaxTree.Parse(text).AdoptedPieces}");
        if (Environment.GetEnvironmentVariable("BREAKDOWN_RUNS") == "1") Console.WriteLine(string.Join(" ", timing.Runs));
        return 0;
    }

    private static List<MetabaseDiagnostic> Rule(Action<List<MetabaseDiagnostic>> rule)
    {
        var sink = new List<MetabaseDiagnostic>();
        rule(sink);
        return sink;
    }

    private sealed class Phase
    {
        public double BestMs { get; private set; } = double.MaxValue;
        private long _allocated;
        // Collections of gen 0/1/2 during the last run (gen 2 counts in gen 1 and 0 too).
        private string _collections = "";

        public T Measure<T>(Func<T> work)
        {
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            var paused = GC.GetTotalPauseDuration();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = work();
            BestMs = Math.Min(BestMs, watch.Elapsed.TotalMilliseconds);
            _times.Add(watch.Elapsed.TotalMilliseconds);
            _allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            _collections = $"gc {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms";
            Runs.Add($"{watch.Elapsed.TotalMilliseconds:F0}({_collections.Replace("paused ", "").Replace(" ms", "")})");
            return result;
        }

        // Each run's time with its collections, for BREAKDOWN_RUNS=1.
        public readonly List<string> Runs = new();

        private readonly List<double> _times = new();

        public double MedianMs => _times.Order().ElementAt(_times.Count / 2);

        public override string ToString() => $"{BestMs:F1} ms, median {MedianMs:F1} ({_allocated / 1e6:F0} MB allocated, last run {_collections})";
    }
}

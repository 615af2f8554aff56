using System.Diagnostics;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Benchmarks;

/// <summary>Where a full analysis spends its time: parse, model, per-key rules, cross-key rules (best of 5).</summary>
internal static class Breakdown
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 10;
        var text = Corpus.Get(megabytes).Text;
        var catalog = MetabaseCatalog.Embedded;
        double parse = double.MaxValue, model = double.MaxValue, keys = double.MaxValue, cross = double.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var tree = SyntaxTree.Parse(text);
            parse = Math.Min(parse, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var m = MetabaseModel.Build(tree);
            model = Math.Min(model, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var sink = new List<MetabaseDiagnostic>();
            foreach (var key in m.Keys) KeyRules.Analyze(key, catalog, sink);
            keys = Math.Min(keys, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            DocumentRules.Analyze(m, sink);
            ExchangeRules.Analyze(m, catalog, sink);
            cross = Math.Min(cross, watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"{megabytes} MiB: parse {parse:F1} ms, model {model:F1} ms, per-key rules {keys:F1} ms, cross-key rules {cross:F1} ms");
        return 0;
    }
}

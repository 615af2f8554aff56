using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Runs every rule over a model: the tree's syntax diagnostics, the per-key rules (<see cref="KeyRules"/>), the
/// cross-key rules (<see cref="DocumentRules"/>) and the Exchange hints (<see cref="ExchangeRules"/>).
/// </summary>
public static class MetabaseAnalyzer
{
    public static IReadOnlyList<MetabaseDiagnostic> Analyze(MetabaseModel model, MetabaseCatalog catalog,
        AnalysisOptions? options = null, CancellationToken ct = default) =>
        Analyze(model, catalog, options, KeyPartitions.DefaultMinItemsPerWorker, ct);

    /// <summary>
    /// The per-key rules run on contiguous ranges of keys in parallel when there are at least
    /// <paramref name="minKeysPerWorker"/> keys per worker; their outputs are joined in key order, so the result is
    /// the same as one sequential pass. Tests lower the threshold to exercise the parallel path on small documents.
    /// </summary>
    internal static IReadOnlyList<MetabaseDiagnostic> Analyze(MetabaseModel model, MetabaseCatalog catalog,
        AnalysisOptions? options, int minKeysPerWorker, CancellationToken ct)
    {
        options ??= AnalysisOptions.Default;
        var lookups = CatalogLookups.For(catalog);
        var keys = model.Keys;
        int workers = KeyPartitions.WorkerCount(keys.Count, minKeysPerWorker);
        // The cross-key rules only read the model: on a large file they run beside the per-key rules.
        var crossKeyTask = workers > 1 ? Task.Run(() => CrossKey(model, catalog, options)) : null;
        var perWorker = new List<MetabaseDiagnostic>[workers];
        KeyPartitions.Run(keys.Count, workers, ct, (worker, start, end) =>
        {
            var names = new PropertyNameCache(catalog);
            var local = new List<MetabaseDiagnostic>();
            for (int i = start; i < end; i++)
            {
                if (((i - start) & 255) == 0) ct.ThrowIfCancellationRequested();
                if (i + TextPrefetch.KeysAhead < end) TextPrefetch.HintStartTag(keys[i + TextPrefetch.KeysAhead].Element, TextPrefetch.StartTagChars);
                KeyRules.Analyze(keys[i], lookups, names, local);
            }
            perWorker[worker] = local;
        });
        ct.ThrowIfCancellationRequested();
        var crossKey = crossKeyTask?.GetAwaiter().GetResult() ?? CrossKey(model, catalog, options);

        int total = model.Tree.Diagnostics.Count + crossKey.Count;
        foreach (var local in perWorker) total += local.Count;
        var sink = new List<MetabaseDiagnostic>(total);
        sink.AddRange(model.Tree.Diagnostics);
        foreach (var local in perWorker) sink.AddRange(local);
        sink.AddRange(crossKey);
        return InDocumentOrder(sink);
    }

    /// <summary>Location rules, then the Exchange hints, in the order a sequential pass adds them after the per-key rules.</summary>
    private static List<MetabaseDiagnostic> CrossKey(MetabaseModel model, MetabaseCatalog catalog, AnalysisOptions options)
    {
        var sink = new List<MetabaseDiagnostic>();
        DocumentRules.Analyze(model, sink);
        if (options.ExchangeHints) ExchangeRules.Analyze(model, catalog, sink);
        return sink;
    }

    /// <summary>Sorted by start offset; diagnostics at the same offset keep the order the rules produced them.</summary>
    internal static IReadOnlyList<MetabaseDiagnostic> InDocumentOrder(List<MetabaseDiagnostic> diagnostics)
    {
        var order = new int[diagnostics.Count];
        var starts = new long[diagnostics.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            starts[i] = ((long)diagnostics[i].Span.Start << 32) | (uint)i;
        }
        Array.Sort(starts, order);
        var result = new MetabaseDiagnostic[order.Length];
        for (int i = 0; i < order.Length; i++) result[i] = diagnostics[order[i]];
        return result;
    }
}

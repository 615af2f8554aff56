using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Runs every rule over a model: the tree's syntax diagnostics, the per-key rules (<see cref="KeyRules"/>), the
/// cross-key rules (<see cref="DocumentRules"/>) and the Exchange hints (<see cref="ExchangeRules"/>).
/// </summary>
public static class MetabaseAnalyzer
{
    public static IReadOnlyList<MetabaseDiagnostic> Analyze(MetabaseModel model, MetabaseCatalog catalog,
        AnalysisOptions? options = null, CancellationToken ct = default)
    {
        options ??= AnalysisOptions.Default;
        var sink = new List<MetabaseDiagnostic>(model.Tree.Diagnostics.Count + 16);
        sink.AddRange(model.Tree.Diagnostics);

        var lookups = CatalogLookups.For(catalog);
        var names = new PropertyNameCache(catalog);
        var keys = model.Keys;
        for (int i = 0; i < keys.Count; i++)
        {
            if ((i & 255) == 0) ct.ThrowIfCancellationRequested();
            KeyRules.Analyze(keys[i], lookups, names, sink);
        }
        ct.ThrowIfCancellationRequested();
        DocumentRules.Analyze(model, sink);
        if (options.ExchangeHints) ExchangeRules.Analyze(model, catalog, sink);
        return InDocumentOrder(sink);
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

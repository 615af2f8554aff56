using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;

namespace SmtpLsp.Benchmarks;

/// <summary>Bytes still reachable after opening a document: the text, the parse (tree, model, line index), the incremental state.</summary>
internal static class RetainedMemory
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 50;
        var path = Corpus.Get(megabytes).Path;
        long fileBytes = new FileInfo(path).Length;
        _ = MetabaseCatalog.Embedded;

        long baseline = Settle();
        var text = File.ReadAllText(path);
        long withText = Settle();
        var document = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        long withDocument = Settle();
        var state = IncrementalAnalyzer.Create(text, MetabaseCatalog.Embedded);
        long withState = Settle();
        _ = state.Document;
        long withStateDocument = Settle();

        Console.WriteLine($"file: {fileBytes / 1e6:F1} MB ({megabytes} MiB generated), GC heap after each step, retained:");
        Report("text (UTF-16 string)", withText - baseline, fileBytes);
        Report("MetabaseDocument (tree + model + line index)", withDocument - withText, fileBytes);
        Report("text + MetabaseDocument", withDocument - baseline, fileBytes);
        Report("IncrementalState without Document", withState - withDocument, fileBytes);
        Report("IncrementalState's own Document", withStateDocument - withState, fileBytes);
        GC.KeepAlive(text);
        GC.KeepAlive(document);
        GC.KeepAlive(state);
        return 0;
    }

    private static void Report(string what, long bytes, long fileBytes) =>
        Console.WriteLine($"  {what,-46} {bytes / 1e6,8:F1} MB  {bytes / (double)fileBytes,5:F2}x file");

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// Bytes still reachable for one open document, built the way the server holds it: the snapshot (a TextBuffer over
/// the didOpen string and its LineIndex), then the IncrementalState of the full pass with its Document asked for
/// (hover and completion do), all alive together. Each part is the growth of the settled GC heap when it is added.
/// </summary>
internal static class RetainedMemory
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 50;
        var path = Corpus.Get(megabytes).Path;
        long fileBytes = new FileInfo(path).Length;
        _ = MetabaseCatalog.Embedded;
        // Warm the code paths on a small document so JIT and statics do not count against the large one.
        var warm = IncrementalAnalyzer.Create(File.ReadAllText(Corpus.Get(1).Path), MetabaseCatalog.Embedded);
        _ = warm.Document.Model.Keys.Count;
        warm = null;

        long baseline = Settle();
        var text = File.ReadAllText(path);
        long withText = Settle();
        var buffer = TextBuffer.From(text);
        var lines = new LineIndex(buffer);
        long withSnapshot = Settle();
        var state = IncrementalAnalyzer.Create(text, MetabaseCatalog.Embedded);
        long withState = Settle();
        var document = state.Document;
        long withDocument = Settle();
        // The lazy parts features build on first use and then keep: the Location children index, and the key tree that
        // the server builds when the user pauses, with whatever the outline an editor asks for at once leaves behind.
        _ = document.Model.GetChildren(document.Model.Keys[0]);
        long withChildren = Settle();
        _ = DocumentSymbols.Build(document.Model);
        long withOutline = Settle();

        Console.WriteLine($"file: {fileBytes / 1e6:F1} MB ({megabytes} MiB generated), keys {document.Model.Keys.Count}, "
            + $"lines {lines.LineCount}, diagnostics {state.Diagnostics.Count}; growth of the settled GC heap:");
        Report("text (UTF-16 string, the didOpen text)", withText - baseline, fileBytes);
        Report("snapshot: TextBuffer + LineIndex", withSnapshot - withText, fileBytes);
        Report("IncrementalState (tree, model, slots, diagnostics)", withState - withSnapshot, fileBytes);
        Report("its Document (wraps the same parse)", withDocument - withState, fileBytes);
        Report("Location children index (navigation)", withChildren - withDocument, fileBytes);
        Report("key tree, after the first outline", withOutline - withChildren, fileBytes);
        Report("structures beyond the text", withOutline - withText, fileBytes);
        Report("server total for the open document", withOutline - baseline, fileBytes);
        GC.KeepAlive(text);
        GC.KeepAlive(buffer);
        GC.KeepAlive(lines);
        GC.KeepAlive(state);
        GC.KeepAlive(document);
        state = null;
        document = null;
        ReportParseParts(text, fileBytes);
        return 0;
    }

    /// <summary>The parse alone, split into its layers, so a cut can be traced to the structure it shrank.</summary>
    private static void ReportParseParts(string text, long fileBytes)
    {
        long before = Settle();
        var tree = SyntaxTree.Parse(text);
        long withTree = Settle();
        var model = MetabaseModel.Build(tree);
        long withModel = Settle();
        int elements = 0;
        var pending = new Stack<ElementNode>(tree.Document.Elements);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            elements++;
            foreach (var child in element.Children) pending.Push(child);
        }
        Console.WriteLine($"the parse alone: {elements} elements");
        Report("SyntaxTree (elements, attribute table, tokens)", withTree - before, fileBytes);
        Report("MetabaseModel (keys, Locations, Location index)", withModel - withTree, fileBytes);
        GC.KeepAlive(model);
    }

    private static void Report(string what, long bytes, long fileBytes) =>
        Console.WriteLine($"  {what,-52} {bytes / 1e6,8:F1} MB  {bytes / (double)fileBytes,5:F2}x file");

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

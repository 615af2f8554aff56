using System.Diagnostics;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Benchmarks;

/// <summary>
/// Per-request latency distributions (median, p99, min, max) on one open document, for the targets stated as
/// percentiles. Positions are spread over the file with a fixed seed.
/// </summary>
internal static class Latency
{
    public static int Run(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0]) : 50;
        var text = Corpus.Get(megabytes).Text;
        var catalog = MetabaseCatalog.Embedded;
        var state = IncrementalAnalyzer.Create(text, catalog);
        var document = state.Document;
        var random = new Random(5);

        var valueOffsets = ValueMiddles(text, random, 400);
        // The server's share of a keystroke before the core, then the core's, timed apart so both shares are visible:
        // the old way (a new string and a fresh line index) beside the text store (buffer and line index edited).
        var buffer = TextBuffer.From(text);
        var lines = new LineIndex(buffer);
        var insertTimes = new List<double>();
        var indexTimes = new List<double>();
        var storeTimes = new List<double>();
        var updateTimes = new List<double>();
        var bufferUpdateTimes = new List<double>();
        var positionTimes = new List<double>();
        int full = 0, diagnostics = 0;
        foreach (var at in valueOffsets.Take(105))
        {
            var watch = Stopwatch.StartNew();
            var edited = text.Insert(at, "7");
            insertTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = new LineIndex(edited);
            indexTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var editedBuffer = buffer.Replace(at, 0, "7");
            var editedLines = lines.WithChange(new TextSpan(at, 0), editedBuffer);
            storeTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));
            updateTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (next.Kind != UpdateKind.Incremental) full++;
            watch.Restart();
            next = IncrementalAnalyzer.Update(state, editedBuffer, new TextSpan(at, 0));
            bufferUpdateTimes.Add(watch.Elapsed.TotalMilliseconds);
            // What the server does per publish: every diagnostic's span to line and character.
            watch.Restart();
            foreach (var d in next.Diagnostics)
            {
                _ = editedLines.GetPosition(d.Span.Start);
                _ = editedLines.GetPosition(d.Span.End);
            }
            positionTimes.Add(watch.Elapsed.TotalMilliseconds);
            diagnostics = next.Diagnostics.Count;
        }
        Print("keystroke: new text string (old server side)", insertTimes.Skip(5).ToList());
        Print("keystroke: new LineIndex (old server side)", indexTimes.Skip(5).ToList());
        Print("keystroke: TextBuffer.Replace + WithChange", storeTimes.Skip(5).ToList());
        Print($"keystroke: Update on a string ({full} full)", updateTimes.Skip(5).ToList());
        Print("keystroke: Update on the buffer", bufferUpdateTimes.Skip(5).ToList());
        Print($"keystroke: {diagnostics} diagnostics to positions", positionTimes.Skip(5).ToList());
        // Typing into Locations (renaming a virtual directory, an SMTP remote domain, then renumbering an SMTP virtual
        // server, which Exchange detection reads): five characters at the end of each of 21 Locations, each version
        // from the one before, as the server chains them. The cross-key rules run again over the keys of the last
        // whole parse (the first keystroke also indexes its children).
        foreach (var (what, marker) in new[] { ("a Location", "Location =\"/LM/W3SVC/"), ("an SMTP domain's Location", "/Domain/relay"),
                     ("an SMTP server's Location", "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/") })
        {
            var locationTimes = new List<double>();
            int locationFull = 0;
            var typing = state;
            var typed = buffer;
            foreach (var end in LocationEnds(text, marker, random, 21).OrderByDescending(e => e))
            {
                for (int c = 0; c < 5; c++)
                {
                    typed = typed.Replace(end + c, 0, "x");
                    var watch = Stopwatch.StartNew();
                    typing = IncrementalAnalyzer.Update(typing, typed, new TextSpan(end + c, 0));
                    locationTimes.Add(watch.Elapsed.TotalMilliseconds);
                    if (typing.Kind != UpdateKind.Incremental) locationFull++;
                }
            }
            Print($"keystroke in {what}: Update on the buffer ({locationFull} full)", locationTimes.Skip(5).ToList());
            // The outline editors ask for after each of those keystrokes, typing one name after a pause (the server's
            // idle build, outside the clock, makes the whole parse and its hierarchy): moved, or built again over the
            // earlier key tree where keys move to other parents; declined (the server then parses the whole document)
            // only past what is worth rebuilding.
            var outlineTimes = new List<double>();
            int outlineDeclined = 0;
            typing = state;
            typed = buffer;
            foreach (var end in LocationEnds(text, marker, new Random(7), 21).OrderByDescending(e => e))
            {
                KeyHierarchy.Build(typing.Document.Model);
                for (int c = 0; c < 5; c++)
                {
                    typed = typed.Replace(end + c, 0, "x");
                    typing = IncrementalAnalyzer.Update(typing, typed, new TextSpan(end + c, 0));
                    var watch = Stopwatch.StartNew();
                    if (MovedOutline.For(typing)?.DocumentSymbols() == null) outlineDeclined++;
                    outlineTimes.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            Print($"  then the outline, moved ({outlineDeclined} declined)", outlineTimes.Skip(5).ToList());
        }
        // A note between keys: a closed comment pasted at the start of a key's line, then typed in, 21 characters
        // (each version from the one before), the outline asked after each as editors do.
        {
            const string Note = "<!-- moved here from /LM/W3SVC/7 after the audit\r\n     -->\r\n";
            int line = Offsets(text, "\n<IIsWeb", new Random(13), 1)[0] + 1;
            var noted = buffer.Replace(line, 0, Note);
            var typing = IncrementalAnalyzer.Update(state, noted, new TextSpan(line, 0));
            int noteFull = typing.Kind == UpdateKind.Incremental ? 0 : 1;
            var typeTimes = new List<double>();
            var outlineTimes = new List<double>();
            int at = line + Note.IndexOf("\r\n     -->", StringComparison.Ordinal);
            for (int c = 0; c < 21; c++)
            {
                noted = noted.Replace(at + c, 0, "x");
                var watch = Stopwatch.StartNew();
                typing = IncrementalAnalyzer.Update(typing, noted, new TextSpan(at + c, 0));
                typeTimes.Add(watch.Elapsed.TotalMilliseconds);
                if (typing.Kind != UpdateKind.Incremental) noteFull++;
                watch.Restart();
                MovedOutline.For(typing)?.DocumentSymbols();
                outlineTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            Print($"keystroke in a comment between keys ({noteFull} full, the paste included)", typeTimes.Skip(1).ToList());
            Print("  then the outline, moved", outlineTimes.Skip(1).ToList());
        }
        // A key pasted between two keys, then deleted again (each version from the one before, as the server chains
        // them): a virtual directory copied from elsewhere, at the start of the line of 21 keys over the file.
        {
            const string Key = "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/pasted\"\r\n\t\tAccessFlags=\"AccessRead | AccessScript\"\r\n\t\tPath=\"C:\\web\"\r\n\t>\r\n</IIsWebVirtualDir>\r\n";
            var pasteTimes = new List<double>();
            var pasteOutlineTimes = new List<double>();
            var deleteTimes = new List<double>();
            int pasteFull = 0, deleteFull = 0, outlineDeclined = 0;
            var editing = state;
            var edited = buffer;
            foreach (var line in Offsets(text, "\n<IIsWeb", new Random(9), 21).OrderByDescending(o => o))
            {
                int at = line + 1;
                edited = edited.Replace(at, 0, Key);
                var watch = Stopwatch.StartNew();
                editing = IncrementalAnalyzer.Update(editing, edited, new TextSpan(at, 0));
                pasteTimes.Add(watch.Elapsed.TotalMilliseconds);
                if (editing.Kind != UpdateKind.Incremental) pasteFull++;
                // The outline editors ask for right after, from the last whole parse (whose own outline is made once,
                // untimed, after the first paste): moved when the pasted key lies below the capped outline's cut, else
                // built again with it.
                if (pasteTimes.Count == 1) MovedOutline.For(editing)?.DocumentSymbols();
                watch.Restart();
                if (MovedOutline.For(editing)?.DocumentSymbols() == null) outlineDeclined++;
                pasteOutlineTimes.Add(watch.Elapsed.TotalMilliseconds);
                edited = edited.Replace(at, Key.Length, "");
                watch.Restart();
                editing = IncrementalAnalyzer.Update(editing, edited, new TextSpan(at, Key.Length));
                deleteTimes.Add(watch.Elapsed.TotalMilliseconds);
                if (editing.Kind != UpdateKind.Incremental) deleteFull++;
            }
            // Text pasted at `at`, then deleted again, each version from the one before: both timed, full passes counted.
            int PasteThenDelete(int at, string pasted, List<double> pastes, List<double> deletions)
            {
                int full = 0;
                edited = edited.Replace(at, 0, pasted);
                var watch = Stopwatch.StartNew();
                editing = IncrementalAnalyzer.Update(editing, edited, new TextSpan(at, 0));
                pastes.Add(watch.Elapsed.TotalMilliseconds);
                if (editing.Kind != UpdateKind.Incremental) full++;
                edited = edited.Replace(at, pasted.Length, "");
                watch.Restart();
                editing = IncrementalAnalyzer.Update(editing, edited, new TextSpan(at, pasted.Length));
                deletions.Add(watch.Elapsed.TotalMilliseconds);
                if (editing.Kind != UpdateKind.Incremental) full++;
                return full;
            }
            // A thousand keys pasted at once, then deleted: each key is parsed and judged alone, and the Location rules
            // ask about every one of them.
            var block = string.Concat(Enumerable.Range(0, 1000).Select(i => Key.Replace("/pasted\"", $"/pasted{i}\"")));
            var blockTimes = new List<double>();
            var blockDeleteTimes = new List<double>();
            int blockFull = 0;
            foreach (var line in Offsets(text, "\n<IIsWeb", new Random(10), 6).OrderByDescending(o => o))
                blockFull += PasteThenDelete(line + 1, block, blockTimes, blockDeleteTimes);
            // A key commented out with an editor's block comment (one change around it), then taken back in.
            var commentOutTimes = new List<double>();
            var commentInTimes = new List<double>();
            int commentFull = 0;
            foreach (var line in Offsets(text, "\n<IIsWeb", new Random(11), 21).OrderByDescending(o => o))
            {
                int at = line + 1;
                int end = text.IndexOf('>', text.IndexOf("\n</", at, StringComparison.Ordinal)) + 1;
                var key = text[at..end];
                edited = edited.Replace(at, key.Length, "<!-- " + key + " -->");
                var watch = Stopwatch.StartNew();
                editing = IncrementalAnalyzer.Update(editing, edited, new TextSpan(at, key.Length));
                commentOutTimes.Add(watch.Elapsed.TotalMilliseconds);
                if (editing.Kind != UpdateKind.Incremental) commentFull++;
                edited = edited.Replace(at, key.Length + 9, key);
                watch.Restart();
                editing = IncrementalAnalyzer.Update(editing, edited, new TextSpan(at, key.Length + 9));
                commentInTimes.Add(watch.Elapsed.TotalMilliseconds);
                if (editing.Kind != UpdateKind.Incremental) commentFull++;
            }
            Print($"a key commented out: Update on the buffer ({commentFull} full, with the comments taken off)", commentOutTimes.Skip(1).ToList());
            Print("  then back in: Update on the buffer", commentInTimes.Skip(1).ToList());
            Print($"a key pasted between keys: Update on the buffer ({pasteFull} full)", pasteTimes.Skip(1).ToList());
            Print($"  then the outline, moved ({outlineDeclined} declined)", pasteOutlineTimes.Skip(1).ToList());
            Print($"  then deleted: Update on the buffer ({deleteFull} full)", deleteTimes.Skip(1).ToList());
            Print($"1000 keys pasted at once: Update on the buffer ({blockFull} full, with the deletions)", blockTimes.Skip(1).ToList());
            Print("  then deleted", blockDeleteTimes.Skip(1).ToList());
            // An SMTP virtual server copied beside another (a second server made from the first), then deleted again:
            // Exchange detection judges it by the keys above it, which it has looked up for the others.
            var serverTimes = new List<double>();
            var serverDeleteTimes = new List<double>();
            int serverFull = 0;
            foreach (var line in Offsets(text, "\n<IIsSmtpServer", new Random(11), 11).OrderByDescending(o => o))
            {
                int at = line + 1;
                int end = text.IndexOf("</IIsSmtpServer>\r\n", at, StringComparison.Ordinal) + "</IIsSmtpServer>\r\n".Length;
                serverFull += PasteThenDelete(at, text[at..end].Replace("Location =\"/LM/SmtpSvc/", "Location =\"/LM/SmtpSvc/copy"), serverTimes, serverDeleteTimes);
            }
            Print($"an SMTP server pasted beside others: Update on the buffer ({serverFull} full, with the deletions)", serverTimes.Skip(1).ToList());
            Print("  then deleted", serverDeleteTimes.Skip(1).ToList());
        }
        // A new key typed by hand after a pause: Enter at the end of an end tag, then a virtual directory's start tag
        // and attributes, its '>' and its end tag, a character at a time, with the outline asked after each keystroke.
        // From the '>' on the key ends before the next key (never closed) until its end tag is typed.
        {
            const string Key = "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/typed\"\r\n\t\tAccessFlags=\"AccessRead | AccessScript\"\r\n\t\tPath=\"C:\\web\"\r\n\t>\r\n</IIsWebVirtualDir>";
            var typing = state;
            var typed = buffer;
            int at = text.IndexOf("</IIsWebVirtualDir>\r\n", text.Length / 3, StringComparison.Ordinal) + "</IIsWebVirtualDir>".Length;
            var startTagTimes = new List<double>();
            var startTagOutlines = new List<double>();
            var restTimes = new List<double>();
            var restOutlines = new List<double>();
            var lineBreakTimes = new List<double>();
            int startTagFull = 0, startTagDeclined = 0, restFull = 0, restDeclined = 0;
            int closed = Key.IndexOf("\t>", StringComparison.Ordinal) + 1;
            for (int i = -1; i < Key.Length; i++)
            {
                string ch = i < 0 || (Key[i] == '\r' && i + 1 < Key.Length) ? "\r\n" : Key[i].ToString();
                typed = typed.Replace(at, 0, ch);
                var watch = Stopwatch.StartNew();
                typing = IncrementalAnalyzer.Update(typing, typed, new TextSpan(at, 0));
                double ms = watch.Elapsed.TotalMilliseconds;
                bool wasFull = typing.Kind != UpdateKind.Incremental;
                // The outline editors ask for after each keystroke.
                watch.Restart();
                bool declined = i >= 0 && MovedOutline.For(typing)?.DocumentSymbols() == null;
                double outline = watch.Elapsed.TotalMilliseconds;
                if (i < 0) lineBreakTimes.Add(ms);
                else if (i < closed)
                {
                    startTagTimes.Add(ms);
                    startTagOutlines.Add(outline);
                    if (wasFull) startTagFull++;
                    if (declined) startTagDeclined++;
                }
                else
                {
                    restTimes.Add(ms);
                    restOutlines.Add(outline);
                    if (wasFull) restFull++;
                    if (declined) restDeclined++;
                }
                at += ch.Length;
                if (ch.Length == 2 && i >= 0) i++;
            }
            Print("typing a new key, the line break before it", lineBreakTimes);
            Print($"typing a new key, its start tag from the '<': Update on the buffer ({startTagFull} full)", startTagTimes);
            Print($"  then the outline, moved ({startTagDeclined} declined)", startTagOutlines.Skip(1).ToList());
            Print($"typing a new key, from its '>' to its end tag's '>': Update on the buffer ({restFull} full)", restTimes);
            Print($"  then the outline, moved ({restDeclined} declined)", restOutlines);
        }
        // After a keystroke the whole document's features need the new full parse (string + parse); the server
        // answers hover and completion inside a key from that key alone (KeyWindow) instead.
        var firstHover = new List<double>();
        var windowHover = new List<double>();
        var windowCompletion = new List<double>();
        var movedSymbols = new List<double>();
        var movedFolding = new List<double>();
        var windowActions = new List<double>();
        var keysNow = new List<double>();
        var nowDefinition = new List<double>();
        var nowReferences = new List<double>();
        var nowKeyHover = new List<double>();
        var movedSelection = new List<double>();
        foreach (var at in valueOffsets.Skip(200).Take(21))
        {
            var editedBuffer = buffer.Replace(at, 0, "7");
            var editedLines = lines.WithChange(new TextSpan(at, 0), editedBuffer);
            var next = IncrementalAnalyzer.Update(state, editedBuffer, new TextSpan(at, 0));
            // What an editor asks again after every change: the outline, the folding, the code actions at the cursor.
            var watch = Stopwatch.StartNew();
            MovedOutline.For(next)!.DocumentSymbols();
            movedSymbols.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            MovedOutline.For(next)!.Folding(editedLines);
            movedFolding.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var touching = next.Diagnostics.Where(d => d.Span.Start <= at && at <= d.Span.End);
            KeyWindow.Over(next, new TextSpan(at, 0))!.TryQuickFixes(touching, out _);
            KeyWindow.At(next, at)!.ValueActionsAt(at);
            windowActions.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            KeyWindow.At(next, at)!.TryHover(at, markdown: true, out _);
            windowHover.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            KeyWindow.At(next, at + 1)!.TryComplete(at + 1, new CompletionOptions(), out _);
            windowCompletion.Add(watch.Elapsed.TotalMilliseconds);
            // What the user asks for about the key being edited: its parent, its children, the hover on its name.
            watch.Restart();
            var now = next.KeysNow!;
            keysNow.Add(watch.Elapsed.TotalMilliseconds);
            var key = now.FindKeyAt(at)!;
            int location = now.Place(key, key.LocationView!.Value.ValueSpan).Start + 1;
            watch.Restart();
            KeyNavigation.Definition(now, location);
            nowDefinition.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            KeyNavigation.ReferenceSpans(now, location);
            nowReferences.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            HoverService.TryKeyName(next, now.Place(key, key.Element.NameSpan).Start + 1, markdown: true, out _);
            nowKeyHover.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            MovedOutline.For(next)!.SelectionRanges(at);
            movedSelection.Add(watch.Elapsed.TotalMilliseconds);
        }
        // Apart, after the rows above: each whole parse leaves tens of MB that a later collection copies (the server
        // collects them in idle time).
        foreach (var at in valueOffsets.Skip(200).Take(6))
        {
            var next = IncrementalAnalyzer.Update(state, buffer.Replace(at, 0, "7"), new TextSpan(at, 0));
            var watch = Stopwatch.StartNew();
            HoverService.GetHover(next.Document, at, markdown: true);
            firstHover.Add(watch.Elapsed.TotalMilliseconds);
        }
        Print("first hover after a keystroke, whole parse", firstHover.Skip(1).ToList());
        Print("first hover after a keystroke, key window", windowHover.Skip(1).ToList());
        Print("first completion after a keystroke, key window", windowCompletion.Skip(1).ToList());
        Print("document symbols after a keystroke, moved (capped)", movedSymbols.Skip(1).ToList());
        Print("folding ranges after a keystroke, moved (capped)", movedFolding.Skip(1).ToList());
        Print("code actions at the cursor after a keystroke, key window", windowActions.Skip(1).ToList());
        Print("the keys now after a keystroke (first request of a version)", keysNow.Skip(1).ToList());
        Print("  then definition on the key's Location", nowDefinition.Skip(1).ToList());
        Print("  then references on it (its children)", nowReferences.Skip(1).ToList());
        Print("  then hover on its name", nowKeyHover.Skip(1).ToList());
        Print("selection ranges at the cursor after a keystroke, key window", movedSelection.Skip(1).ToList());
        Measure("hover on a value", valueOffsets, at => HoverService.GetHover(document, at, markdown: true));
        var gaps = Offsets(text, "\r\n\t\t", random, 400).Select(o => o + 4).ToArray();
        Measure("completion between attributes", gaps, at => CompletionService.GetCompletions(document, at));
        Measure("completion in a value", valueOffsets, at => CompletionService.GetCompletions(document, at));
        Measure("document symbols (capped)", Enumerable.Range(0, 10), _ => DocumentSymbols.Build(document.Model));
        // The first outline on a model also builds its key hierarchy, which then stays with the model (a new version of
        // the document is a new model): timed on fresh models, built untimed.
        var firstOutline = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var model = Metabase.Model.MetabaseModel.Build(document.Tree);
            var watch = Stopwatch.StartNew();
            DocumentSymbols.Build(model);
            firstOutline.Add(watch.Elapsed.TotalMilliseconds);
        }
        Print("document symbols, first on a new model", firstOutline);
        // What an editor that asks for the whole document gets (capped at 5000), and what a screenful costs.
        var whole = new TextSpan(0, text.Length);
        Measure("inlay hints, whole document (capped)", Enumerable.Range(0, 10), _ => FlagInlayHints.Compute(document.Model, document.Catalog, whole));
        Measure("inlay hints, a screenful (4000 characters)", Offsets(text, "\n", random, 200),
            at => FlagInlayHints.Compute(document.Model, document.Catalog, new TextSpan(at, Math.Min(4000, text.Length - at))));
        Measure("folding ranges (capped)", Enumerable.Range(0, 10), _ => FoldingRanges.Compute(document.Tree, document.Lines));
        Measure("workspace symbols \"SmtpSvc\" (capped)", Enumerable.Range(0, 10), _ => KeySearch.Find(document.Model, "SmtpSvc"));
        Measure("workspace symbols, rare query", Enumerable.Range(0, 10), _ => KeySearch.Find(document.Model, "/LM/SmtpSvc/1/Domain"));
        var keyNames = Offsets(text, "\tLocation =\"", random, 200).Select(o => o + 13).ToArray();
        Measure("definition on a Location", keyNames, at => KeyNavigation.Definition(document.Model, at));
        Measure("references on a Location", keyNames, at => KeyNavigation.References(document.Model, at));
        Measure("selection ranges", valueOffsets, at => SelectionRanges.At(document.Tree, at));
        return 0;
    }

    /// <summary>The middle of property values (not Location) at random places: where a user types in a value.</summary>
    private static int[] ValueMiddles(string text, Random random, int count)
    {
        var offsets = new List<int>();
        while (offsets.Count < count)
        {
            int eq = text.IndexOf("=\"", random.Next(text.Length - 1000), StringComparison.Ordinal);
            if (eq < 0) continue;
            int close = text.IndexOf('"', eq + 2);
            if (close - (eq + 2) < 2 || text.AsSpan(Math.Max(0, eq - 10), 10).EndsWith("Location ")) continue;
            offsets.Add(eq + 2 + (close - eq - 2) / 2);
        }
        return offsets.ToArray();
    }

    private static int[] Offsets(string text, string marker, Random random, int count)
    {
        var offsets = new int[count];
        for (int i = 0; i < count; i++)
        {
            int at = text.IndexOf(marker, random.Next(text.Length - 1000), StringComparison.Ordinal);
            offsets[i] = at < 0 ? text.IndexOf(marker, StringComparison.Ordinal) : at;
        }
        return offsets;
    }

    /// <summary>Where the values of some Locations containing <paramref name="marker"/> end (their closing quote).</summary>
    private static List<int> LocationEnds(string text, string marker, Random random, int count)
    {
        var ends = new List<int>();
        while (ends.Count < count)
        {
            int at = text.IndexOf(marker, random.Next(text.Length), StringComparison.Ordinal);
            if (at < 0) continue;
            int end = text.IndexOf('"', at + marker.Length);
            if (!ends.Contains(end)) ends.Add(end);
        }
        return ends;
    }

    private static void Measure<T>(string what, IEnumerable<int> offsets, Func<int, T> action)
    {
        var list = offsets.ToArray();
        foreach (var o in list.Take(5)) action(o); // warm-up
        var times = new List<double>();
        foreach (var o in list)
        {
            var watch = Stopwatch.StartNew();
            action(o);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Print(what, times);
    }

    private static void Print(string what, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"  {what,-44} n={times.Count,4}  median {P(0.5),8:F3} ms  p99 {P(0.99),8:F3} ms  min {times[0],8:F3}  max {times[^1],8:F3}");
    }
}

using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Editing;
using CompletionOptions = SmtpLsp.Metabase.Features.CompletionOptions;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp;
using SmtpLsp.Server.Lsp.Protocol;
using Range = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>The server's text store: snapshots edited as buffers with incrementally kept line indexes and edit chains.</summary>
public sealed class TextStoreTests
{
    private static readonly string Alphabet = "ab\r\n\t😀<\"=";

    private static TextDocumentContentChangeEvent Change(LineIndex lines, int start, int end, string text)
    {
        var p1 = lines.GetPosition(start);
        var p2 = lines.GetPosition(end);
        return new() { Range = new Range(new Position(p1.Line, p1.Character), new Position(p2.Line, p2.Character)), Text = text };
    }

    // No LSP position addresses the middle of a CRLF.
    private static int OutsideCrLf(string text, int offset) =>
        offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n' ? offset - 1 : offset;

    /// <summary>
    /// Several didChange messages of several ranged changes each: the text, the line index, and the span each
    /// earlier version's edits replaced all agree with plain string splicing.
    /// </summary>
    [Fact]
    public void Apply_RandomMessageSequences_MatchStringSplicing()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            string text = RandomText(random, random.Next(0, 40_000));
            var snapshot = DocumentSnapshot.Create("u", "xml", 1, text);
            var versions = new List<string> { text };
            for (int message = 0; message < 6; message++)
            {
                var changes = new List<TextDocumentContentChangeEvent>();
                var lines = new LineIndex(text);
                int count = random.Next(0, 4);
                for (int c = 0; c < count; c++)
                {
                    int a = OutsideCrLf(text, random.Next(text.Length + 1)), b = OutsideCrLf(text, Math.Min(text.Length, a + random.Next(5)));
                    string inserted = RandomText(random, random.Next(0, 4));
                    changes.Add(Change(lines, a, b, inserted));
                    text = string.Concat(text.AsSpan(0, a), inserted, text.AsSpan(b));
                    lines = new LineIndex(text);
                }
                snapshot = TextChangeApplier.Apply(snapshot, changes, snapshot.Version + 1, []);
                versions.Add(text);
                if (snapshot.Length != text.Length || snapshot.Buffer.ToString(0, text.Length) != text)
                    throw new Exception($"seed {seed} message {message}: text differs");
                AssertSameLines(lines, snapshot.Lines, $"seed {seed} message {message}");
                for (int v = 0; v < versions.Count - 1; v++)
                {
                    var span = snapshot.ChangedSince(v + 1) ?? throw new Exception($"seed {seed}: no span since version {v + 1}");
                    string before = versions[v];
                    int delta = text.Length - before.Length;
                    if (span.End > before.Length || span.Length + delta < 0
                        || !text.AsSpan(0, span.Start).SequenceEqual(before.AsSpan(0, span.Start))
                        || !text.AsSpan(span.End + delta).SequenceEqual(before.AsSpan(span.End)))
                        throw new Exception($"seed {seed}: {span} does not cover the edits since version {v + 1}");
                }
            }
        }, iter: 150);
    }

    /// <summary>
    /// A replace-all: hundreds of changes in one message, the last match first or in document order (each spliced in
    /// one copy of the text), and the same with two changes out of that order or one touching the next (applied one
    /// by one). Text, line index and the edit's span agree with string splicing either way.
    /// </summary>
    [Fact]
    public void Apply_ManyChangesOfAReplaceAll_MatchStringSplicing()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            string text = RandomText(random, random.Next(2_000, 12_000));
            // Long lines half the time, so that changes share lines with the ones before them.
            if (random.Next(2) == 0) text = string.Concat(text.Select(c => c is '\r' or '\n' && random.Next(10) != 0 ? 'a' : c));
            var snapshot = DocumentSnapshot.Create("u", "xml", 1, text);
            string original = text;
            // Ranges of the original text in document order, apart from each other, not splitting a CRLF.
            var cuts = new SortedSet<int>();
            int wanted = 2 * (TextChangeApplier.BatchFromChanges + random.Next(100));
            while (cuts.Count < wanted) cuts.Add(OutsideCrLf(text, random.Next(text.Length + 1)));
            var bounds = cuts.ToArray();
            var ranges = new List<(int Start, int End, string Text)>();
            // Replacements with CRs and LFs half the time (which a batch in document order leaves to the one-by-one path).
            bool breaks = random.Next(2) == 0;
            string Replacement() => breaks ? RandomText(random, random.Next(0, 4)) : RandomText(random, random.Next(0, 4)).Replace("\r", "").Replace("\n", "");
            for (int i = 0; i + 1 < bounds.Length; i += 2)
                ranges.Add((bounds[i], random.Next(3) == 0 ? bounds[i] : bounds[i + 1], Replacement()));
            int variant = random.Next(4);
            if (variant == 2)
            {
                // One range ends where the next starts, away from a CR or LF (which the next change could pair up).
                int k = random.Next(ranges.Count - 1), at = ranges[k + 1].Start;
                if (original[at - 1] is not ('\r' or '\n') && (at == original.Length || original[at] is not ('\r' or '\n')))
                    ranges[k] = ranges[k] with { End = at };
            }
            // Last match first, or (variant 3) in document order.
            var order = variant == 3 ? Enumerable.Range(0, ranges.Count).ToList() : Enumerable.Range(0, ranges.Count).Reverse().ToList();
            // Two neighbours sent in document order.
            if (variant == 1) { int k = random.Next(order.Count - 1); (order[k], order[k + 1]) = (order[k + 1], order[k]); }

            var changes = new List<TextDocumentContentChangeEvent>();
            var applied = new List<int>();
            foreach (int r in order)
            {
                // Where the range is now: moved by the changes already made before it in the text.
                int shift = applied.Where(a => ranges[a].Start < ranges[r].Start).Sum(a => ranges[a].Text.Length - (ranges[a].End - ranges[a].Start));
                int start = ranges[r].Start + shift, end = ranges[r].End + shift;
                changes.Add(Change(new LineIndex(text), start, end, ranges[r].Text));
                text = string.Concat(text.AsSpan(0, start), ranges[r].Text, text.AsSpan(end));
                applied.Add(r);
            }

            snapshot = TextChangeApplier.Apply(snapshot, changes, 2, []);

            if (snapshot.Buffer.ToString() != text) throw new Exception($"seed {seed} variant {variant}: text differs");
            AssertSameLines(new LineIndex(text), snapshot.Lines, $"seed {seed} variant {variant}");
            var span = snapshot.ChangedSince(1) ?? throw new Exception($"seed {seed}: no span");
            int delta = text.Length - original.Length;
            if (!text.AsSpan(0, span.Start).SequenceEqual(original.AsSpan(0, span.Start))
                || !text.AsSpan(span.End + delta).SequenceEqual(original.AsSpan(span.End)))
                throw new Exception($"seed {seed}: {span} does not cover the edits");
        }, iter: 60);
    }

    [Fact]
    public void ChangedSince_AfterWholeTextReplacement_Null()
    {
        var snapshot = DocumentSnapshot.Create("u", "xml", 1, "abc");
        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, 1, 1, "x")], 2, []);
        var replaced = TextChangeApplier.Apply(edited, [new TextDocumentContentChangeEvent { Text = "new" }], 3, []);

        Assert.Equal(new TextSpan(1, 0), edited.ChangedSince(1));
        Assert.Null(replaced.ChangedSince(2));
        Assert.Null(replaced.ChangedSince(1));
        Assert.Equal("new", replaced.Text);
    }

    [Fact]
    public void Apply_Keystroke_DoesNotBuildTheWholeString()
    {
        string text = new string('x', 200_000) + "\n" + new string('y', 200_000);
        var snapshot = DocumentSnapshot.Create("u", "xml", 1, text);

        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, 150_000, 150_000, "\r\n")], 2, []);

        Assert.False(edited.Buffer.IsMaterialized);
        Assert.Equal(3, edited.Lines.LineCount);
        Assert.Equal(150_002, edited.Lines.GetLineStart(1));
        Assert.Equal(text.Insert(150_000, "\r\n"), edited.Text);
    }

    /// <summary>
    /// Three keystrokes in one value, the core analysing only the last version (a debounce skipped the others): the
    /// diagnostics equal a fresh analysis, and the keystroke path never built the document's string.
    /// </summary>
    [Fact]
    public void Analyze_KeystrokesWithSkippedVersions_MatchFreshAnalysisWithoutBuildingTheText()
    {
        string text = FeatureDocs.ManyKeys(600);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        int at = text.IndexOf("AccessFlags=\"", text.IndexOf("/v300\"", StringComparison.Ordinal), StringComparison.Ordinal) + "AccessFlags=\"".Length;

        foreach (string typed in new[] { "B", "o", "g" })
        {
            snapshot = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, typed)], snapshot.Version + 1, []);
            at++;
        }
        var diagnostics = core.Analyze(snapshot, CancellationToken.None);

        Assert.False(snapshot.Buffer.IsMaterialized);
        Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownFlagName);
        Assert.Equal(Describe(Fresh(snapshot)), Describe(diagnostics));
    }

    /// <summary>Skipped versions with edits in different keys fold into one span over all of them: a full pass, same answer.</summary>
    [Fact]
    public void Analyze_EditsInSeveralKeysWithSkippedVersions_MatchFreshAnalysis()
    {
        string text = FeatureDocs.ManyKeys(600);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);

        foreach (int key in new[] { 500, 20, 300 })
        {
            string current = snapshot.Buffer.ToString(0, snapshot.Length);
            int at = current.IndexOf($"/v{key}\"", StringComparison.Ordinal);
            at = current.IndexOf("AccessFlags=\"", at, StringComparison.Ordinal) + "AccessFlags=\"".Length;
            snapshot = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, "Bogus | ")], snapshot.Version + 1, []);
        }
        var diagnostics = core.Analyze(snapshot, CancellationToken.None);

        Assert.Equal(3, diagnostics.Count(d => d.Code == DiagnosticCodes.UnknownFlagName));
        Assert.Equal(Describe(Fresh(snapshot)), Describe(diagnostics));
    }

    [Fact]
    public void Hover_AfterKeystroke_ReadsTheNewText()
    {
        string text = FeatureDocs.ManyKeys(50);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        int at = text.IndexOf("SmtpInboundCommandSupportOptions=\"", StringComparison.Ordinal) + "SmtpInboundCommandSupportOptions=\"".Length;

        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at + 7, "7")], 2, []);
        core.Analyze(edited, CancellationToken.None);
        var hover = core.Hover(edited, at, markdown: true, CancellationToken.None);

        Assert.NotNull(hover);
        Assert.Equal(new TextSpan(at, 1), hover.Span);
    }

    /// <summary>
    /// Hover, completion and the visible inlay hints sent right after a keystroke (before the debounced analysis) are
    /// answered from the keys they are in: the same answers as a fresh core, and the document's string is never built
    /// (no whole parse).
    /// </summary>
    [Fact]
    public void HoverCompletionAndInlayHints_RightAfterKeystroke_SameAnswersWithoutTheWholeParse()
    {
        string text = FeatureDocs.ManyKeys(600);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        int at = text.IndexOf("AccessFlags=\"", text.IndexOf("/v300\"", StringComparison.Ordinal), StringComparison.Ordinal) + "AccessFlags=\"".Length;

        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, "AccessExecute | ")], 2, []);
        var hover = core.Hover(edited, at + 3, markdown: true, CancellationToken.None);
        var completion = core.Complete(edited, at + 1, new CompletionOptions(), CancellationToken.None);
        var screen = TextSpan.FromBounds(edited.Lines.GetLineStart(edited.Lines.GetPosition(at).Line - 20),
            edited.Lines.GetLineStart(edited.Lines.GetPosition(at).Line + 20));
        var hints = core.InlayHints(edited, screen, CancellationToken.None);

        Assert.False(edited.Buffer.IsMaterialized);
        var fresh = new MetabaseLanguageCore();
        var whole = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 2, edited.Text);
        Assert.Equal(fresh.Hover(whole, at + 3, markdown: true, CancellationToken.None), hover);
        Assert.Contains("AccessExecute", hover!.Content);
        var expected = fresh.Complete(whole, at + 1, new CompletionOptions(), CancellationToken.None);
        Assert.Equal(expected.ReplaceSpan, completion.ReplaceSpan);
        Assert.Equal(expected.Items, completion.Items);
        Assert.NotEmpty(completion.Items);
        Assert.Equal(fresh.InlayHints(whole, screen, CancellationToken.None), hints);
        Assert.Contains(hints, h => h.Label == "= 7"); // AccessExecute | AccessRead | AccessWrite, the edited value
    }

    /// <summary>
    /// The outline, the folding ranges and the code actions at the cursor, which editors ask for again after every
    /// change, are moved from the last whole parse or answered from the key at the cursor: the same answers as a
    /// fresh core, and the document's string is never built.
    /// </summary>
    [Fact]
    public void OutlineFoldingAndCodeActions_RightAfterKeystrokes_SameAnswersWithoutTheWholeParse()
    {
        string text = FeatureDocs.ManyKeys(600).Replace("v450\"\n\t\tAccessFlags=\"AccessRead", "v450\"\n\t\tAccessFlags=\"AccessRaed", StringComparison.Ordinal);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        core.PrepareFeatures(snapshot, CancellationToken.None);
        // Two keystrokes in two keys, one of them a line break, each analysed as it comes.
        int first = text.IndexOf("AccessFlags=\"", text.IndexOf("/v300\"", StringComparison.Ordinal), StringComparison.Ordinal) + "AccessFlags=\"".Length;
        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, first, first, "AccessExecute |\n ")], 2, []);
        core.Analyze(edited, CancellationToken.None);
        int typo = edited.Text.IndexOf("AccessRaed", StringComparison.Ordinal);
        edited = TextChangeApplier.Apply(edited, [Change(edited.Lines, typo - 1, typo - 1, " ")], 3, []);
        var at = new TextSpan(typo + 3, 0);

        var symbols = core.DocumentSymbols(edited, 100, CancellationToken.None);
        var folding = core.Folding(edited, CancellationToken.None);
        var fixes = core.QuickFixes(edited, at, CancellationToken.None);
        var actions = core.ValueActionsAt(edited, at.Start, CancellationToken.None);

        Assert.False(edited.Buffer.IsMaterialized);
        var fresh = new MetabaseLanguageCore();
        var whole = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 3, edited.Buffer.ToString());
        Assert.Equal(Describe(fresh.DocumentSymbols(whole, 100, CancellationToken.None).Symbols), Describe(symbols.Symbols));
        Assert.True(symbols.Capped);
        Assert.Equal(fresh.Folding(whole, CancellationToken.None).Ranges, folding.Ranges);
        var expectedFixes = fresh.QuickFixes(whole, at, CancellationToken.None);
        Assert.Equal(expectedFixes.Select(f => (f.Diagnostic, f.Fixes.Single().Title, f.Fixes.Single().Edits.Single())),
            fixes.Select(f => (f.Diagnostic, f.Fixes.Single().Title, f.Fixes.Single().Edits.Single())));
        Assert.Contains(fixes, f => f.Fixes.Single().Title == "Change to 'AccessRead'");
        Assert.Equal(fresh.ValueActionsAt(whole, at.Start, CancellationToken.None).Select(a => (a.Title, a.Edits.Single())),
            actions.Select(a => (a.Title, a.Edits.Single())));
        Assert.NotEmpty(actions);
    }

    /// <summary>
    /// The property sheet, which the client asks again 300 ms after every change, and the edit of a click on it: after
    /// keystrokes, answered from the keys now over the last whole parse (the key's own value edited since, a value
    /// inherited from the service), the same as a fresh core, and the document's string is never built.
    /// </summary>
    [Fact]
    public void PropertySheetAndClick_RightAfterKeystrokes_SameAnswersWithoutTheWholeParse()
    {
        string text = FeatureDocs.ManyKeys(600);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        core.PrepareFeatures(snapshot, CancellationToken.None);
        int at = text.IndexOf("AccessFlags=\"", text.IndexOf("/v300\"", StringComparison.Ordinal), StringComparison.Ordinal) + "AccessFlags=\"".Length;
        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, "AccessExecute | ")], 2, []);
        core.Analyze(edited, CancellationToken.None);

        var sheet = core.EffectiveProperties(edited, "/LM/SmtpSvc/1/Root/v300", CancellationToken.None);
        var click = core.SetPropertyValue(edited, "/LM/SmtpSvc/1/Root/v300", "AccessFlags", "AccessRead", CancellationToken.None);
        var added = core.SetPropertyValue(edited, "/LM/SmtpSvc/1/Root/v300", "DontLog", "TRUE", CancellationToken.None);

        Assert.False(edited.Buffer.IsMaterialized);
        var fresh = new MetabaseLanguageCore();
        var whole = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 2, edited.Buffer.ToString());
        var expected = fresh.EffectiveProperties(whole, "/LM/SmtpSvc/1/Root/v300", CancellationToken.None)!;
        Assert.Equal((expected.Span, expected.SelectionSpan), (sheet!.Span, sheet.SelectionSpan));
        Assert.Equal(expected.Properties.Select(p => p.Effective with { SourceKey = null }), sheet.Properties.Select(p => p.Effective with { SourceKey = null }));
        Assert.Equal("AccessExecute | AccessRead | AccessWrite", sheet.Properties.Single(p => p.Effective.Name == "AccessFlags").Effective.Value);
        Assert.Contains(sheet.Properties, p => p.Effective.Origin == ValueOrigin.Inherited);
        Assert.Equal(fresh.SetPropertyValue(whole, "/LM/SmtpSvc/1/Root/v300", "AccessFlags", "AccessRead", CancellationToken.None), click);
        Assert.Equal(fresh.SetPropertyValue(whole, "/LM/SmtpSvc/1/Root/v300", "DontLog", "TRUE", CancellationToken.None), added);
        var edit = click.Edit!.Value;
        Assert.Equal(("AccessExecute | AccessRead | AccessWrite", "AccessRead"), (edited.Buffer.ToString(edit.Span.Start, edit.Span.Length), edit.NewText));
    }

    /// <summary>
    /// Go to definition, find references (a key's children, a property's overrides), the hover on a key's name,
    /// workspace symbols and selection ranges, asked right after keystrokes: answered from the keys now over the last whole parse, the same as a fresh core, and
    /// the document's string is never built.
    /// </summary>
    [Fact]
    public void NavigationHoverSymbolsAndSelection_RightAfterKeystrokes_SameAnswersWithoutTheWholeParse()
    {
        string text = FeatureDocs.ManyKeys(600);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        core.PrepareFeatures(snapshot, CancellationToken.None);
        // A new directory below v300 typed into a Location, and a value typed in the Root.
        int at = text.IndexOf("/v301\"", StringComparison.Ordinal) + 1;
        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, "v300/")], 2, []);
        core.Analyze(edited, CancellationToken.None);
        int root = edited.Text.IndexOf("/LM/SmtpSvc/1/Root\"", StringComparison.Ordinal);
        int rootFlags = edited.Text.IndexOf("AccessFlags", root, StringComparison.Ordinal);
        edited = TextChangeApplier.Apply(edited, [Change(edited.Lines, rootFlags + 13, rootFlags + 13, "AccessScript | ")], 3, []);
        core.Analyze(edited, CancellationToken.None);
        int v300 = edited.Buffer.ToString(0, edited.Length).IndexOf("/v300\"", StringComparison.Ordinal);
        int v300Name = edited.Buffer.ToString(0, edited.Length).LastIndexOf("<IIsSmtpVirtualDir", v300, StringComparison.Ordinal) + 3;

        var definition = core.Definition(edited, v300 + 2, CancellationToken.None);
        var children = core.References(edited, v300 + 2, includeDeclaration: true, CancellationToken.None);
        var ofRoot = core.References(edited, root + 3, includeDeclaration: false, CancellationToken.None);
        var overrides = core.References(edited, rootFlags + 2, includeDeclaration: false, CancellationToken.None);
        var hover = core.Hover(edited, v300Name, markdown: true, CancellationToken.None);
        var symbols = core.FindKeys(edited, "v300", 100, CancellationToken.None);
        var selection = core.SelectionRanges(edited, rootFlags + 16, CancellationToken.None);

        Assert.False(edited.Buffer.IsMaterialized);
        var fresh = new MetabaseLanguageCore();
        var whole = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 3, edited.Buffer.ToString());
        var expected = fresh.Definition(whole, v300 + 2, CancellationToken.None)!;
        Assert.Equal((expected.Span, expected.SelectionSpan), (definition!.Span, definition.SelectionSpan));
        Assert.Equal("/LM/SmtpSvc/1/Root", Text(whole, definition.SelectionSpan));
        Assert.Equal(fresh.References(whole, v300 + 2, true, CancellationToken.None), children);
        Assert.Equal(["/LM/SmtpSvc/1/Root/v300", "/LM/SmtpSvc/1/Root/v300/v301"], children.Select(span => Text(whole, span)));
        Assert.Equal(fresh.References(whole, root + 3, false, CancellationToken.None), ofRoot);
        Assert.Equal(599, ofRoot.Count);
        Assert.Equal(fresh.References(whole, rootFlags + 2, false, CancellationToken.None), overrides);
        Assert.Equal(600, overrides.Count);
        Assert.Equal(fresh.Hover(whole, v300Name, markdown: true, CancellationToken.None), hover);
        Assert.Contains("Children", hover!.Content);
        Assert.Contains("/LM/SmtpSvc/1/Root/v300/v301", hover.Content);
        Assert.Equal(fresh.FindKeys(whole, "v300", 100, CancellationToken.None).Matches.Select(m => (m.Span, m.SelectionSpan)),
            symbols.Matches.Select(m => (m.Span, m.SelectionSpan)));
        Assert.Equal(["/LM/SmtpSvc/1/Root/v300", "/LM/SmtpSvc/1/Root/v300/v301"], symbols.Matches.Select(m => Text(whole, m.SelectionSpan)));
        Assert.Equal(fresh.SelectionRanges(whole, rootFlags + 16, CancellationToken.None), selection);
        Assert.Equal("AccessScript | AccessRead | AccessWrite", Text(whole, selection[0]));
    }

    /// <summary>Format selection (or format on paste) right after a key is pasted on one line: from the keys now.</summary>
    [Fact]
    public void RangeFormatting_RightAfterAPaste_SameEditsWithoutTheWholeParse()
    {
        string text = FeatureDocs.ManyKeys(600);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        core.PrepareFeatures(snapshot, CancellationToken.None);
        // A directory pasted on one line, properties unsorted, after v300.
        const string Pasted = "<IIsSmtpVirtualDir Location =\"/LM/SmtpSvc/1/Root/pasted\" MaxConnections=\"5\" AccessFlags=\"AccessRead\"></IIsSmtpVirtualDir>\n";
        int at = text.IndexOf("<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root/v301\"", StringComparison.Ordinal);
        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, Pasted)], 2, []);
        core.Analyze(edited, CancellationToken.None);

        var edits = core.Format(edited, new TextSpan(at, Pasted.Length), CancellationToken.None);

        Assert.False(edited.Buffer.IsMaterialized);
        var whole = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 2, edited.Buffer.ToString());
        Assert.Equal(new MetabaseLanguageCore().Format(whole, new TextSpan(at, Pasted.Length), CancellationToken.None), edits);
        var formatted = Metabase.Editing.TextEdit.Apply(whole.Text, edits);
        Assert.Contains("<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root/pasted\"\n\t\tAccessFlags=\"AccessRead\"\n\t\tMaxConnections=\"5\"\n\t>\n</IIsSmtpVirtualDir>\n", formatted);
    }

    private static string Text(DocumentSnapshot snapshot, TextSpan span) => snapshot.Text.Substring(span.Start, span.Length);

    /// <summary>
    /// Renaming a path: a keystroke in a web key's Location is analysed without the document's string (the cross-key
    /// rules run over the last whole parse's keys), and the outline after it, which nests keys by Location, is the
    /// whole parse's rather than a moved one.
    /// </summary>
    [Fact]
    public void LocationKeystroke_DiagnosticsWithoutTheWholeParse_OutlineFollowsTheNewPath()
    {
        var keys = new System.Text.StringBuilder("<IIsWebServer\tLocation =\"/LM/W3SVC/1\"\n\t>\n</IIsWebServer>\n" +
                                                 "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT\"\n\t>\n</IIsWebVirtualDir>\n");
        for (int i = 0; i < 300; i++)
            keys.Append($"<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/v{i}{(i % 3 == 2 ? "/sub" : "")}\"\n\t\tAccessFlags=\"AccessRead\"\n\t>\n</IIsWebVirtualDir>\n");
        string text = FeatureDocs.Smtp.Replace("</MBProperty>", keys + "</MBProperty>", StringComparison.Ordinal);
        var core = new MetabaseLanguageCore();
        var snapshot = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, text);
        core.Analyze(snapshot, CancellationToken.None);
        core.PrepareFeatures(snapshot, CancellationToken.None);
        // "/LM/W3SVC/1/ROOT" becomes "/LM/W3SVC/1/ROOTx": the 300 keys below it lose their parent key.
        int at = text.IndexOf("/ROOT\"", StringComparison.Ordinal) + "/ROOT".Length;

        var edited = TextChangeApplier.Apply(snapshot, [Change(snapshot.Lines, at, at, "x")], 2, []);
        var diagnostics = core.Analyze(edited, CancellationToken.None);

        Assert.False(edited.Buffer.IsMaterialized);
        Assert.Equal(Fresh(edited), diagnostics);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ParentKeyMissing && d.Message.Contains("'/LM/W3SVC/1/ROOT/v0'"));
        var symbols = core.DocumentSymbols(edited, 5000, CancellationToken.None);
        var whole = DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 2, edited.Buffer.ToString());
        Assert.Equal(Describe(new MetabaseLanguageCore().DocumentSymbols(whole, 5000, CancellationToken.None).Symbols), Describe(symbols.Symbols));
        Assert.Contains("ROOTx", Describe(symbols.Symbols));
    }

    private static string Describe(IEnumerable<KeySymbol> symbols) =>
        string.Join("\n", symbols.Select(s => $"{s.Name} {s.Detail} {s.Span} {s.SelectionSpan} [{Describe(s.Children)}]"));

    private static IReadOnlyList<MetabaseDiagnostic> Fresh(DocumentSnapshot snapshot) =>
        new MetabaseLanguageCore().Analyze(DocumentSnapshot.Create(FeatureDocs.DocUri, "xml", 1, snapshot.Text), CancellationToken.None);

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
        return new string(chars);
    }

    private static void AssertSameLines(LineIndex expected, LineIndex actual, string context)
    {
        if (expected.LineCount != actual.LineCount) throw new Exception($"{context}: {actual.LineCount} lines, expected {expected.LineCount}");
        for (int line = 0; line < expected.LineCount; line++)
        {
            var end = new LinePosition(line, int.MaxValue);
            if (expected.GetLineStart(line) != actual.GetLineStart(line) || expected.GetOffset(end) != actual.GetOffset(end))
                throw new Exception($"{context}: line {line} differs");
        }
    }

    private static string Describe(IEnumerable<MetabaseDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Code} {d.Span} {d.Message} [{string.Join(",", d.Related?.Select(r => $"{r.Span}") ?? [])}]"));
}

/// <summary>The server builds the full parse of an edited version once the user pauses, ahead of the next hover.</summary>
public sealed class PrepareFeaturesTests
{
    [Fact]
    public async Task DidChange_UserPauses_FullTextBuiltBeforeAnyRequest()
    {
        await using var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        string text = FeatureDocs.Smtp;
        await client.OpenAsync(FeatureDocs.DocUri, text);
        await client.NextPublishAsync();
        int at = text.IndexOf("ConnectionTimeout=\"", StringComparison.Ordinal) + "ConnectionTimeout=\"".Length;
        var position = new LineIndex(text).GetPosition(at);
        var here = new Position(position.Line, position.Character);

        await client.ChangeAsync(FeatureDocs.DocUri, 2, new TextDocumentContentChangeEvent { Range = new Range(here, here), Text = "1" });
        await client.NextPublishAsync();
        var snapshot = client.Server.Target.GetDocument(FeatureDocs.DocUri)!;

        // Materialising the buffer is the first step of the full parse, and nothing else asks for it here.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!snapshot.Buffer.IsMaterialized && waited.Elapsed < LspTestClient.Timeout) await Task.Delay(20);
        Assert.True(snapshot.Buffer.IsMaterialized);
        Assert.Equal(2, snapshot.Version);
    }

    [Fact]
    public async Task DidOpen_UserPauses_KeyHierarchyBuiltBeforeTheOutlineIsAsked()
    {
        var core = new MetabaseLanguageCore();
        await using var client = LspTestClient.CreateWithRealCore(core);
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(FeatureDocs.DocUri, FeatureDocs.Smtp);
        await client.NextPublishAsync();
        var snapshot = client.Server.Target.GetDocument(FeatureDocs.DocUri)!;

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!KeyHierarchy.IsBuilt(core.Get(snapshot).Model) && waited.Elapsed < LspTestClient.Timeout) await Task.Delay(20);
        Assert.True(KeyHierarchy.IsBuilt(core.Get(snapshot).Model));
    }
}

using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Features;

/// <summary>
/// What editors ask again after every keystroke without a whole parse of the new version: the outline and folding
/// moved from the last whole parse, and the code actions of the keys at the cursor. Each must equal the answer of
/// a whole parse of the same text.
/// </summary>
public class MovedOutlineTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    // A generated metabase with what a slot can hold besides plain keys: a comment inside a key, a key written inside
    // another (which ends that one, never closed, and leaves its end tag stray), a comment between keys and a
    // multi-line Custom element.
    private static readonly string Unusual = MakeUnusual();

    // Misspelt flag and property names throughout, each with a quick fix.
    private static readonly string WithFixableErrors =
        LargeMetabaseGenerator.Generate(20_000, seed: 9).Replace("AccessRead", "AccessRaed").Replace("ServerComment", "ServerComent");

    private static readonly string[] Snippets =
    [
        "x", "7", " ", "|", "\r\n\t\t\t", "\r\n", "\n", " | AuthNTLM", "AuthBad", "TRUE", "<!-- c -->", "\"", "<",
        "<Custom Name=\"A\" ID=\"1\" Value=\"1\" Type=\"DWORD\"/>", "\r\n\t<Custom Name=\"B\"\r\n\t\tID=\"2\" Value=\"2\" Type=\"DWORD\"\r\n\t/>",
    ];

    [Fact]
    public void Outline_RandomKeystrokes_SameSymbolsAndFoldingAsWholeParse()
    {
        int compared = 0, severalSlots = 0, outlinesMoved = 0, renamesMoved = 0, splicesMoved = 0, splicesFolded = 0, declined = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed & 1) == 0 ? Unusual : Fixture.ReadSample("MetaBase.xml");
            var state = IncrementalAnalyzer.Create(text, Catalog);
            for (int step = 0; step < 15; step++)
            {
                // A quarter in Location values, some key types renamed and Custom elements added or removed, and whole
                // keys pasted or deleted: the outline is moved, or built again over the earlier key tree where keys
                // were renamed, added or removed.
                int kind = random.Next(10);
                var (newText, span) = kind < 2 && LocationEdits.Random(random, state.Text) is { } renamed ? renamed
                    : kind == 2 && LocationEdits.RandomKeyShape(random, state.Text) is { } reshaped ? reshaped
                    : kind == 3 && KeyBlockEdits.Random(random, state.Text) is { } block ? block
                    : kind == 4 && CommentEdits.Random(random, state.Text) is { } commented ? commented
                    : RandomEdit(random, state.Text);
                state = IncrementalAnalyzer.Update(state, newText, span);
                // Sometimes the server's idle build makes this version's whole parse: later versions move from it.
                if (random.Next(6) == 0) _ = state.Document;
                if (MovedOutline.For(state) is not { } moved) continue;

                var whole = MetabaseModel.Build(SyntaxTree.Parse(newText));
                var lines = new LineIndex(newText);
                foreach (int cap in new[] { 3, 40, DocumentSymbols.DefaultMax })
                {
                    var expected = Describe(DocumentSymbols.Build(whole, cap));
                    // Null only where rebuilding would cost more than a whole parse: then the server parses.
                    var symbols = moved.DocumentSymbols(cap);
                    if (symbols != null && cap == DocumentSymbols.DefaultMax) Interlocked.Increment(ref outlinesMoved);
                    if (symbols != null && cap == DocumentSymbols.DefaultMax && state.Earlier!.KeysChanged) Interlocked.Increment(ref renamesMoved);
                    bool spliced = state.Earlier!.Runs.Any(run => run.Growth != 0);
                    if (symbols != null && spliced) Interlocked.Increment(ref splicesMoved);
                    if (symbols == null) Interlocked.Increment(ref declined);
                    var actual = symbols != null ? Describe(symbols) : state.Earlier!.KeysChanged ? expected : "(declined)";
                    if (expected != actual) throw new Exception($"seed {seed} step {step} cap {cap}: symbols\nexpected {expected}\nactual   {actual}");
                    var expectedFolds = Describe(FoldingRanges.Compute(whole.Tree, lines, cap));
                    // Declined only after a comment between keys was edited: its fold no longer moves with a slot.
                    var actualFolds = moved.Folding(lines, cap) is { } folds ? Describe(folds) : state.Earlier!.CommentsChanged ? expectedFolds : "(declined)";
                    if (spliced && actualFolds != "(declined)") Interlocked.Increment(ref splicesFolded);
                    if (expectedFolds != actualFolds) throw new Exception($"seed {seed} step {step} cap {cap}: folding\nexpected {expectedFolds}\nactual   {actualFolds}");
                }
                Interlocked.Increment(ref compared);
                if (state.Earlier!.Runs.Sum(run => run.CurrentEnd - run.CurrentStart) > 1) Interlocked.Increment(ref severalSlots);
            }
        }, iter: 60);
        // Otherwise the test would compare nothing, or only the one-edit case.
        Assert.True(compared > 150, $"{compared} versions compared");
        Assert.True(severalSlots > 40, $"{severalSlots} versions several slots away from the whole parse");
        // Declining is allowed only after a changed Location, and only past the limits of what is worth rebuilding.
        Assert.True(outlinesMoved > 150, $"{outlinesMoved} outlines moved ({compared} versions)");
        Assert.True(declined * 50 < compared * 3, $"{declined} outlines declined ({compared} versions, 3 caps each)");
        Assert.True(renamesMoved > 20, $"{renamesMoved} outlines moved after a changed Location ({outlinesMoved} moved)");
        Assert.True(splicesMoved > 20, $"{splicesMoved} outlines moved after keys were pasted or deleted");
        Assert.True(splicesFolded > 40, $"{splicesFolded} folding ranges moved after keys were pasted or deleted");
    }

    /// <summary>
    /// A key typed by hand from its '<': a key without a Location first, a root of the outline, then with its Location
    /// as typed so far. Capped outlines too (3 and 40 symbols), where a root or a key under a kept parent pushes the
    /// last symbol past the cap.
    /// </summary>
    [Fact]
    public void Outline_KeyBeingTyped_SameSymbolsAndFoldingAsWholeParse()
    {
        int moved = 0, movedCapped = 0;
        for (int seed = 0; seed < 8; seed++)
        {
            var state = IncrementalAnalyzer.Create(Unusual, Catalog);
            foreach (var (text, span) in NewKeyTyping.Keystrokes(new Random(seed), Unusual))
            {
                state = IncrementalAnalyzer.Update(state, text, span);
                if (MovedOutline.For(state) is not { } outline) continue;
                var whole = MetabaseModel.Build(SyntaxTree.Parse(text));
                var lines = new LineIndex(text);
                foreach (int cap in new[] { 3, 40, DocumentSymbols.DefaultMax })
                {
                    var symbols = outline.DocumentSymbols(cap);
                    // A changed type or Location renames the key, or moves the keys below its Locations, old and new.
                    if (symbols != null)
                    {
                        Assert.Equal(Describe(DocumentSymbols.Build(whole, cap)), Describe(symbols));
                        if (cap == DocumentSymbols.DefaultMax) moved++;
                        else movedCapped++;
                    }
                    else Assert.True(state.Earlier!.KeysChanged);
                }
                Assert.Equal(Describe(FoldingRanges.Compute(whole.Tree, lines)), Describe(outline.Folding(lines)!));
            }
        }
        Assert.True(moved > 100, $"{moved} outlines moved");
        Assert.True(movedCapped > 100, $"{movedCapped} capped outlines moved");
    }

    /// <summary>
    /// A line typed in a note between keys: the diagnostics follow without a whole parse, the outline moves, and the
    /// folding, whose range for that comment now ends a line later, is left to a whole parse rather than moved.
    /// </summary>
    [Fact]
    public void Outline_TypingInACommentBetweenKeys_SymbolsMovedAndFoldingLeftToTheWholeParse()
    {
        var text = CommentEdits.WithComments(LargeMetabaseGenerator.Generate(1_000, seed: 2), 4);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        _ = MovedOutline.For(state);
        int at = text.IndexOf("\r\n     on two lines", text.Length / 2, StringComparison.Ordinal);
        var typed = text.Insert(at, "\r\n     and a third");

        var next = IncrementalAnalyzer.Update(state, typed, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        var moved = MovedOutline.For(next)!;
        AssertSameAsWholeParse(next, moved.DocumentSymbols());
        var lines = new LineIndex(typed);
        Assert.Null(moved.Folding(lines));
        // What a moved fold would have missed: the comment now folds over three lines.
        int commentLine = lines.GetPosition(at).Line;
        Assert.Contains(FoldingRanges.Compute(SyntaxTree.Parse(typed), lines).Ranges,
            fold => fold.Kind == FoldingKind.Comment && fold.StartLine == commentLine && fold.EndLine == commentLine + 2);
    }

    [Fact]
    public void Outline_AfterAKeystroke_MovedWithoutTheWholeParse()
    {
        var text = LargeMetabaseGenerator.Generate(40_000, seed: 3);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("MaxConnections=\"", text.Length / 2, StringComparison.Ordinal) + "MaxConnections=\"".Length;

        var next = IncrementalAnalyzer.Update(state, text.Insert(at, "\r\n7"), new TextSpan(at, 0));
        var symbols = MovedOutline.For(next)!.DocumentSymbols();
        var folds = MovedOutline.For(next)!.Folding(new LineIndex(next.Text));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        var whole = MetabaseModel.Build(SyntaxTree.Parse(next.Text));
        Assert.Equal(Describe(DocumentSymbols.Build(whole)), Describe(symbols!));
        Assert.Equal(Describe(FoldingRanges.Compute(whole.Tree)), Describe(folds!));
        Assert.False(next.HasDocument);
    }

    [Fact]
    public void Outline_AfterTypingInADomainsLocation_RenamedWithoutTheWholeParse()
    {
        var next = TypedAtTheEndOfALocation("/Domain/example.com", "x");
        var symbols = MovedOutline.For(next)!.DocumentSymbols();

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.True(next.Earlier!.KeysChanged);
        Assert.NotNull(symbols);
        Assert.Contains("example.comx IIsSmtpDomain", Describe(symbols));
        Assert.Equal(Describe(DocumentSymbols.Build(MetabaseModel.Build(SyntaxTree.Parse(next.Text)))), Describe(symbols));
        Assert.False(next.HasDocument);
    }

    [Fact]
    public void Outline_AfterRenamingAKeyWithKeysBelow_RebuiltWithoutTheWholeParse()
    {
        // The domains below /LM/SmtpSvc/1/Domain leave it for /LM/SmtpSvc/1, and Domains takes its place.
        var next = TypedAtTheEndOfALocation("/SmtpSvc/1/Domain", "s");

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        AssertSameAsWholeParse(next, MovedOutline.For(next)!.DocumentSymbols());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Outline_CappedAboveAKeyRenamedWithKeysBelow_MovedWithoutTheWholeParse(int cap)
    {
        // The outline capped breadth first above the Domain key: nothing it keeps moves when Domain and the domains
        // below it change places in the tree.
        var next = TypedAtTheEndOfALocation("/SmtpSvc/1/Domain", "s");
        var moved = MovedOutline.For(next)!;

        var symbols = moved.DocumentSymbols(cap);

        Assert.True(symbols!.Capped);
        AssertSameAsWholeParse(next, symbols, cap);
        Assert.False(next.HasDocument);
    }

    [Fact]
    public void Outline_AfterPastingAndDeletingAVirtualDirectory_MovedWithoutTheWholeParse()
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("<IIsSmtpDomain", StringComparison.Ordinal);
        const string Key = "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/pasted\"\r\n\t>\r\n</IIsWebVirtualDir>\r\n";
        var pasted = text.Insert(at, Key);

        var afterPaste = IncrementalAnalyzer.Update(state, pasted, new TextSpan(at, 0));
        var afterDelete = IncrementalAnalyzer.Update(afterPaste, text, new TextSpan(at, Key.Length));

        foreach (var (version, versionText) in new[] { (afterPaste, pasted), (afterDelete, text) })
        {
            Assert.Equal(UpdateKind.Incremental, version.Kind);
            var whole = MetabaseModel.Build(SyntaxTree.Parse(versionText));
            Assert.Equal(Describe(DocumentSymbols.Build(whole)), Describe(MovedOutline.For(version)!.DocumentSymbols()!));
            var lines = new LineIndex(versionText);
            Assert.Equal(Describe(FoldingRanges.Compute(whole.Tree, lines)), Describe(MovedOutline.For(version)!.Folding(lines)!));
        }
    }

    /// <summary>
    /// A key at a Location another key holds before it is a leaf, whatever lies below that Location (the first key at
    /// a Location is the parent): so are a key pasted at /LM/W3SVC after the web service key, and a key's Location typed
    /// through /LM/SmtpSvc/1/Domain, which a domain with a domain below it holds earlier in the file.
    /// </summary>
    [Theory]
    [InlineData("<IIsSmtpVirtualDir", "<IIsWebService\tLocation =\"/LM/W3SVC\"\r\n\t>\r\n</IIsWebService>\r\n", "")]
    [InlineData("<IIsSmtpVirtualDir", "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domai\"\r\n\t>\r\n</IIsSmtpDomain>\r\n", "n")]
    public void Outline_AfterAKeyTakesALocationAKeyBeforeItHolds_MovedWithoutTheWholeParse(string before, string pasted, string typed)
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf(before, StringComparison.Ordinal);
        text = text.Insert(at, pasted);
        state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
        if (typed.Length > 0)
        {
            int end = text.IndexOf("\"", text.IndexOf("Location =\"", at, StringComparison.Ordinal) + "Location =\"".Length, StringComparison.Ordinal);
            text = text.Insert(end, typed);
            state = IncrementalAnalyzer.Update(state, text, new TextSpan(end, 0));
        }

        Assert.Equal(UpdateKind.Incremental, state.Kind);
        var whole = MetabaseModel.Build(SyntaxTree.Parse(text));
        Assert.Equal(Describe(DocumentSymbols.Build(whole)), Describe(MovedOutline.For(state)!.DocumentSymbols()!));
    }

    [Fact]
    public void Outline_AfterPastingAKeyBeforeAKeyWithKeysBelowAtItsLocation_RebuiltWithoutTheWholeParse()
    {
        // Pasted first at /LM/SmtpSvc/1/Domain, the new key takes the domains below from the key after it.
        var next = PastedBeforeTheFirstDomain("<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain\"\r\n\t>\r\n</IIsSmtpDomain>\r\n");

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        AssertSameAsWholeParse(next, MovedOutline.For(next)!.DocumentSymbols());
    }

    [Fact]
    public void Outline_CappedAtNoSymbolAfterAKeyWithoutLocationIsPasted_StaysEmpty()
    {
        var next = PastedBeforeTheFirstDomain("<IIsWebDirectory\r\n\t>\r\n</IIsWebDirectory>\r\n");

        var whole = MetabaseModel.Build(SyntaxTree.Parse(next.Text));
        Assert.Equal(Describe(DocumentSymbols.Build(whole, 0)), Describe(MovedOutline.For(next)!.DocumentSymbols(0)!));
    }

    [Fact]
    public void Outline_AfterPastingAKeyWithAKeyBelowIt_RebuiltWithoutTheWholeParse()
    {
        // The second key hangs under the first, not under ROOT.
        var next = PastedBeforeTheFirstDomain(
            "<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/new\"\r\n\t>\r\n</IIsWebDirectory>\r\n" +
            "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/new/below\"\r\n\t>\r\n</IIsWebVirtualDir>\r\n");

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        AssertSameAsWholeParse(next, MovedOutline.For(next)!.DocumentSymbols());
    }

    /// <summary>
    /// Text typed right after the last key's end tag (before its line break, or inside it) lies after that key: the
    /// key's element still ends where it did, while the section's end tag moves.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Folding_AfterTextTypedRightAfterTheLastKey_SameAsWholeParse(int pastEndTag)
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        int at = text.LastIndexOf("\r\n</MBProperty>", StringComparison.Ordinal) + pastEndTag;
        var edited = text.Insert(at, "\"");

        var next = IncrementalAnalyzer.Update(IncrementalAnalyzer.Create(text, Catalog), edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        var lines = new LineIndex(edited);
        Assert.Equal(Describe(FoldingRanges.Compute(SyntaxTree.Parse(edited), lines)), Describe(MovedOutline.For(next)!.Folding(lines)!));
    }

    /// <summary>The sample metabase after <paramref name="typed"/> at the end of the Location value ending in <paramref name="pathEnd"/>.</summary>
    private static IncrementalState TypedAtTheEndOfALocation(string pathEnd, string typed)
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf(pathEnd + "\"", StringComparison.Ordinal) + pathEnd.Length;
        return IncrementalAnalyzer.Update(state, text.Insert(at, typed), new TextSpan(at, 0));
    }

    [Fact]
    public void For_OwnWholeParseBuilt_NoneAndTheEarlierOneLetGo()
    {
        var state = IncrementalAnalyzer.Create(Unusual, Catalog);
        int at = Unusual.IndexOf("MaxConnections=\"", StringComparison.Ordinal) + "MaxConnections=\"".Length;
        var next = IncrementalAnalyzer.Update(state, Unusual.Insert(at, "7"), new TextSpan(at, 0));
        Assert.NotNull(MovedOutline.For(next));

        _ = next.Document;

        Assert.Null(next.Earlier);
        Assert.Null(MovedOutline.For(next));
        Assert.Null(MovedOutline.For(state)); // a full pass has its own
    }

    [Fact]
    public void CodeActions_EveryOffsetAfterAKeystroke_SameAsWholeDocument()
    {
        var text = WithFixableErrors;
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("MaxConnections=\"", text.Length / 3, StringComparison.Ordinal) + "MaxConnections=\"".Length;
        var edited = text.Insert(at, "7");
        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));
        Assert.Equal(UpdateKind.Incremental, next.Kind);
        var whole = MetabaseDocument.Create(edited, Catalog);
        int values = 0, quickFixes = 0;
        for (int offset = 0; offset <= edited.Length; offset++)
        {
            if (KeyWindow.At(next, offset) is { } window)
            {
                var expected = Describe(ValueActions.For(whole.Model, offset, Catalog));
                Assert.Equal(expected, Describe(window.ValueActionsAt(offset)));
                if (expected.Length > 0) values++;
            }
            var cursor = new TextSpan(offset, 0);
            var touching = next.Diagnostics.Where(d => d.Span.Start <= offset && offset <= d.Span.End).ToList();
            if (KeyWindow.Over(next, cursor) is { } over && over.TryQuickFixes(touching, out var fixes))
            {
                var expected = touching.Select(d => (d, DiagnosticFixes.For(whole.Model, Catalog, d))).Where(p => p.Item2.Count > 0).ToList();
                Assert.Equal(Describe(expected), Describe(fixes));
                quickFixes += fixes.Count;
            }
        }
        Assert.True(values > 100, $"{values} offsets with value actions");
        Assert.True(quickFixes > 20, $"{quickFixes} quick fixes compared");
        Assert.False(next.HasDocument);
    }

    [Fact]
    public void TryQuickFixes_DiagnosticOutsideTheWindow_Declined()
    {
        var text = WithFixableErrors;
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("MaxConnections=\"", text.Length / 3, StringComparison.Ordinal) + "MaxConnections=\"".Length;
        var next = IncrementalAnalyzer.Update(state, text.Insert(at, "7"), new TextSpan(at, 0));
        var window = KeyWindow.Over(next, new TextSpan(at, 0))!;
        var elsewhere = next.Diagnostics.First(d => d.Span.End < at - 2000 || d.Span.Start > at + 2000);

        Assert.False(window.TryQuickFixes([elsewhere], out _));
    }

    private static (string Text, TextSpan Span) RandomEdit(Random random, string text)
    {
        // Mostly inside a value, where incremental updates happen; sometimes anywhere (a full pass, a new base).
        int at;
        if (random.Next(8) != 0)
        {
            int quote = text.IndexOf("=\"", random.Next(text.Length), StringComparison.Ordinal);
            at = quote < 0 ? random.Next(text.Length + 1) : Math.Min(text.Length, quote + 2 + random.Next(4));
        }
        else
        {
            at = random.Next(text.Length + 1);
        }
        int remove = random.Next(4) == 0 ? Math.Min(text.Length - at, random.Next(5)) : 0;
        string insert = Snippets[random.Next(Snippets.Length)];
        return (text.Remove(at, remove).Insert(at, insert), new TextSpan(at, remove));
    }

    private static string MakeUnusual()
    {
        var text = LargeMetabaseGenerator.Generate(30_000, seed: 5);
        int server = text.IndexOf("<IIsWebServer", StringComparison.Ordinal);
        int firstBreak = text.IndexOf('\n', server) + 1;
        text = text.Insert(firstBreak, "\t<!-- a comment\r\n\t inside a key -->\r\n");
        int vdirEnd = text.IndexOf("</IIsWebVirtualDir>", text.Length / 2, StringComparison.Ordinal);
        text = text.Insert(vdirEnd, "\t<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/nested\"\r\n\t\tAccessFlags=\"AccessRead\"\r\n\t>\r\n\t</IIsWebDirectory>\r\n");
        int later = text.IndexOf("\r\n<", text.Length * 3 / 4, StringComparison.Ordinal) + 2;
        return text.Insert(later, "<!-- between\r\n keys -->\r\n");
    }

    /// <summary>The sample after <paramref name="keys"/> are pasted before its first SMTP domain, one incremental update on.</summary>
    private static IncrementalState PastedBeforeTheFirstDomain(string keys)
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        int at = text.IndexOf("<IIsSmtpDomain", StringComparison.Ordinal);
        return IncrementalAnalyzer.Update(IncrementalAnalyzer.Create(text, Catalog), text.Insert(at, keys), new TextSpan(at, 0));
    }

    private static void AssertSameAsWholeParse(IncrementalState state, SymbolTree? symbols, int cap = DocumentSymbols.DefaultMax)
    {
        Assert.NotNull(symbols);
        Assert.Equal(Describe(DocumentSymbols.Build(MetabaseModel.Build(SyntaxTree.Parse(state.Text)), cap)), Describe(symbols));
        Assert.False(state.HasDocument);
    }

    private static string Describe(SymbolTree tree)
    {
        var sb = new System.Text.StringBuilder($"{tree.Count} {tree.Capped}\n");
        void Add(IEnumerable<KeySymbol> symbols, int depth)
        {
            foreach (var symbol in symbols)
            {
                sb.Append(' ', depth * 2).Append($"{symbol.Name} {symbol.Detail} {symbol.Span} {symbol.SelectionSpan}\n");
                Add(symbol.Children, depth + 1);
            }
        }
        Add(tree.Symbols, 0);
        return sb.ToString();
    }

    private static string Describe(FoldingResult folds) =>
        $"{folds.Capped}\n" + string.Join("\n", folds.Ranges.Select(r => $"{r.StartLine}-{r.EndLine} {r.Span} {r.Kind}"));

    private static string Describe(IEnumerable<ValueAction> actions) =>
        string.Join("\n", actions.Select(a => $"{a.Title} {a.Kind} {Describe(a.Edits)}"));

    private static string Describe(IEnumerable<(MetabaseDiagnostic Diagnostic, IReadOnlyList<DiagnosticFix> Fixes)> fixes) =>
        string.Join("\n", fixes.Select(f => $"{f.Diagnostic.Code} {f.Diagnostic.Span}: " +
            string.Join("; ", f.Fixes.Select(x => $"{x.Title} {x.IsPreferred} {Describe(x.Edits)}"))));

    private static string Describe(IEnumerable<TextEdit> edits) => string.Join(",", edits.Select(e => $"{e.Span}={e.NewText}"));
}

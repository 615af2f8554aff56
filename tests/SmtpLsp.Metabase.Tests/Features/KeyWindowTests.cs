using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Features;

/// <summary>
/// Hover and completion from one key alone, right after a keystroke, must be what the whole document answers: every
/// offset of a generated metabase is asked both ways.
/// </summary>
public class KeyWindowTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;
    private static readonly string Generated = LargeMetabaseGenerator.Generate(60_000, seed: 7);

    [Fact]
    public void Window_EveryOffsetAfterAKeystroke_SameHoverAndCompletionAsWholeDocument()
    {
        var (state, text) = AfterKeystroke(Generated, "MaxConnections=\"", "7");
        var whole = MetabaseDocument.Create(text, Catalog);
        int answered = 0, declined = 0;
        for (int offset = 0; offset <= text.Length; offset++)
        {
            if (KeyWindow.At(state, offset) is not { } window) continue;
            foreach (bool markdown in new[] { false, true })
            {
                if (window.TryHover(offset, markdown, out var hover)) Assert.Equal(Describe(HoverService.GetHover(whole, offset, markdown)), Describe(hover));
                else declined++;
            }
            var options = new CompletionOptions();
            if (window.TryComplete(offset, options, out var completion))
                Assert.Equal(Describe(CompletionService.GetCompletions(whole, offset, options)), Describe(completion));
            else declined++;
            answered++;
        }
        // Most of the text is inside keys; key names are left to the whole document.
        Assert.True(answered > text.Length / 2, $"{answered} offsets answered by a window");
        Assert.True(declined > 0);
        Assert.False(state.HasDocument);
    }

    /// <summary>While a new property is typed its key holds a syntax error, and completion is asked at every keystroke.</summary>
    [Fact]
    public void Window_KeyWithAHalfTypedProperty_SameHoverAndCompletionAsWholeDocument()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.LastIndexOf("\r\n", Generated.IndexOf("ServerComment=\"", Generated.Length / 2, StringComparison.Ordinal), StringComparison.Ordinal);
        var text = Generated.Insert(at, "\r\n\t\tMaxBan");
        state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
        Assert.Equal(UpdateKind.Incremental, state.Kind);
        Assert.Contains(state.Diagnostics, d => d.Code == Metabase.Analysis.DiagnosticCodes.MalformedMarkup && d.Span.Start == at + 4);
        var whole = MetabaseDocument.Create(text, Catalog);
        int slot = state.Slots.Find(at);
        int answered = 0;
        for (int offset = state.Slots[slot].Start + 1; offset < state.Slots[slot].End; offset++)
        {
            var window = KeyWindow.At(state, offset)!;
            if (window.TryHover(offset, markdown: true, out var hover)) Assert.Equal(Describe(HoverService.GetHover(whole, offset, markdown: true)), Describe(hover));
            var options = new CompletionOptions();
            if (!window.TryComplete(offset, options, out var completion)) continue;
            Assert.Equal(Describe(CompletionService.GetCompletions(whole, offset, options)), Describe(completion));
            answered++;
        }
        Assert.True(answered > 100, $"{answered} offsets answered");
        var cursor = KeyWindow.At(state, at + 10)!;
        Assert.True(cursor.TryComplete(at + 10, new CompletionOptions(), out var atCursor));
        Assert.Contains(atCursor.Items, item => item.Label == "MaxBandwidth");
    }

    /// <summary>
    /// While a new key is typed its start tag stays open and it ends at the next key's '<'; the window must read it so
    /// too (a value left open ends at the same line), at every offset of every version typed.
    /// </summary>
    [Fact]
    public void Window_KeyBeingTyped_SameHoverAndCompletionAsWholeDocument()
    {
        int answered = 0;
        for (int seed = 0; seed < 6; seed++)
        {
            var state = IncrementalAnalyzer.Create(Generated, Catalog);
            foreach (var (text, span) in NewKeyTyping.Keystrokes(new Random(seed), Generated))
            {
                state = IncrementalAnalyzer.Update(state, text, span);
                int slot = state.Slots.Find(span.Start);
                if (state.Kind != UpdateKind.Incremental || slot < 0) continue;
                var whole = MetabaseDocument.Create(text, Catalog);
                for (int offset = state.Slots[slot].Start + 1; offset < state.Slots[slot].End; offset++)
                {
                    if (KeyWindow.At(state, offset) is not { } window) continue;
                    if (window.TryHover(offset, markdown: true, out var hover))
                        Assert.Equal(Describe(HoverService.GetHover(whole, offset, markdown: true)), Describe(hover));
                    var options = new CompletionOptions();
                    if (!window.TryComplete(offset, options, out var completion)) continue;
                    Assert.Equal(Describe(CompletionService.GetCompletions(whole, offset, options)), Describe(completion));
                    answered++;
                }
            }
        }
        Assert.True(answered > 1000, $"{answered} offsets answered");
    }

    /// <summary>
    /// Between two keys, where a key's '&lt;' was just typed on a line of its own (and stray text is left there), the
    /// window holds the key above and the text up to the next key: completion there is the whole document's.
    /// </summary>
    [Theory]
    [InlineData("<")]
    [InlineData("<IIs")]
    [InlineData("x <")]
    [InlineData("<\r\n\t<")]
    public void Window_BetweenKeysAfterAnAngleBracket_SameCompletionAsWholeDocument(string typed)
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("</IIsWebVirtualDir>\r\n", Generated.Length / 3, StringComparison.Ordinal) + "</IIsWebVirtualDir>\r\n".Length;
        var text = Generated.Insert(at, "\r\n").Insert(at, typed);
        state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
        Assert.Equal(UpdateKind.Incremental, state.Kind);
        var whole = MetabaseDocument.Create(text, Catalog);
        int answered = 0;
        for (int offset = at - 2; offset <= at + typed.Length + 2; offset++)
        {
            if (KeyWindow.At(state, offset) is not { } window) continue;
            var options = new CompletionOptions();
            if (!window.TryComplete(offset, options, out var completion)) continue;
            Assert.Equal(Describe(CompletionService.GetCompletions(whole, offset, options)), Describe(completion));
            answered++;
        }
        // Right after the '<' at least, where the key types are offered.
        int afterAngle = at + typed.IndexOf('<') + 1;
        Assert.True(KeyWindow.At(state, afterAngle)!.TryComplete(afterAngle, new CompletionOptions(), out var offered));
        Assert.Contains(offered.Items, item => item.Kind == CompletionItemKind.KeyType);
        Assert.True(answered >= 2, $"{answered} offsets answered");
    }

    [Fact]
    public void Window_VisibleLinesAfterAKeystroke_SameInlayHintsAsWholeDocument()
    {
        var (state, text) = AfterKeystroke(Generated, "AuthFlags=\"", "AuthMD5 | ");
        var whole = MetabaseDocument.Create(text, Catalog);
        var lines = new LineIndex(text);
        var random = new Random(11);
        int answered = 0, hints = 0;
        for (int i = 0; i < 400; i++)
        {
            // What an editor asks for: whole lines, a screenful or a few.
            int first = random.Next(lines.LineCount);
            int last = Math.Min(lines.LineCount - 1, first + random.Next(1, 200));
            var range = TextSpan.FromBounds(lines.GetLineStart(first), lines.GetOffset(new LinePosition(last, int.MaxValue)));
            if (KeyWindow.Over(state, range) is not { } window) continue;
            var expected = FlagInlayHints.Compute(whole.Model, Catalog, range);
            Assert.Equal(expected, window.InlayHints(range));
            answered++;
            hints += expected.Count;
        }
        Assert.True(answered > 300, $"{answered} of 400 ranges answered by a window");
        Assert.True(hints > 1000, $"{hints} hints compared");
        Assert.False(state.HasDocument);
    }

    [Fact]
    public void Over_RangeFromTheProlog_KeysItTouches()
    {
        var (state, text) = AfterKeystroke(Generated, "MaxConnections=\"", "7");
        var whole = MetabaseDocument.Create(text, Catalog);
        var screen = new TextSpan(0, 4000);

        var window = KeyWindow.Over(state, screen);

        Assert.NotNull(window);
        Assert.Equal(FlagInlayHints.Compute(whole.Model, Catalog, screen), window.InlayHints(screen));
        Assert.Null(KeyWindow.Over(state, TextSpan.FromBounds(text.Length - 10, text.Length))); // past the last key
    }

    [Fact]
    public void Over_CommentBetweenKeys_LeftToTheWholeDocument()
    {
        var text = Wrapped(FeatureFixture.SmtpServer("AuthFlags=\"AuthBasic\"").Replace("</IIsSmtpServer>\n", "</IIsSmtpServer>\n<!-- moved -->\n"));
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int server = text.IndexOf("AuthFlags", StringComparison.Ordinal);
        int virtualDir = text.IndexOf("<IIsSmtpVirtualDir", StringComparison.Ordinal) + 5;

        Assert.Null(KeyWindow.Over(state, TextSpan.FromBounds(server, virtualDir)));
        Assert.NotNull(KeyWindow.Over(state, TextSpan.FromBounds(server, server + 20)));
    }

    [Fact]
    public void Window_OnTheEditedValue_DecodesTheNewValue()
    {
        const string value = "SmtpInboundCommandSupportOptions=\"";
        var text = Wrapped(FeatureFixture.SmtpServer(value + "7697601\""));
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf(value, StringComparison.Ordinal) + value.Length;
        // 7697601 without 8BITMIME (4194304) is 3503297.
        var edited = text.Remove(at, 7).Insert(at, "3503297");
        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 7));
        Assert.Equal(UpdateKind.Incremental, next.Kind);

        var window = KeyWindow.At(next, at + 2)!;

        Assert.True(window.TryHover(at + 2, markdown: false, out var hover));
        Assert.Matches(@"\[ \] 8BITMIME", hover!.Content);
        Assert.Equal(new TextSpan(at, 7), hover.Span);
    }

    [Fact]
    public void Window_OnAKeyName_HoverLeftToTheWholeDocumentAndCompletionRankedByTheKeyAbove()
    {
        var text = Wrapped(FeatureFixture.SmtpServer("MaxConnections=\"20\""));
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int name = text.IndexOf("<IIsSmtpServer", StringComparison.Ordinal) + 3;
        int firstKeyName = text.IndexOf("<MBProperty>", StringComparison.Ordinal) + "<MBProperty>".Length;
        firstKeyName = text.IndexOf('<', firstKeyName) + 3;

        var window = KeyWindow.At(state, name)!;
        var first = KeyWindow.At(state, firstKeyName)!;

        // The hover on a key's name lists its parent, children and inherited values: other keys.
        Assert.False(window.TryHover(name, markdown: true, out _));
        // A key type's completion puts the types the key above allows first: the window holds that key.
        Assert.True(window.TryComplete(name, new CompletionOptions(), out var completion));
        var whole = CompletionService.GetCompletions(MetabaseDocument.Create(text, Catalog), name, new CompletionOptions());
        Assert.Equal(Describe(whole), Describe(completion));
        Assert.Contains(completion.Items, item => item.Detail?.StartsWith("key type (child of", StringComparison.Ordinal) == true);
        // The first key has none above it in the window, which cannot tell whether the document has one.
        Assert.False(first.TryComplete(firstKeyName, new CompletionOptions(), out _));
    }

    [Fact]
    public void Window_OutsideAnyKeyOrOnItsBoundary_None()
    {
        var text = Wrapped(FeatureFixture.SmtpServer("MaxConnections=\"20\""));
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int start = text.IndexOf("<IIsSmtpServer", StringComparison.Ordinal);
        int end = text.IndexOf("</IIsSmtpServer>", StringComparison.Ordinal) + "</IIsSmtpServer>".Length;

        Assert.Null(KeyWindow.At(state, 0));
        Assert.Null(KeyWindow.At(state, start));
        Assert.Null(KeyWindow.At(state, end));
        Assert.NotNull(KeyWindow.At(state, start + 1));
    }

    /// <summary>One character inserted after the first occurrence of <paramref name="after"/> past the middle, as a keystroke.</summary>
    private static (IncrementalState State, string Text) AfterKeystroke(string text, string after, string typed)
    {
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf(after, text.Length / 2, StringComparison.Ordinal) + after.Length;
        var edited = text.Insert(at, typed);
        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));
        Assert.Equal(UpdateKind.Incremental, next.Kind);
        return (next, edited);
    }

    private static string Wrapped(string keys) => FeatureFixture.Head + keys + FeatureFixture.Tail;

    private static string Describe(HoverResult? hover) => hover is null ? "(none)" : $"{hover.Span} {hover.Content}";

    private static string Describe(CompletionResult result) =>
        $"{result.ReplaceSpan} {result.IsIncomplete}\n" + string.Join("\n", result.Items.Select(i =>
            $"{i.Label} {i.Kind} {i.InsertText} {i.IsSnippet} {i.Detail} {i.SortText} {i.FilterText} {i.Documentation}"));
}

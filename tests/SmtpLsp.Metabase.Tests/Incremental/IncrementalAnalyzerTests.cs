using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Incremental;

public class IncrementalAnalyzerTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;
    private static readonly string Generated = LargeMetabaseGenerator.Generate(40_000, seed: 11);
    private static readonly string ExchangeManaged = File.ReadAllText(GoldenPath("exchange-managed.xml"));

    // What an editor types: value text, quotes and brackets that move structure, entities, whole attributes, Locations.
    private static readonly string[] Snippets =
    [
        "x", "1", "9", " ", "|", "\r\n\t\t\t", "\"", "'", "<", ">", "/>", "</", "&amp;", "&bogus;", "&#47;",
        " AuthFlags=\"AuthBad\"", " MaxConnections=\"99999999999\"", " Bogus=\"1\"", "Location =\"/LM/W3SVC/1\"",
        "/LM/SmtpSvc/1", "/LM/W3SVC/2/ROOT", "<!-- c -->", "</IIsWebServer>", "<Custom Name=\"A\" ID=\"1\" Value=\"1\" Type=\"DWORD\"/>",
        " | AuthNTLM", "TRUE", "FALSE", "4294967295", "-1",
        // Half-typed markup inside a key, and markup that reaches outside it.
        " Foo", " Foo=", " Foo=bar", "=\"", " MaxConnections=\"1", "<Custom Name=\"A\"", "</Custom>", "<?pi?>", "<?pi",
        "</MBProperty>", "</configuration>", "<!DOCTYPE x [ \"", "<![CDATA[", "<!--", "-->", "<!x>", "&", "]]>",
    ];

    [Theory]
    [InlineData("MetaBase.xml")]
    [InlineData("MetaBase-with-errors.xml")]
    public void Create_Sample_EqualsFullAnalysis(string sample)
    {
        var text = Fixture.ReadSample(sample);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        Assert.Equal(UpdateKind.Full, state.Kind);
        Assert.Equal(Describe(Full(text)), Describe(state.Diagnostics));
    }

    [Fact]
    public void Update_KeystrokeInsideValue_ReanalysesOneKeyAndMatchesFull()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("MaxConnections=\"", 5000, StringComparison.Ordinal) + "MaxConnections=\"".Length;
        var text = Generated.Insert(at, "x");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.DwordNotANumber && d.Span.Start == at);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_AngleBracketBreaksStartTag_ReadAgainFromTheKeyAboveAndMatches()
    {
        // The start tag ends at the '<', and the name after it starts another key: the key is no longer one element,
        // so the text from the key above to the next key is read again.
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("ServerComment=\"", 5000, StringComparison.Ordinal);
        var text = Generated.Insert(at, "<");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    /// <summary>Typing a new property: each keystroke leaves a syntax error inside the key until the value is quoted.</summary>
    [Fact]
    public void Update_TypingANewProperty_StaysIncrementalWithItsSyntaxErrors()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        // At the end of the line before ServerComment, as a user adds a line for a new property.
        int at = Generated.LastIndexOf("\r\n", Generated.IndexOf("ServerComment=\"", 5000, StringComparison.Ordinal), StringComparison.Ordinal);
        var text = Generated;
        var kinds = new List<UpdateKind>();
        foreach (char typed in "\r\n\t\tMaxBandwidth=\"7\"")
        {
            text = text.Insert(at, typed.ToString());
            state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
            at++;
            kinds.Add(state.Kind);
            Assert.Equal(Describe(Full(text)), Describe(state.Diagnostics));
            if (typed == 'M') Assert.Contains(state.Diagnostics, d => d.Code == DiagnosticCodes.MalformedMarkup && d.Span == new TextSpan(at - 1, 1));
        }

        Assert.All(kinds, kind => Assert.Equal(UpdateKind.Incremental, kind));
        Assert.DoesNotContain(state.Diagnostics, d => d.Code == DiagnosticCodes.MalformedMarkup);
    }

    [Fact]
    public void Create_KeyWithAHalfTypedProperty_NextKeystrokeIncremental()
    {
        int at = Generated.IndexOf("ServerComment=\"", 5000, StringComparison.Ordinal);
        var text = Generated.Insert(at, "MaxBand\r\n\t\t");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        Assert.Contains(state.Diagnostics, d => d.Code == DiagnosticCodes.MalformedMarkup && d.Span.Start == at);

        text = text.Insert(at + 7, "w");
        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at + 7, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Theory]
    [InlineData("</MBProperty>")]
    [InlineData("<?pi?>")]
    [InlineData("<!--")]
    public void Update_MarkupReachingOutsideTheKey_FallsBackToFull(string typed)
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("ServerComment=\"", 5000, StringComparison.Ordinal);
        at = Generated.IndexOf('>', at) + 1; // among the key's children
        var text = Generated.Insert(at, typed);

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Full, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_LocationMadeDuplicate_RecomputesCrossKeyRules()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        const string target = "Location =\"/LM/W3SVC/3\"";
        int at = Generated.IndexOf(target, StringComparison.Ordinal) + "Location =\"/LM/W3SVC/".Length;
        var text = Generated.Remove(at, 1).Insert(at, "2");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 1));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateLocation);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_ParentLocationRenamed_ChildrenReportedWithoutAFullPass()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        const string target = "Location =\"/LM/W3SVC/3\"";
        int at = Generated.IndexOf(target, StringComparison.Ordinal) + target.Length - 1;
        var text = Generated.Insert(at, "0");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ParentKeyMissing && d.Message.Contains("'/LM/W3SVC/3'"));
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_ParentRenamedUnderAChildWrittenWithADoubleSlash_ChildReported()
    {
        // "/LM/W3SVC/1//ROOT" has the parent path "/LM/W3SVC/1/", which the parent rule looks up normalised.
        var text = Generated.Replace("Location =\"/LM/W3SVC/1/ROOT\"", "Location =\"/LM/W3SVC/1//ROOT\"", StringComparison.Ordinal);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("Location =\"/LM/W3SVC/1\"", StringComparison.Ordinal) + "Location =\"/LM/W3SVC/1".Length;
        var renamed = text.Insert(at, "x");

        var next = IncrementalAnalyzer.Update(state, renamed, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ParentKeyMissing && d.Message.Contains("'/LM/W3SVC/1//ROOT'"));
        Assert.Equal(Describe(Full(renamed)), Describe(next.Diagnostics));
    }

    [Theory]
    [InlineData("\r\n", 0)]      // Enter after an end tag, where a new key is about to be typed
    [InlineData("", 2)]            // the line break between two keys removed
    [InlineData("\r\n\t ", 2)]  // replaced by other whitespace
    public void Update_WhitespaceBetweenKeys_StaysIncrementalAndEveryLaterDiagnosticMoves(string typed, int removed)
    {
        // A misspelt flag after the edit, so some diagnostic has to move.
        var text = Generated.Replace("AccessFlags=\"AccessRead\"", "AccessFlags=\"AccessRaed\"", StringComparison.Ordinal);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("</IIsWebVirtualDir>\r\n", 1000, StringComparison.Ordinal) + "</IIsWebVirtualDir>".Length;
        var edited = text.Remove(at, removed).Insert(at, typed);

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, removed));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Span.Start > at);
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_WhitespaceAfterAKeyThatRecoveryEnded_ReadWithTheKeyAndMatchesFull()
    {
        // The Location's quote is never closed: recovery ends the value at the line break before the Custom element
        // and the key right before its '<', and the Custom element stands as a slot of its own. Whitespace typed
        // before that '<' makes the next line blank, so the value runs on to the line after it.
        const string text = "<configuration>\r\n<MBProperty>\r\n" +
                            "<IIsWebService\tLocation =\"/LM/W3SVC\"\r\n\t>\r\n</IIsWebService>\r\n" +
                            "<IIsWebServer\tLocation =\"\r\n\t<Custom Name=\"B\" ID=\"2\" Value=\"2\" Type=\"DWORD\"/>\r\n" +
                            "<IIsWebServer\tLocation =\"/LM/W3SVC/2\"\r\n\t>\r\n</IIsWebServer>\r\n</MBProperty>\r\n</configuration>\r\n";
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("<Custom", StringComparison.Ordinal);
        var edited = text.Insert(at, "\r\n\t\t\t");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        // Not as whitespace between keys: the key before grows by it and is read again.
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_AngleBracketTypedBetweenKeys_StaysIncrementalAndMatches()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("</IIsWebVirtualDir>\r\n", 1000, StringComparison.Ordinal) + "</IIsWebVirtualDir>\r\n".Length;
        var edited = Generated.Insert(at, "<");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.MalformedMarkup && d.Span.Start == at);
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_KeyPastedBetweenKeys_StaysIncrementalAndTheDuplicateIsReported()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int start = Generated.IndexOf("\n<IIsWebVirtualDir", 5000, StringComparison.Ordinal) + 1;
        int end = Generated.IndexOf("</IIsWebVirtualDir>\r\n", start, StringComparison.Ordinal) + "</IIsWebVirtualDir>\r\n".Length;
        var key = Generated[start..end];
        int at = Generated.IndexOf("\n<IIsWebServer", end + 20_000, StringComparison.Ordinal) + 1;
        var pasted = Generated.Insert(at, key);

        var next = IncrementalAnalyzer.Update(state, pasted, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateLocation && d.Span.Start > at);
        Assert.Equal(Describe(Full(pasted)), Describe(next.Diagnostics));
        // Typing in the pasted key's Location afterwards is incremental too: the duplicate goes away.
        int location = pasted.IndexOf("Location =\"", at, StringComparison.Ordinal) + "Location =\"".Length;
        var renamed = pasted.Insert(location + 5, "x");
        var after = IncrementalAnalyzer.Update(next, renamed, new TextSpan(location + 5, 0));
        Assert.Equal(UpdateKind.Incremental, after.Kind);
        Assert.Equal(Describe(Full(renamed)), Describe(after.Diagnostics));
    }

    [Fact]
    public void Update_KeyWithKeysBelowDeleted_StaysIncrementalAndTheyLoseTheirParent()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int start = Generated.IndexOf("\n<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/3/ROOT\"", StringComparison.Ordinal) + 1;
        int end = Generated.IndexOf("</IIsWebVirtualDir>\r\n", start, StringComparison.Ordinal) + "</IIsWebVirtualDir>\r\n".Length;
        var deleted = Generated.Remove(start, end - start);

        var next = IncrementalAnalyzer.Update(state, deleted, new TextSpan(start, end - start));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ParentKeyMissing);
        Assert.Equal(Describe(Full(deleted)), Describe(next.Diagnostics));
    }

    /// <summary>
    /// Keys pasted in bulk, with parents missing: each is judged alone and the Location rules ask about every one (an
    /// index by hash keeps that linear); past a thousand keys one full pass is cheaper.
    /// </summary>
    [Theory]
    [InlineData(1000, UpdateKind.Incremental)]
    [InlineData(1001, UpdateKind.Full)]
    public void Update_ManyKeysPastedAtOnce_MatchesFullAndFallsBackPastAThousand(int count, UpdateKind kind)
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("<IIsSmtpDomain", StringComparison.Ordinal);
        var keys = string.Concat(Enumerable.Range(0, count).Select(i => $"<IIsWebVirtualDir Location=\"/LM/W3SVC/1/ROOT/p{i % 700}/x\"/>\n"));
        var pasted = text.Insert(at, keys);

        var next = IncrementalAnalyzer.Update(state, pasted, new TextSpan(at, 0));

        Assert.Equal(kind, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateLocation);
        Assert.Equal(Describe(Full(pasted)), Describe(next.Diagnostics));
    }

    /// <summary>
    /// A note at the top of the section (after its start tag, before the first key) or at its end (after the last key):
    /// typing in it is incremental too.
    /// </summary>
    [Theory]
    [InlineData("<MBProperty>\n", "<!-- edited by hand on 2026-11-29 -->\n")]
    [InlineData("</IIsSmtpVirtualDir>\n", "<!-- end of the SMTP keys -->\n")]

    public void Update_TypingInACommentAtTheSectionsStartOrEnd_IncrementalAndMatches(string after, string comment)
    {
        var sample = Fixture.ReadSample("MetaBase-with-errors.xml");
        int place = sample.LastIndexOf(after, StringComparison.Ordinal) + after.Length;
        var text = sample.Insert(place, comment);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = place + comment.IndexOf(" -->", StringComparison.Ordinal);

        foreach (var typed in new[] { " by", "\n   the administrator" })
        {
            text = text.Insert(at, typed);
            state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
            at += typed.Length;
            Assert.Equal(UpdateKind.Incremental, state.Kind);
            Assert.Equal(Describe(Full(text)), Describe(state.Diagnostics));
        }
    }

    /// <summary>Blank lines typed and removed between the section's start tag and its first key: only what follows moves.</summary>
    [Fact]
    public void Update_BlankLinesBeforeTheFirstKey_IncrementalAndMatches()
    {
        var text = Fixture.ReadSample("MetaBase-with-errors.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("<MBProperty>", StringComparison.Ordinal) + "<MBProperty>".Length;

        foreach (var (span, typed) in new[] { (new TextSpan(at, 0), "\n\n  "), (new TextSpan(at, 3), "") })
        {
            text = text.Remove(span.Start, span.Length).Insert(span.Start, typed);
            state = IncrementalAnalyzer.Update(state, text, span);
            Assert.Equal(UpdateKind.Incremental, state.Kind);
            Assert.Equal(Describe(Full(text)), Describe(state.Diagnostics));
        }
    }

    /// <summary>A closed comment pasted between keys draws nothing and swallows nothing: the keys after it only move.</summary>
    [Fact]
    public void Update_ClosedCommentPastedBetweenKeys_IncrementalAndMatches()
    {
        var text = Fixture.ReadSample("MetaBase-with-errors.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("\n<IIsSmtpVirtualDir", StringComparison.Ordinal) + 1;
        var edited = text.Insert(at, "<!-- moved from /LM/SmtpSvc/2 on 2026-11-29\n     -- see the change log -->\n");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateLocation);
    }


    /// <summary>
    /// An editor's block comment toggled over a whole key, then off again: one change each, from the key's '&lt;' to
    /// its end tag's '&gt;'. The key goes and comes back; nothing else moves but its offsets.
    /// </summary>
    [Theory]
    [InlineData("MetaBase.xml", "\n<IIsSmtpVirtualDir", "</IIsSmtpVirtualDir>")]
    [InlineData("MetaBase-with-errors.xml", "\n<IIsSmtpVirtualDir", "</IIsSmtpVirtualDir>")]
    [InlineData("MetaBase.xml", "\n<IIsSmtpServer", "</IIsSmtpServer>")]
    public void Update_BlockCommentToggledOverAKey_IncrementalAndMatches(string sample, string keyStart, string endTag)
    {
        var text = Fixture.ReadSample(sample);
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int start = text.IndexOf(keyStart, StringComparison.Ordinal) + 1;
        int end = text.IndexOf(endTag, start, StringComparison.Ordinal) + endTag.Length;
        var key = text[start..end];

        var commented = text[..start] + "<!-- " + key + " -->" + text[end..];
        var off = IncrementalAnalyzer.Update(state, commented, new TextSpan(start, key.Length));
        Assert.Equal(UpdateKind.Incremental, off.Kind);
        Assert.Equal(Describe(Full(commented)), Describe(off.Diagnostics));

        var back = IncrementalAnalyzer.Update(off, text, new TextSpan(start, key.Length + "<!--  -->".Length));
        Assert.Equal(UpdateKind.Incremental, back.Kind);
        Assert.Equal(Describe(Full(text)), Describe(back.Diagnostics));
    }
    [Theory]
    [InlineData("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/9/inner\"\r\n\t>\r\n</IIsSmtpServer>\r\n")] // detection would ask about /LM/SmtpSvc/9
    [InlineData("<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\r\n\t>\r\n</IIsSmtpService>\r\n")] // a key at a path detection asks about
    [InlineData("<!-- a comment\r\n")] // a comment left open swallows what follows
    [InlineData("</MBProperty>\r\n<MBProperty>\r\n")] // splits the section
    public void Update_TextBetweenKeysThatReachesPastItself_FallsBackToFullAndMatches(string pasted)
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("\n<IIsSmtpVirtualDir", StringComparison.Ordinal) + 1;
        var edited = text.Insert(at, pasted.Replace("\r\n", text.Contains("\r\n") ? "\r\n" : "\n"));

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Full, next.Kind);
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_KeyWithoutItsEndTagPastedBetweenKeys_StaysIncrementalAndEndsBeforeTheNextKey()
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("\n<IIsSmtpVirtualDir", StringComparison.Ordinal) + 1;
        var edited = text.Insert(at, "<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/open\"\r\n\t>\r\n".Replace("\r\n", text.Contains("\r\n") ? "\r\n" : "\n"));

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.MissingEndTag && d.Message.Contains("at the end of the key", StringComparison.Ordinal));
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_KeyPastedInsideAKey_SaysKeysNeverNestAsAFullAnalysisDoes()
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("</IIsSmtpServer>", StringComparison.Ordinal);
        string eol = text.Contains("\r\n") ? "\r\n" : "\n";
        var edited = text.Insert(at, $"<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/nested\"{eol}\t>{eol}</IIsSmtpDomain>{eol}");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(2, next.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("keys never nest", StringComparison.Ordinal)));
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    /// <summary>
    /// Keys pasted and deleted between keys, mixed with Location keystrokes, new keys' first characters and stray text,
    /// sometimes after the idle build: every version equals a full analysis, and most pastes and deletions are incremental.
    /// </summary>
    [Fact]
    public void Update_RandomKeysPastedAndDeleted_EqualFullReanalysis()
    {
        int blockEdits = 0, incremental = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed % 3) switch
            {
                0 => Fixture.ReadSample("MetaBase-with-errors.xml"),
                1 => WebExport,
                _ => Generated,
            };
            var state = IncrementalAnalyzer.Create(text, Catalog);
            for (int step = 0; step < 12; step++)
            {
                text = state.Text;
                int kind = random.Next(6);
                var edit = kind switch
                {
                    < 3 => KeyBlockEdits.Random(random, text),
                    3 => LocationEdits.Random(random, text),
                    4 => StrayCharacters(random, text),
                    _ => null,
                } ?? RandomEdit(random, text);
                state = random.Next(4) == 0 ? IncrementalAnalyzer.Update(state, edit.Text) : IncrementalAnalyzer.Update(state, edit.Text, edit.Span);
                if (random.Next(5) == 0) _ = state.Document;
                if (kind < 3)
                {
                    Interlocked.Increment(ref blockEdits);
                    if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                }
                AssertSameAsFull(state, edit.Text, $"seed {seed} step {step} ({state.Kind}) edit at {edit.Span}");
            }
        }, iter: 60);
        Assert.True(incremental * 2 > blockEdits, $"only {incremental} of {blockEdits} pastes and deletions were incremental");
    }

    /// <summary>
    /// Typing in comments between keys, and around them: every version equals a full analysis, and keystrokes inside a
    /// comment are incremental (but a comment closed early or opened swallows or frees what follows: full passes).
    /// </summary>
    [Fact]
    public void Update_RandomEditsInCommentsBetweenKeys_EqualFullReanalysis()
    {
        int inside = 0, incremental = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var state = IncrementalAnalyzer.Create(seed % 2 == 0 ? Commented : CommentEdits.WithComments(Fixture.ReadSample("MetaBase-with-errors.xml"), 2), Catalog);
            for (int step = 0; step < 12; step++)
            {
                var text = state.Text;
                var edit = CommentEdits.Random(random, text) ?? RandomEdit(random, text);
                bool typedInside = IsInsideAComment(text, edit.Span);
                state = IncrementalAnalyzer.Update(state, edit.Text, edit.Span);
                if (random.Next(5) == 0) _ = state.Document;
                if (typedInside)
                {
                    Interlocked.Increment(ref inside);
                    if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                }
                AssertSameAsFull(state, edit.Text, $"seed {seed} step {step} ({state.Kind}) edit at {edit.Span}");
            }
        }, iter: 60);
        Assert.True(inside > 100, $"{inside} edits inside comments");
        // Many typed snippets hold a "-->" that ends the comment early, and the first key's comment is before any key.
        Assert.True(incremental * 3 > inside, $"only {incremental} of {inside} edits inside comments were incremental");
    }

    private static readonly string Commented = CommentEdits.WithComments(LargeMetabaseGenerator.Generate(6_000, seed: 4), 3);

    /// <summary>True when the span lies strictly between a comment's "&lt;!--" and its "--&gt;".</summary>
    private static bool IsInsideAComment(string text, TextSpan span)
    {
        int open = text.LastIndexOf("<!--", Math.Max(0, span.Start - 4), StringComparison.Ordinal);
        if (open < 0) return false;
        int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
        return close >= 0 && span.Start >= open + 4 && span.End <= close;
    }

    /// <summary>A few characters of a key's start typed at the start of some key's line: '&lt;', a name, stray text.</summary>
    private static (string Text, TextSpan Span)? StrayCharacters(Random random, string text)
    {
        int line = text.IndexOf("\n<", random.Next(text.Length), StringComparison.Ordinal);
        if (line < 0) return null;
        string[] typed = ["<", "<I", "<IIsWebDirectory ", "<IIsWebDirectory Location=\"/LM/W3SVC/1/ROOT/t", "x", "<\r\n", "&amp;", "</IIsWebDirectory>\r\n"];
        return (text.Insert(line + 1, typed[random.Next(typed.Length)]), new TextSpan(line + 1, 0));
    }

    [Fact]
    public void Update_LocationOfAKeyAboveAnSmtpServer_FallsBackToFullAndMatches()
    {
        var state = IncrementalAnalyzer.Create(ExchangeManaged, Catalog);
        int at = ExchangeManaged.IndexOf("Location =\"/LM/SmtpSvc\"", StringComparison.Ordinal) + "Location =\"/LM/".Length;
        var text = ExchangeManaged.Insert(at, "x");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        // Exchange detection reads the keys above each SMTP server by Location; those hints need every key.
        Assert.Equal(UpdateKind.Full, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    /// <summary>
    /// A key typed by hand, a character at a time: while its start tag is open it ends at the next key's '<', and its
    /// keystrokes stay incremental from its second character until the '>'; every version equals a full analysis.
    /// </summary>
    [Fact]
    public void Update_NewKeyTypedCharacterByCharacter_EqualFullReanalysisAndMostlyIncremental()
    {
        int keystrokes = 0, incremental = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed % 3) switch
            {
                0 => Fixture.ReadSample("MetaBase.xml"),
                1 => ExchangeManaged,
                _ => Generated,
            };
            var state = IncrementalAnalyzer.Create(text, Catalog);
            foreach (var (newText, span) in NewKeyTyping.Keystrokes(random, text))
            {
                state = random.Next(3) == 0 ? IncrementalAnalyzer.Update(state, newText) : IncrementalAnalyzer.Update(state, newText, span);
                if (random.Next(8) == 0) _ = state.Document;
                Interlocked.Increment(ref keystrokes);
                if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                AssertSameAsFull(state, newText, $"seed {seed} edit at {span} ({state.Kind})");
            }
        }, iter: 30);
        Assert.True(keystrokes > 1000, $"{keystrokes} keystrokes");
        Assert.True(incremental * 4 > keystrokes * 3, $"only {incremental} of {keystrokes} keystrokes were incremental");
    }

    /// <summary>
    /// Once its start tag is closed, a key being typed ends before the next key (never closed) until its end tag is
    /// typed, so the rest of the document reads as before and every keystroke up to the end tag's '>' stays incremental.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("<Custom Name=\"c\" ID=\"9999\" Value=\"1\" Type=\"DWORD\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\r\n")]
    public void Update_NewKeyTypedThroughItsEndTag_EveryKeystrokeAfterItsNameIncremental(string custom)
    {
        string key = "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/typed\"\r\n\t\tPath=\"C:\\web\"\r\n\t>\r\n" + custom + "</IIsWebVirtualDir>";
        var text = Generated;
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("</IIsWebVirtualDir>\r\n", text.Length / 2, StringComparison.Ordinal) + "</IIsWebVirtualDir>".Length;
        text = text.Insert(at, "\r\n");
        state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        state = TypeAndCompare(state, at + 2, key, out var full);

        Assert.True(full.Count == 0, "full passes after: " + string.Join(" | ", full));
        Assert.DoesNotContain(state.Diagnostics, d => d.Code == DiagnosticCodes.MissingEndTag);
    }

    /// <summary>
    /// A key appended after the last key, before MBProperty's end tag, where administrators often add one: its '<' and
    /// start tag are read as text after the last key, and after its '>' it ends at the section's end tag as it would
    /// before another key, so every keystroke stays incremental.
    /// </summary>
    [Fact]
    public void Update_NewKeyTypedAfterTheLastKey_EveryKeystrokeIncrementalAndMatchesFull()
    {
        // Enter at the end of the last key's end tag, then the key.
        const string Key = "\r\n<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/last\"\r\n\t\tPath=\"C:\\web\"\r\n\t>\r\n</IIsWebVirtualDir>";
        var state = IncrementalAnalyzer.Create(Generated, Catalog);

        TypeAndCompare(state, Generated.LastIndexOf("</MBProperty>", StringComparison.Ordinal) - 2, Key, out var full);

        Assert.True(full.Count == 0, "full passes after: " + string.Join(" | ", full));
    }

    /// <summary>
    /// Types <paramref name="typed"/> at <paramref name="at"/> a character at a time (a line break as one change),
    /// checking every version against a full analysis; <paramref name="full"/> gets the text typed up to each
    /// keystroke that was a full pass.
    /// </summary>
    private static IncrementalState TypeAndCompare(IncrementalState state, int at, string typed, out List<string> full)
    {
        full = [];
        var text = state.Text;
        for (int i = 0; i < typed.Length; i++)
        {
            int length = typed[i] == '\r' ? 2 : 1;
            text = text.Insert(at, typed.Substring(i, length));
            state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
            at += length;
            i += length - 1;
            if (state.Kind != UpdateKind.Incremental) full.Add(typed[Math.Max(0, i - 11)..(i + 1)].Replace("\r\n", " "));
            AssertSameAsFull(state, text, $"after {typed[..(i + 1)]}");
        }
        return state;
    }

    [Fact]
    public void Update_QuotedStringInAKeyBeingTypedRunsPastItsEnd_FallsBackToFullAndMatches()
    {
        // The start tag ends at "<?pi?>" in place. With "LM" and the line break removed, the stray quote after "0" looks
        // for its closing quote on its line, past that '<' in place; alone the line would end with the text.
        var text = TwoAtOnePath.Replace("<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"",
            "<IIsComputer\tLocation =\"/LM\"\n\t\tEnableEditWhileRunning=\"0\"<?pi?>ableHistory=\"1\"\n<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("\"/LM\"\n", StringComparison.Ordinal) + 2;
        var edited = text.Remove(at, 5);

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 5));

        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Theory]
    [InlineData("<!-- a note")]
    [InlineData("<![CDATA[ x")]
    [InlineData("<!x")]
    public void Update_MarkupLeftOpenInAKeyBeingTyped_EveryVersionMatchesFull(string typed)
    {
        // After its '>' the key ends before the next key; a comment, CDATA or declaration left open in it runs on past it in place.
        var text = TwoAtOnePath.Replace("<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"",
            "<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/typed\">\n\n<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("/typed\">\n", StringComparison.Ordinal) + "/typed\">\n".Length;
        foreach (char c in typed)
        {
            text = text.Insert(at, c.ToString());
            state = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));
            at++;
            AssertSameAsFull(state, text, $"after {typed}");
        }
    }

    [Fact]
    public void Update_ValueOpenedInAKeyBeingTypedRunsPastItsEnd_NotReadAloneAndMatchesFull()
    {
        // The key being typed ends at a stray '<' in place. With the quote after "a" removed, its value runs over the
        // line break (the next line does not start like tag content) and past that '<' to the quote of "d"; alone,
        // with the '<' SlotParse adds, the search would reach the end of the text and end the value at the line break.
        var text = TwoAtOnePath.Replace("<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"",
            "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/typed\" Path=\"a\"\n\tb<'x \"d\"\n<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int quote = text.IndexOf("Path=\"a\"", StringComparison.Ordinal) + "Path=\"a".Length;
        var typed = text.Remove(quote, 1);
        var halfway = IncrementalAnalyzer.Update(state, text.Insert(quote, "c"), new TextSpan(quote, 0));
        Assert.Equal(UpdateKind.Incremental, halfway.Kind); // the key being typed parses alone, ending at the '<'

        var next = IncrementalAnalyzer.Update(state, typed, new TextSpan(quote, 1));

        // Not alone: read again with the text around it up to the key above, or wholly.
        Assert.Equal(Describe(Full(typed)), Describe(next.Diagnostics));
    }

    private const string TwoAtOnePath = """
        <?xml version ="1.0"?>
        <configuration>
        <MBProperty>
        <IIsWebService	Location ="/LM/W3SVC"
        	>
        </IIsWebService>
        <IIsWebVirtualDir	Location ="/LM/W3SVC/1/ROOT"
        	AccessFlags="AccessRead"
        	>
        </IIsWebVirtualDir>
        <IIsWebDirectory	Location ="/LM/W3SVC/1/ROOT/"
        	>
        </IIsWebDirectory>
        <IIsWebDirectory	Location ="/LM/W3SVC/1/ROOT/images"
        	>
        </IIsWebDirectory>
        </MBProperty>
        </configuration>
        """;

    [Theory]
    [InlineData("<IIsWebDirectory Location=\"/LM/W3SVC/1/ROOT/inner\"/>")]
    [InlineData("<Custom Name=\"c\" ID=\"1\"/><Other/>")]
    public void Update_ElementOtherThanCustomTypedInsideAKey_EndsTheKeyThereAsInPlace(string typed)
    {
        // In place the element starts the next key and the key before it is never closed; alone the key would hold it.
        var state = IncrementalAnalyzer.Create(TwoAtOnePath, Catalog);
        int at = TwoAtOnePath.IndexOf("AccessFlags=\"AccessRead\"", StringComparison.Ordinal);
        at = TwoAtOnePath.IndexOf('>', at) + 1;
        var text = TwoAtOnePath.Insert(at, typed);

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.MissingEndTag);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_TextTypedAfterAKeyWithoutItsEndTagThatEndsInAStrayGreaterThan_MatchesFull()
    {
        // The key ends before the next key, and its last character is a '>' of its content, not its own: what is
        // typed after that '>' is still in the key.
        var text = TwoAtOnePath.Replace("</IIsWebDirectory>\n<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"",
            "\n>" + "<IIsWebDirectory\tLocation =\"/LM/W3SVC/1/ROOT/images\"");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("\n><", StringComparison.Ordinal) + 2;
        var edited = text.Insert(at, " \"");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.StrayText && d.Span.Length == 3);
        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Theory]
    [InlineData("?>")]
    [InlineData(">")]
    public void Update_PiEndTypedFarAfterAnUnclosedPi_MatchesFull(string typed)
    {
        // The parser looks for one "?>" after the first processing instruction left open, however far: the one typed
        // in a later key's value ends it there, and everything between is inside it.
        var text = TwoAtOnePath.Replace("</IIsWebService>", "<?note\n</IIsWebService>").Replace("AccessFlags=\"AccessRead\"", "AccessFlags=\"AccessRead?\"");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        Assert.Contains(state.Diagnostics, d => d.Code == DiagnosticCodes.UnterminatedTag);
        int at = text.IndexOf("AccessRead?", StringComparison.Ordinal) + "AccessRead".Length + 2 - typed.Length;
        var edited = text.Insert(at, typed);

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(Describe(Full(edited)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_KeyTypeRenamedInBothTags_StaysIncrementalAndTheDuplicateNamesTheNewType()
    {
        var state = IncrementalAnalyzer.Create(TwoAtOnePath, Catalog);
        Assert.Contains(state.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateLocation && d.Message.Contains("the IIsWebVirtualDir key before it"));
        int start = TwoAtOnePath.IndexOf("<IIsWebVirtualDir", StringComparison.Ordinal) + 1;
        int end = TwoAtOnePath.IndexOf("</IIsWebVirtualDir>", StringComparison.Ordinal) + "</IIsWebVirtualDir".Length;
        // One change over both tags, as a replace or an editor's linked tag editing sends it.
        var text = TwoAtOnePath[..start] + "IIsWebDirectory" + TwoAtOnePath[(start + "IIsWebVirtualDir".Length)..(end - "IIsWebVirtualDir".Length)]
            + "IIsWebDirectory" + TwoAtOnePath[end..];

        var next = IncrementalAnalyzer.Update(state, text, TextSpan.FromBounds(start, end));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateLocation && d.Message.Contains("the IIsWebDirectory key before it"));
    }

    /// <summary>
    /// A key type renamed a tag at a time: while the start tag's name is changed the end tag matches nothing, so the key
    /// runs on to the next key (over the line break after it) until the end tag is changed too; every keystroke stays
    /// incremental.
    /// </summary>
    [Fact]
    public void Update_KeyTypeRenamedOneTagAtATime_EveryKeystrokeIncrementalAndMatchesFull()
    {
        var text = Generated;
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int start = text.IndexOf("\n<IIsWebVirtualDir", text.Length / 2, StringComparison.Ordinal) + 1 + "<IIsWebVirtualDir".Length;
        var versions = new List<(string Text, TextSpan Span)>();
        foreach (char c in "X")
        {
            text = text.Insert(start, c.ToString());
            versions.Add((text, new TextSpan(start, 0)));
        }
        Assert.Contains(MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), Catalog), d => d.Code == DiagnosticCodes.MissingEndTag);
        int end = text.IndexOf("</IIsWebVirtualDir>", start, StringComparison.Ordinal) + "</IIsWebVirtualDir".Length;
        text = text.Insert(end, "X");
        versions.Add((text, new TextSpan(end, 0)));
        // And back: the end tag first this time.
        text = text.Remove(end, 1);
        versions.Add((text, new TextSpan(end, 1)));
        text = text.Remove(start, 1);
        versions.Add((text, new TextSpan(start, 1)));

        foreach (var (version, span) in versions)
        {
            state = IncrementalAnalyzer.Update(state, version, span);
            Assert.Equal(UpdateKind.Incremental, state.Kind);
            AssertSameAsFull(state, version, $"edit at {span}");
        }
    }

    [Fact]
    public void Update_LocationAttributeMisspeltOnAParent_StaysIncrementalAndTheChildLosesIt()
    {
        var state = IncrementalAnalyzer.Create(TwoAtOnePath, Catalog);
        Assert.DoesNotContain(state.Diagnostics, d => d.Code == DiagnosticCodes.ParentKeyMissing && d.Message.Contains("images"));
        int at = TwoAtOnePath.IndexOf("Location =\"/LM/W3SVC/1/ROOT\"", StringComparison.Ordinal);
        var text = TwoAtOnePath.Remove(at, "Location".Length).Insert(at, "Locatoin");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, "Location".Length));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.MissingLocation);
    }

    [Fact]
    public void Update_CustomElementPastedIntoAWebKey_StaysIncrementalAndMatches()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int tag = Generated.IndexOf("<IIsWebVirtualDir", Generated.Length / 2, StringComparison.Ordinal);
        int at = Generated.IndexOf(">\r\n", Generated.IndexOf("\t>", tag, StringComparison.Ordinal), StringComparison.Ordinal) + 3;
        const string Custom = "\t<Custom Name=\"Thing\" ID=\"45000\" Value=\"x\" Type=\"DWORD\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\r\n";
        var text = Generated.Insert(at, Custom);

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    /// <summary>
    /// Location edits stay incremental (but those of SMTP servers and the keys above them): duplicates made and undone,
    /// parents renamed away and back, case and trailing slashes, half-typed paths, in full metabases and in an export
    /// whose common ancestor moves. Key types renamed, Location attributes misspelt and Custom elements added or
    /// removed come in between.
    /// </summary>
    [Fact]
    public void Update_RandomLocationEdits_EqualFullReanalysis()
    {
        int locationEdits = 0, incremental = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed % 4) switch
            {
                0 => WebExport,
                1 => Fixture.ReadSample("MetaBase-with-errors.xml"),
                // SMTP domains and virtual directories beside the service and server keys Exchange detection reads.
                2 => Fixture.ReadSample("MetaBase.xml"),
                _ => Generated,
            };
            var state = IncrementalAnalyzer.Create(text, Catalog);
            for (int step = 0; step < 12; step++)
            {
                text = state.Text;
                string newText;
                TextSpan span;
                int kind = random.Next(5);
                bool inLocation = kind >= 2;
                if (inLocation) (newText, span) = LocationEdits.Random(random, text) ?? RandomEdit(random, text);
                else if (kind == 1) (newText, span) = LocationEdits.RandomKeyShape(random, text) ?? RandomEdit(random, text);
                else (newText, span) = RandomEdit(random, text);
                state = IncrementalAnalyzer.Update(state, newText, span);
                // Sometimes the idle build makes this version's whole parse: later edits start from it.
                if (random.Next(5) == 0) _ = state.Document;
                if (inLocation)
                {
                    Interlocked.Increment(ref locationEdits);
                    if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                }
                AssertSameAsFull(state, newText, $"seed {seed} step {step} ({state.Kind}) edit at {span}");
            }
        }, iter: 90);
        Assert.True(incremental * 2 > locationEdits, $"only {incremental} of {locationEdits} Location edits were incremental");
    }

    // An iiscnfg /export of one web site: no keys above it, one parent missing inside it.
    private static readonly string WebExport = File.ReadAllText(GoldenPath("export-subtree.xml"))
        .Replace("IIsSmtpServer", "IIsWebServer").Replace("IIsSmtpDomain", "IIsWebDirectory").Replace("IIsSmtpVirtualDir", "IIsWebVirtualDir")
        .Replace("/LM/SmtpSvc/", "/LM/W3SVC/");

    [Fact]
    public void Update_WithoutSpan_FindsTheEditAndStaysIncremental()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("AuthFlags=\"AuthAnonymous", 3000, StringComparison.Ordinal) + "AuthFlags=\"".Length;
        var text = Generated.Remove(at, 4).Insert(at, "Oops");

        var next = IncrementalAnalyzer.Update(state, text);

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.UnknownFlagName);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    [Fact]
    public void Document_AfterIncrementalUpdate_IsTheNewText()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        int at = Generated.IndexOf("ServerComment=\"", 3000, StringComparison.Ordinal) + "ServerComment=\"".Length;
        var text = Generated.Insert(at, "New ");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.False(next.HasDocument);
        Assert.Same(text, next.Document.Text);
        Assert.Equal(MetabaseModel.Build(SyntaxTree.Parse(text)).Keys.Count, next.Document.Model.Keys.Count);
    }

    [Fact]
    public void Update_OutOfRangeSpan_FallsBackWithoutThrowing()
    {
        var state = IncrementalAnalyzer.Create(Generated, Catalog);
        var next = IncrementalAnalyzer.Update(state, "<configuration/>", new TextSpan(Generated.Length + 10, 3));
        Assert.Equal(UpdateKind.Full, next.Kind);
        Assert.Equal(Describe(Full("<configuration/>")), Describe(next.Diagnostics));
    }

    [Fact]
    public void Update_KeystrokeInExchangeManagedServer_StaysIncrementalAndMatches()
    {
        var state = IncrementalAnalyzer.Create(ExchangeManaged, Catalog);
        Assert.Contains(state.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
        int server = ExchangeManaged.IndexOf("<IIsSmtpServer", StringComparison.Ordinal);
        int at = ExchangeManaged.IndexOf("ConnectionTimeout=\"", server, StringComparison.Ordinal) + "ConnectionTimeout=\"".Length + 1;
        var text = ExchangeManaged.Insert(at, "x");

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Describe(Full(text)), Describe(next.Diagnostics));
    }

    /// <summary>
    /// Detection judges each SMTP server by itself and the keys above it: typing in a server's Location below the same
    /// parent changes that server's hints only. Renaming it below a path detection has not looked up makes the whole
    /// pass.
    /// </summary>
    [Theory]
    [InlineData("Location =\"/LM/SmtpSvc/1", "0", true)]
    [InlineData("Location =\"/LM/SmtpSvc/1", "/x", false)]
    [InlineData("Location =\"/LM/SmtpSvc", "/Sub", false)]
    [InlineData("Location =\"/LM/SmtpSvc", "x", true)] // under /LM/SmtpSvcx detection asks about no key above it
    public void Update_TypingInAnSmtpServersLocation_IncrementalBelowTheSameParentAndMatches(string after, string typed, bool incremental)
    {
        var state = IncrementalAnalyzer.Create(ExchangeManaged, Catalog);
        int server = ExchangeManaged.IndexOf("<IIsSmtpServer", StringComparison.Ordinal);
        int at = ExchangeManaged.IndexOf(after, server, StringComparison.Ordinal) + after.Length;

        TypeAndCompare(state, at, typed, out var full);

        if (incremental) Assert.Empty(full);
        else Assert.NotEmpty(full);
    }

    /// <summary>
    /// Servers side by side, one below another and one with a Custom element: keystrokes anywhere in their Locations
    /// (digits, letters, slashes, deletions), each version from the one before, equal a full analysis, and those that
    /// keep a server below the same parent stay incremental.
    /// </summary>
    [Fact]
    public void Update_RandomKeystrokesInSmtpServersLocations_EqualFullReanalysis()
    {
        const string Server = "<IIsSmtpServer\tLocation =\"";
        var text = ExchangeManaged.Replace("</MBProperty>",
            Server + "/LM/SmtpSvc/2\"\n\t\tServerComment=\"Second\"\n\t>\n</IIsSmtpServer>\n" +
            Server + "/LM/SmtpSvc/2/inner\"\n\t\tMaxMessageSize=\"0\"\n\t\tFullyQualifiedDomainName=\"inner.example.com\"\n\t>\n</IIsSmtpServer>\n" +
            Server + "/LM/SmtpSvc/3\"\n\t>\n\t<Custom\tName=\"X\" ID=\"1\" Value=\"1\" Type=\"DWORD\"/>\n</IIsSmtpServer>\n</MBProperty>");
        int total = 0, incremental = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var state = IncrementalAnalyzer.Create(text, Catalog);
            for (int step = 0; step < 12; step++)
            {
                var current = state.Text;
                var servers = new List<int>();
                for (int i = current.IndexOf(Server, StringComparison.Ordinal); i >= 0; i = current.IndexOf(Server, i + 1, StringComparison.Ordinal))
                    servers.Add(i + Server.Length);
                int valueStart = servers[random.Next(servers.Count)], valueEnd = current.IndexOf('"', valueStart);
                // Mostly where a name is typed, at the value's end (a deletion takes the character before it).
                bool atEnd = random.Next(3) > 0;
                int at = atEnd ? valueEnd : valueStart + random.Next(valueEnd - valueStart + 1);
                bool delete = random.Next(4) == 0 && valueEnd > valueStart;
                if (delete && at == valueEnd) at--;
                var newText = delete ? current.Remove(at, 1) : current.Insert(at, "0129x/"[random.Next(6)].ToString());
                state = IncrementalAnalyzer.Update(state, newText, new TextSpan(at, delete ? 1 : 0));
                Interlocked.Increment(ref total);
                if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                AssertSameAsFull(state, newText, $"seed {seed} step {step}");
            }
        }, iter: 40);
        Assert.True(incremental * 3 > total, $"only {incremental} of {total} keystrokes were incremental");
    }

    /// <summary>
    /// An SMTP server pasted beside another (a copy made into a second virtual server) is judged by the same keys above
    /// it: its hints come with its slot, and deleting it takes them away, both without the whole pass.
    /// </summary>
    [Fact]
    public void Update_SmtpServerPastedBesideAnotherThenDeleted_StaysIncrementalAndMatches()
    {
        var state = IncrementalAnalyzer.Create(ExchangeManaged, Catalog);
        int server = ExchangeManaged.IndexOf("<IIsSmtpServer", StringComparison.Ordinal);
        int at = ExchangeManaged.IndexOf("<IIsSmtpVirtualDir", StringComparison.Ordinal);
        var copy = ExchangeManaged[server..at].Replace("/LM/SmtpSvc/1\"", "/LM/SmtpSvc/2\"");
        var text = ExchangeManaged.Insert(at, copy);

        var pasted = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, pasted.Kind);
        AssertSameAsFull(pasted, text, "server pasted");
        // The copy is as Exchange-managed as the original.
        Assert.Contains(pasted.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged && d.Span.Start > at);
        var deleted = IncrementalAnalyzer.Update(pasted, ExchangeManaged, new TextSpan(at, copy.Length));
        Assert.Equal(UpdateKind.Incremental, deleted.Kind);
        AssertSameAsFull(deleted, ExchangeManaged, "server deleted");
    }

    /// <summary>
    /// A server pasted below a path no server had makes that path one detection asks about: a key pasted there later,
    /// whose Custom elements make the server look Exchange-managed, changes the server's hints.
    /// </summary>
    [Fact]
    public void Update_KeyPastedAboveAServerPastedBelowANewPath_MatchesFull()
    {
        var state = IncrementalAnalyzer.Create(ExchangeManaged, Catalog);
        int at = ExchangeManaged.IndexOf("<IIsSmtpVirtualDir", StringComparison.Ordinal);
        const string Server = "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/9/inner\"\n\t\tFullyQualifiedDomainName=\"inner.example.com\"\n\t>\n</IIsSmtpServer>\n";
        const string Above = "<IIsSmtpService\tLocation =\"/LM/SmtpSvc/9\"\n\t>\n\t<Custom\tName=\"X\" ID=\"1\" Value=\"1\" Type=\"DWORD\"/>\n</IIsSmtpService>\n";
        var withServer = ExchangeManaged.Insert(at, Server);
        var withBoth = withServer.Insert(at, Above);

        var next = IncrementalAnalyzer.Update(IncrementalAnalyzer.Update(state, withServer, new TextSpan(at, 0)), withBoth, new TextSpan(at, 0));

        AssertSameAsFull(next, withBoth, "key pasted above the server");
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged && d.Span.Start > at);
    }

    [Fact]
    public void Update_CustomElementPastedIntoAnSmtpServer_StaysIncrementalAndMatches()
    {
        var state = IncrementalAnalyzer.Create(ExchangeManaged, Catalog);
        int at = ExchangeManaged.IndexOf("\t>\n</IIsSmtpServer>", StringComparison.Ordinal) + 3;
        const string Custom = "\t<Custom\tName=\"RelayIpList\" ID=\"36882\" Value=\"0\" Type=\"BINARY\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\n";
        var text = ExchangeManaged.Insert(at, Custom);

        var next = IncrementalAnalyzer.Update(state, text, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        AssertSameAsFull(next, text, "Custom pasted");
        // And taken out again.
        var back = IncrementalAnalyzer.Update(next, ExchangeManaged, new TextSpan(at, Custom.Length));
        Assert.Equal(UpdateKind.Incremental, back.Kind);
        AssertSameAsFull(back, ExchangeManaged, "Custom deleted");
    }

    /// <summary>
    /// The invariant: after any sequence of edits, incremental diagnostics equal a full re-analysis of the same text.
    /// Edits land mostly inside attribute values (the fast path) and sometimes add structure (the fallback).
    /// </summary>
    [Fact]
    public void Update_RandomEditSequences_EqualFullReanalysis()
    {
        int incremental = 0, total = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed & 3) switch
            {
                0 => Fixture.ReadSample("MetaBase-with-errors.xml"),
                1 => ExchangeManaged,
                _ => Generated,
            };
            var state = IncrementalAnalyzer.Create(text, Catalog);
            for (int step = 0; step < 12; step++)
            {
                var (newText, span) = RandomEdit(random, state.Text);
                state = random.Next(4) == 0 ? IncrementalAnalyzer.Update(state, newText) : IncrementalAnalyzer.Update(state, newText, span);
                Interlocked.Increment(ref total);
                if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                AssertSameAsFull(state, newText, $"seed {seed} step {step} ({state.Kind}) edit at {span}");
            }
        }, iter: 80);
        // Otherwise the test would only compare the full path with itself (about 30% are incremental with these snippets).
        Assert.True(incremental * 5 > total, $"only {incremental} of {total} updates were incremental");
    }

    /// <summary>
    /// Keys that keep a syntax error stay on the incremental path only while it cannot reach outside them; this types
    /// and deletes markup characters at random places inside keys, where that judgement is made, over and over.
    /// </summary>
    [Fact]
    public void Update_MarkupCharactersTypedInsideKeys_EqualFullReanalysis()
    {
        const string Alphabet = "<>/\"'=&;!?-[] \r\nabAZ";
        int incremental = 0, withSyntaxErrors = 0, total = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed & 1) == 0 ? Generated : ExchangeManaged;
            var state = IncrementalAnalyzer.Create(text, Catalog);
            for (int step = 0; step < 15; step++)
            {
                text = state.Text;
                // Somewhere inside the element of some key: after the '<' of a line that starts one.
                int key = text.IndexOf("\n<", random.Next(text.Length), StringComparison.Ordinal);
                int at = key < 0 ? random.Next(text.Length + 1) : Math.Min(text.Length, key + 2 + random.Next(1, 200));
                int remove = random.Next(3) == 0 ? Math.Min(text.Length - at, random.Next(1, 4)) : 0;
                var typed = new string(Enumerable.Range(0, random.Next(remove > 0 ? 0 : 1, 4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
                var newText = text.Remove(at, remove).Insert(at, typed);
                state = IncrementalAnalyzer.Update(state, newText, new TextSpan(at, remove));
                Interlocked.Increment(ref total);
                if (state.Kind == UpdateKind.Incremental)
                {
                    Interlocked.Increment(ref incremental);
                    if (state.SyntaxDiagnostics.Length > 0) Interlocked.Increment(ref withSyntaxErrors);
                }
                AssertSameAsFull(state, newText,
                    $"seed {seed} step {step} ({state.Kind}) typed {typed.Replace("\r", "\\r").Replace("\n", "\\n")} over {remove} at {at}");
            }
        }, iter: 60);
        Assert.True(withSyntaxErrors * 10 > total, $"only {withSyntaxErrors} of {total} updates were incremental with syntax errors ({incremental} incremental)");
    }

    /// <summary>
    /// Keys whose end tag is not typed yet end before the next key: this takes some key's end tag away and types and
    /// deletes markup characters in that key's content, over and over, where the judgement that it ends there is made.
    /// </summary>
    [Fact]
    public void Update_MarkupTypedInAKeyWithoutItsEndTag_EqualFullReanalysis()
    {
        const string Alphabet = "<>/\"'=!?-[] \r\nabCustomIIs";
        int incremental = 0, total = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = (seed & 1) == 0 ? Generated : ExchangeManaged;
            int endTag = text.IndexOf("\n</I", random.Next(text.Length), StringComparison.Ordinal);
            if (endTag < 0) return;
            int endTagEnd = text.IndexOf('>', endTag) + 1;
            var state = IncrementalAnalyzer.Create(text.Remove(endTag + 1, endTagEnd - endTag - 1), Catalog);
            int content = endTag + 1; // where the end tag was: inside the key, before the next key's line
            for (int step = 0; step < 15; step++)
            {
                text = state.Text;
                int at = Math.Max(0, Math.Min(text.Length, content - random.Next(0, 3) + random.Next(0, 6)));
                int remove = random.Next(3) == 0 ? Math.Min(text.Length - at, random.Next(1, 3)) : 0;
                var typed = new string(Enumerable.Range(0, random.Next(remove > 0 ? 0 : 1, 4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
                var newText = text.Remove(at, remove).Insert(at, typed);
                state = IncrementalAnalyzer.Update(state, newText, new TextSpan(at, remove));
                Interlocked.Increment(ref total);
                if (state.Kind == UpdateKind.Incremental) Interlocked.Increment(ref incremental);
                AssertSameAsFull(state, newText,
                    $"seed {seed} step {step} ({state.Kind}) typed {typed.Replace("\r", "\\r").Replace("\n", "\\n")} over {remove} at {at}");
            }
        }, iter: 60);
        Assert.True(incremental * 2 > total, $"only {incremental} of {total} updates were incremental");
    }

    private static (string Text, TextSpan Span) RandomEdit(Random random, string text)
    {
        int at;
        int mode = random.Next(8);
        if (mode < 5)
        {
            // Inside some attribute value: just after an opening quote, a little way in.
            int from = random.Next(text.Length);
            int quote = text.IndexOf("=\"", from, StringComparison.Ordinal);
            at = quote < 0 ? random.Next(text.Length + 1) : Math.Min(text.Length, quote + 2 + random.Next(4));
        }
        else if (mode < 7)
        {
            // Between attributes, where a new property is typed: right after a value's closing quote.
            int quote = text.IndexOf("\"\r\n", random.Next(text.Length), StringComparison.Ordinal);
            at = quote < 0 ? random.Next(text.Length + 1) : quote + 1;
        }
        else
        {
            at = random.Next(text.Length + 1);
        }
        int remove = random.Next(3) == 0 ? Math.Min(text.Length - at, random.Next(6)) : 0;
        string insert = random.Next(5) == 0 ? "" : Snippets[random.Next(Snippets.Length)];
        if (remove == 0 && insert.Length == 0) insert = "y";
        return (text.Remove(at, remove).Insert(at, insert), new TextSpan(at, remove));
    }

    private static string GoldenPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "golden", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(name);
    }

    /// <summary>Throws with both lists and <paramref name="context"/> (which the random tests fill with seed and edit) when they differ.</summary>
    private static void AssertSameAsFull(IncrementalState state, string text, string context)
    {
        var expected = Describe(Full(text));
        var actual = Describe(state.Diagnostics);
        if (expected != actual) throw new Exception($"{context}:\nexpected {expected}\nactual   {actual}");
    }

    private static IReadOnlyList<MetabaseDiagnostic> Full(string text) =>
        MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), Catalog);

    private static string Describe(IEnumerable<MetabaseDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d =>
            $"{d.Code} {d.Severity} {d.Span} {d.Message} [{string.Join(",", d.Related?.Select(r => $"{r.Span} {r.Message}") ?? [])}] {d.FixData}"));
}

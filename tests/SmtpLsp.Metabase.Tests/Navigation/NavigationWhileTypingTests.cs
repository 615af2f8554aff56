using CsCheck;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;
using Xunit;

namespace SmtpLsp.Metabase.Tests.Navigation;

/// <summary>
/// Go to definition, find references, the hover on a key's name and workspace symbols, answered after keystrokes from
/// the keys now over the last whole parse (<see cref="IncrementalState.KeysNow"/>), and selection ranges, from the key's
/// text and the earlier parse's section (<see cref="MovedOutline.SelectionRanges"/>), against the whole parse of each
/// version.
/// </summary>
public class NavigationWhileTypingTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    // The sample with keys whose parent path has no key (they hang under the nearest ancestor), a duplicated Location
    // and a trailing slash; and a generated metabase.
    private static readonly string WithGaps = Fixture.ReadSample("MetaBase.xml").Replace(
        "<IIsSmtpVirtualDir",
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/far/away/deep.example\" RelayForAuth=\"1\"/>\r\n" +
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/far/near.example/\" RelayForAuth=\"0\"/>\r\n" +
        "<IIsSmtpDomain\tLocation =\"/lm/smtpsvc/1/domain/FAR/away\"/>\r\n" +
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/far/away\" RouteAction=\"16\"/>\r\n<IIsSmtpVirtualDir");
    private static readonly string[] Documents = [WithGaps, WithGaps.Replace("\r\n", "\n"), LargeMetabaseGenerator.Generate(6_000, seed: 5)];

    [Fact]
    public void Navigation_RandomKeystrokes_SameTargetsAndHoverAsWholeParse()
    {
        int definitions = 0, references = 0, children = 0, overrides = 0, hovers = 0, searches = 0, selections = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var state = IncrementalAnalyzer.Create(Documents[(seed & int.MaxValue) % Documents.Length], Catalog);
            for (int step = 0; step < 10; step++)
            {
                var (newText, span) = TypingEdits.Random(random, state.Text, kinds: 4, "7", "x", "/");
                state = IncrementalAnalyzer.Update(state, newText, span);
                if (random.Next(8) == 0) _ = state.Document;
                if (state.KeysNow is not { } now) continue;

                var whole = MetabaseDocument.Create(newText, Catalog);
                string query = QueryFor(random, whole.Model, span.Start);
                Assert.True(Describe(KeySearch.Find(whole.Model, query, 50)) == Describe(KeySearch.Find(now, query, 50)),
                    $"seed {seed} step {step}: workspace symbols for '{query}'\nexpected {Describe(KeySearch.Find(whole.Model, query, 50))}\nactual   {Describe(KeySearch.Find(now, query, 50))}");
                Interlocked.Increment(ref searches);
                foreach (int offset in OffsetsToAsk(random, whole.Model, span.Start))
                {
                    string where = $"seed {seed} step {step} at {offset}";
                    Assert.True(Describe(KeyNavigation.Definition(whole.Model, offset, Catalog)) == Describe(KeyNavigation.Definition(now, offset, Catalog)),
                        $"{where}: definition\nexpected {Describe(KeyNavigation.Definition(whole.Model, offset, Catalog))}\nactual   {Describe(KeyNavigation.Definition(now, offset, Catalog))}");
                    Interlocked.Increment(ref definitions);
                    bool declaration = random.Next(2) == 0;
                    var expected = KeyNavigation.ReferenceSpans(whole.Model, offset, declaration);
                    Assert.True(string.Join(" ", expected) == string.Join(" ", KeyNavigation.ReferenceSpans(now, offset, declaration)),
                        $"{where}: references\nexpected {string.Join(" ", expected)}\nactual   {string.Join(" ", KeyNavigation.ReferenceSpans(now, offset, declaration))}");
                    Interlocked.Increment(ref references);
                    if (expected.Count > (declaration ? 1 : 0))
                        Interlocked.Increment(ref whole.Model.Tree.FindAttributeAt(offset) is { Name: not "Location" } ? ref overrides : ref children);

                    if (MovedOutline.For(state)!.SelectionRanges(offset) is { } ranges)
                    {
                        var expectedRanges = SelectionRanges.At(whole.Tree, offset);
                        Assert.True(string.Join(" ", expectedRanges) == string.Join(" ", ranges),
                            $"{where}: selection ranges\nexpected {string.Join(" ", expectedRanges)}\nactual   {string.Join(" ", ranges)}");
                        Interlocked.Increment(ref selections);
                    }

                    bool markdown = random.Next(2) == 0;
                    if (HoverService.TryKeyName(state, offset, markdown, out var hover))
                    {
                        var wholeHover = HoverService.GetHover(whole, offset, markdown);
                        Assert.True(wholeHover == hover, $"{where}: hover\nexpected {wholeHover}\nactual   {hover}");
                        Interlocked.Increment(ref hovers);
                    }
                }
                Assert.False(state.HasDocument);
            }
        }, iter: 60);
        // Otherwise the test would compare nothing, or never children, overrides or a key's hover.
        Assert.True(definitions > 1000, $"{definitions} definitions compared");
        Assert.True(children > 100, $"{children} lists of children compared");
        Assert.True(overrides > 20, $"{overrides} lists of overrides compared");
        Assert.True(hovers > 200, $"{hovers} hovers on a key's name compared");
        Assert.True(searches > 200, $"{searches} workspace symbol searches compared");
        Assert.True(selections > 2000, $"{selections} selection range chains compared");
    }

    [Fact]
    public void Definition_AfterAKeystrokeInTheParentPath_GoesToTheNearestKeyNowWithoutTheWholeParse()
    {
        var text = WithGaps.Replace("\r\n", "\n");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        // The first key at far/away (spelled in lower case) becomes far/awa: the next one at far/away is the parent now.
        int at = text.IndexOf("/FAR/away\"", StringComparison.Ordinal) + "/FAR/awa".Length;
        state = IncrementalAnalyzer.Update(state, text.Remove(at, 1), new TextSpan(at, 1));
        Assert.Equal(UpdateKind.Incremental, state.Kind);
        int deep = state.Text.IndexOf("deep.example", StringComparison.Ordinal);

        var parent = KeyNavigation.Definition(state.KeysNow!, deep);

        Assert.Equal("/LM/SmtpSvc/1/Domain/far/away", state.Text.Substring(parent!.SelectionSpan.Start, parent.SelectionSpan.Length));
        Assert.Equal("<IIsSmtpDomain", state.Text.Substring(parent.Span.Start, "<IIsSmtpDomain".Length));
        Assert.False(state.HasDocument);
    }

    [Fact]
    public void TryKeyName_AfterAKeystrokeBelow_CountsTheChildrenNow()
    {
        var text = WithGaps.Replace("\r\n", "\n");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("/far/near.example/", StringComparison.Ordinal) + "/far/".Length;
        // near.example moves from far to far/away.
        state = IncrementalAnalyzer.Update(state, text.Insert(at, "away/"), new TextSpan(at, 0));
        int name = state.Text.IndexOf("<IIsSmtpDomain\tLocation =\"/lm/smtpsvc/1/domain/FAR/away\"", StringComparison.Ordinal) + 3;

        Assert.True(HoverService.TryKeyName(state, name, markdown: false, out var hover));

        Assert.Contains("Children: 2: /LM/SmtpSvc/1/Domain/far/away/deep.example, /LM/SmtpSvc/1/Domain/far/away/near.example/", hover!.Content);
        Assert.Equal("IIsSmtpDomain", state.Text.Substring(hover.Span.Start, hover.Span.Length));
        Assert.False(state.HasDocument);
    }

    [Fact]
    public void References_AfterAKeystroke_ChildrenGoToTheFirstKeyAtALocation()
    {
        var state = RouteActionTyped(WithGaps.Replace("\r\n", "\n"));
        int first = state.Text.IndexOf("FAR/away", StringComparison.Ordinal);
        int second = state.Text.IndexOf("far/away\" RouteAction", StringComparison.Ordinal);

        var ofFirst = KeyNavigation.ReferenceSpans(state.KeysNow!, first);
        var ofSecond = KeyNavigation.ReferenceSpans(state.KeysNow!, second);

        Assert.Equal(["/LM/SmtpSvc/1/Domain/far/away/deep.example"], ofFirst.Select(span => state.Text.Substring(span.Start, span.Length)));
        Assert.Empty(ofSecond);
        Assert.False(state.HasDocument);
    }

    [Fact]
    public void KeysNow_FindByLocation_ListsEveryKeyThereInOrder()
    {
        var state = RouteActionTyped(WithGaps.Replace("\r\n", "\n"));

        var found = state.KeysNow!.FindByLocation("/LM/SMTPSVC/1/Domain/far/away/");

        Assert.Equal(["/lm/smtpsvc/1/domain/FAR/away", "/LM/SmtpSvc/1/Domain/far/away"], found.Select(key => key.Location));
        Assert.Equal("176", found[1].GetProperty("RouteAction")!.Value);
        Assert.Empty(state.KeysNow!.FindByLocation("/LM/SmtpSvc/1/Domain/far"));
    }

    [Fact]
    public void SelectionRanges_TwoSections_LeftToTheWholeParse()
    {
        // Text between two sections moves with neither's keys alone; one section is what IIS writes.
        var state = RouteActionTyped(WithGaps.Replace("\r\n", "\n").Replace("</MBProperty>",
            "</MBProperty>\n<MBProperty>\n<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/9\"\n\t>\n</IIsSmtpServer>\n</MBProperty>"));
        var single = RouteActionTyped(WithGaps.Replace("\r\n", "\n"));
        int at = state.Text.IndexOf("RouteAction=\"17", StringComparison.Ordinal) + 2;
        Assert.Equal(UpdateKind.Incremental, state.Kind);

        Assert.Null(MovedOutline.For(state)!.SelectionRanges(at));
        Assert.Equal(SelectionRanges.At(SmtpLsp.Metabase.Syntax.SyntaxTree.Parse(single.Text), at), MovedOutline.For(single)!.SelectionRanges(at));
    }

    /// <summary>The state after a "7" typed in the value of RouteAction="16" (the second key at far/away).</summary>
    private static IncrementalState RouteActionTyped(string text)
    {
        int at = text.IndexOf("RouteAction=\"16", StringComparison.Ordinal) + "RouteAction=\"1".Length;
        return IncrementalAnalyzer.Update(IncrementalAnalyzer.Create(text, Catalog), text.Insert(at, "7"), new TextSpan(at, 0));
    }

    /// <summary>
    /// The names (start and end tags) and Locations of the key at the edit, of its parent, of a random key and of
    /// keys at the top, a property name and value of each, and offsets near them.
    /// </summary>
    private static IEnumerable<int> OffsetsToAsk(Random random, MetabaseModel whole, int edited)
    {
        if (whole.Keys.Count == 0) yield break;
        var keys = new List<MetabaseKey>();
        if (whole.FindKeyAt(edited) is { } here)
        {
            keys.Add(here);
            if (whole.GetParent(here) is { } parent) keys.Add(parent);
        }
        keys.Add(whole.Keys[random.Next(whole.Keys.Count)]);
        keys.Add(whole.Keys[random.Next(Math.Min(whole.Keys.Count, 12))]);
        foreach (var key in keys)
        {
            yield return key.Element.NameSpan.Start + random.Next(key.Element.NameSpan.Length + 1);
            if (key.Element.EndTagSpan is { } end) yield return end.Start + random.Next(end.Length + 1);
            if (key.LocationView is { } location) yield return location.ValueSpan.Start + random.Next(location.ValueSpan.Length + 1);
            if (key.Properties.Count > 0)
            {
                var property = key.Properties[random.Next(key.Properties.Count)];
                yield return property.NameSpan.Start + random.Next(property.NameSpan.Length + 1);
                yield return property.ValueSpan.Start + random.Next(property.ValueSpan.Length + 1);
            }
            yield return Math.Max(0, key.Element.Span.Start - 1 + random.Next(3));
        }
        yield return random.Next(edited + 1);
    }

    /// <summary>Part of the Location of the key at the edit (the keys around it match), of another key, or nothing.</summary>
    private static string QueryFor(Random random, MetabaseModel whole, int edited)
    {
        var location = (random.Next(3) == 0 ? whole.Keys.ElementAtOrDefault(random.Next(Math.Max(1, whole.Keys.Count))) : whole.FindKeyAt(edited))?.Location;
        if (location == null || random.Next(6) == 0) return "";
        int start = random.Next(location.Length);
        return location.Substring(start, Math.Min(location.Length - start, 1 + random.Next(12)));
    }

    private static string Describe(KeySearchResult result) => $"{result.Capped} " + string.Join(" ", result.Matches.Select(Describe));

    private static string Describe(KeyTarget? target) =>
        target == null ? "(none)" : $"{target.Key.Location} {target.Span} {target.SelectionSpan}";
}

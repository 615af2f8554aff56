using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Navigation;

public class NavigationTests
{
    private static MetabaseModel Sample() => MetabaseModel.Build(SyntaxTree.Parse(Fixture.ReadSample("MetaBase.xml")));

    private static string Wrap(string keys) => "<configuration>\n<MBProperty>\n" + keys + "</MBProperty>\n</configuration>\n";

    private static string Key(string type, string location) => $"<{type}\tLocation =\"{location}\"\n\t>\n</{type}>\n";

    private static string Outline(IEnumerable<KeySymbol> symbols, int depth = 0) =>
        string.Concat(symbols.Select(s => new string(' ', depth * 2) + s.Name + "\n" + Outline(s.Children, depth + 1)));

    [Fact]
    public void DocumentSymbols_Sample_NestByLocation()
    {
        var tree = DocumentSymbols.Build(Sample());
        Assert.False(tree.Capped);
        Assert.Equal(
            ".\n/\n  LM\n    W3SVC\n      1\n        ROOT\n    SmtpSvc\n      1\n        Domain\n          example.com\n        Root\n",
            Outline(tree.Symbols));
    }

    [Fact]
    public void DocumentSymbols_Symbol_DetailSpanAndSelection()
    {
        var model = Sample();
        var smtp = DocumentSymbols.Build(model).Symbols[1].Children[0].Children[1].Children[0];
        Assert.Equal(("1", "IIsSmtpServer"), (smtp.Name, smtp.Detail));
        string text = model.Tree.Text;
        Assert.Equal("/LM/SmtpSvc/1", text.Substring(smtp.SelectionSpan.Start, smtp.SelectionSpan.Length));
        Assert.StartsWith("<IIsSmtpServer", text[smtp.Span.Start..]);
        Assert.EndsWith("</IIsSmtpServer>", text[..smtp.Span.End]);
    }

    [Fact]
    public void DocumentSymbols_MissingParent_NestsUnderNearestAncestorOrTop()
    {
        var text = Wrap(Key("IIsSmtpService", "/LM/SmtpSvc") + Key("IIsSmtpDomain", "/LM/SmtpSvc/1/Domain") + Key("IIsObject", "/Other/x"));
        var tree = DocumentSymbols.Build(MetabaseModel.Build(SyntaxTree.Parse(text)));
        Assert.Equal("/LM/SmtpSvc\n  1/Domain\n/Other/x\n", Outline(tree.Symbols));
    }

    [Fact]
    public void DocumentSymbols_OverCap_CappedKeepsUpperLevels()
    {
        var tree = DocumentSymbols.Build(Sample(), maxSymbols: 4);
        Assert.True(tree.Capped);
        Assert.Equal(4, tree.Count);
        Assert.Equal(".\n/\n  LM\n    W3SVC\n", Outline(tree.Symbols));
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(10, true)]
    public void DocumentSymbols_CapAtOrBeforeTheLastSymbol_CappedOnlyWhenOneIsLeftOut(int max, bool capped)
    {
        var tree = DocumentSymbols.Build(Sample(), maxSymbols: max);
        Assert.Equal((max, capped), (tree.Count, tree.Capped));
    }

    [Fact]
    public void DocumentSymbols_LocationsWithEmptySegmentsOrEntities_NamedByTheirSegmentsBelowTheParent()
    {
        var text = Wrap(Key("IIsWebService", "/LM/W3SVC") + Key("IIsWebVirtualDir", "/LM/W3SVC//1/ROOT/") + Key("IIsWebServer", "/LM/W3SVC/2/")
            + Key("IIsWebVirtualDir", "/LM/W3SVC/2//a&amp;b") + Key("IIsWebVirtualDir", "/LM/W3SVC/2/c//d/") + Key("IIsObject", "/LM//W3SVC/"));
        var tree = DocumentSymbols.Build(MetabaseModel.Build(SyntaxTree.Parse(text)));
        Assert.Equal("/LM/W3SVC\n  1/ROOT\n  2\n    a&b\n    c/d\n/LM//W3SVC/\n", Outline(tree.Symbols));
    }

    /// <summary>
    /// Names cut from the spans equal the key's Location segments after its parent's, joined by '/', for any paths:
    /// case variants, entities, trailing and doubled slashes, relative and empty ones.
    /// </summary>
    [Fact]
    public void DocumentSymbols_RandomLocations_NamedBySegmentsBelowTheParent()
    {
        var segment = Gen.OneOfConst("LM", "lm", "W3SVC", "1", "Root", "a&amp;b", "x&#47;y", "");
        var location = Gen.Frequency(
            (8, Gen.Select(segment.Array[0, 5], Gen.OneOfConst("", "/", "//")).Select((parts, tail) => "/" + string.Join("/", parts) + tail)),
            (1, Gen.OneOfConst("", "/", ".", "LM/W3SVC", "/LM//W3SVC")));
        location.Array[1, 30].Sample(locations =>
        {
            var keys = string.Concat(locations.Select(l => $"<IIsWebVirtualDir Location=\"{l}\"/>\n"));
            var tree = DocumentSymbols.Build(MetabaseModel.Build(SyntaxTree.Parse(Wrap(keys))));
            void Check(IReadOnlyList<KeySymbol> symbols, KeySymbol? parent)
            {
                foreach (var symbol in symbols)
                {
                    Assert.Equal(parent == null ? symbol.Key.Location : SegmentsBelow(parent.Key.Location, symbol.Key.Location!), symbol.Name);
                    Check(symbol.Children, symbol);
                }
            }
            Check(tree.Symbols, null);
        }, iter: 300);
    }

    /// <summary>The name by splitting both paths into their non-empty segments.</summary>
    private static string SegmentsBelow(string? parentLocation, string location)
    {
        var parentSegments = parentLocation?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var segments = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length <= parentSegments.Length ? location : string.Join('/', segments.Skip(parentSegments.Length));
    }

    [Fact]
    public void DocumentSymbols_DeepChain_NoStackOverflow()
    {
        var keys = new System.Text.StringBuilder();
        string path = "";
        for (int i = 0; i < 3000; i++) { path += "/k"; keys.Append(Key("IIsObject", path)); }
        var tree = DocumentSymbols.Build(MetabaseModel.Build(SyntaxTree.Parse(Wrap(keys.ToString()))));
        Assert.Equal(3000, tree.Count);
    }

    [Fact]
    public void FoldingRanges_Sample_EveryMultiLineKeyFolds()
    {
        var model = Sample();
        var lines = new LineIndex(model.Tree.Text);
        var folds = FoldingRanges.Compute(model.Tree, lines).Ranges;
        foreach (var key in model.Keys)
        {
            int start = lines.GetPosition(key.Element.Span.Start).Line;
            Assert.Contains(folds, f => f.StartLine == start && f.Span == key.Element.Span && f.Kind == FoldingKind.Region);
        }
        Assert.All(folds, f => Assert.True(f.EndLine > f.StartLine));
        Assert.Contains(folds, f => model.Tree.Text.Substring(f.Span.Start).StartsWith("<Custom"));
    }

    [Fact]
    public void FoldingRanges_MultiLineComment_Folds_SingleLineElement_DoesNot()
    {
        var text = Wrap("<!-- one\n two -->\n<IIsObject Location=\"/x\"/>\n");
        var folds = FoldingRanges.Compute(SyntaxTree.Parse(text)).Ranges;
        Assert.Contains(folds, f => f.Kind == FoldingKind.Comment && f.StartLine == 2 && f.EndLine == 3);
        Assert.DoesNotContain(folds, f => f.StartLine == 4);
    }

    [Fact]
    public void SelectionRanges_InValue_ValueAttributeTagElementParentDocument()
    {
        var (text, offset) = Fixture.Parse(Wrap("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tMaxRecipients=\"1|00\"\n\t>\n</IIsSmtpServer>\n"));
        var tree = SyntaxTree.Parse(text);
        var spans = SelectionRanges.At(tree, offset).Select(s => text.Substring(s.Start, s.Length)).ToList();
        Assert.Equal("100", spans[0]);
        Assert.Equal("MaxRecipients=\"100\"", spans[1]);
        Assert.StartsWith("<IIsSmtpServer", spans[2]);
        Assert.EndsWith("\t>", spans[2]);
        Assert.EndsWith("</IIsSmtpServer>", spans[3]);
        Assert.StartsWith("<MBProperty>", spans[4]);
        Assert.StartsWith("<configuration>", spans[5]);
        Assert.Equal(text, spans[^1]);
        for (int i = 1; i < spans.Count; i++) Assert.True(spans[i].Length > spans[i - 1].Length);
    }

    [Fact]
    public void Definition_FromLocationValue_GoesToParentKey()
    {
        var model = Sample();
        var text = model.Tree.Text;
        int offset = text.IndexOf("/LM/SmtpSvc/1/Domain\"", StringComparison.Ordinal) + 3;
        var target = KeyNavigation.Definition(model, offset);
        Assert.NotNull(target);
        Assert.Equal("/LM/SmtpSvc/1", target!.Key.Location);
        Assert.Equal("/LM/SmtpSvc/1", text.Substring(target.SelectionSpan.Start, target.SelectionSpan.Length));
    }

    [Fact]
    public void Definition_FromElementName_GoesToParentKey_FromPropertyNothing()
    {
        var model = Sample();
        var text = model.Tree.Text;
        int name = text.IndexOf("<IIsSmtpServer", StringComparison.Ordinal) + 3;
        Assert.Equal("/LM/SmtpSvc", KeyNavigation.Definition(model, name)!.Key.Location);
        int property = text.IndexOf("MaxRecipients", StringComparison.Ordinal) + 2;
        Assert.Null(KeyNavigation.Definition(model, property));
        int top = text.IndexOf("Location =\"/\"", StringComparison.Ordinal) + 12;
        Assert.Null(KeyNavigation.Definition(model, top)); // "/" has no parent
    }

    [Fact]
    public void Definition_FromAPropertyNameThatOverrides_GoesToTheAncestorsValue()
    {
        // As find references on a property lists the keys below that override it, definition goes up to what it overrides.
        var model = MetabaseModel.Build(SyntaxTree.Parse(Wrap(
            "<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\n\t\tConnectionTimeout=\"600\"\n\t\tServerAutoStart=\"TRUE\"\n\t>\n</IIsSmtpService>\n" +
            "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tConnectionTimeout=\"1200\"\n\t\tServerAutoStart=\"FALSE\"\n\t\tMaxRecipients=\"100\"\n\t>\n</IIsSmtpServer>\n")));
        var text = model.Tree.Text;
        var catalog = SmtpLsp.Metabase.Catalog.MetabaseCatalog.Embedded;
        var target = KeyNavigation.Definition(model, text.IndexOf("ConnectionTimeout=\"1200", StringComparison.Ordinal) + 3, catalog)!;
        Assert.Equal("/LM/SmtpSvc", target.Key.Location);
        Assert.Equal("600", text.Substring(target.SelectionSpan.Start, target.SelectionSpan.Length));
        // ServerAutoStart does not inherit; no ancestor sets MaxRecipients; without the catalog, nothing as before.
        Assert.Null(KeyNavigation.Definition(model, text.IndexOf("ServerAutoStart=\"FALSE", StringComparison.Ordinal) + 3, catalog));
        Assert.Null(KeyNavigation.Definition(model, text.IndexOf("MaxRecipients", StringComparison.Ordinal) + 3, catalog));
        Assert.Null(KeyNavigation.Definition(model, text.IndexOf("ConnectionTimeout=\"1200", StringComparison.Ordinal) + 3));
    }

    [Fact]
    public void References_FromKey_ListsChildKeys()
    {
        var model = Sample();
        int offset = model.Tree.Text.IndexOf("/LM/SmtpSvc/1\"", StringComparison.Ordinal) + 1;
        var refs = KeyNavigation.References(model, offset);
        Assert.Equal(["/LM/SmtpSvc/1/Domain", "/LM/SmtpSvc/1/Root"], refs.Select(r => r.Key.Location));
        Assert.Equal("/LM/SmtpSvc/1", KeyNavigation.References(model, offset, includeDeclaration: true)[0].Key.Location);
    }

    [Fact]
    public void KeySearch_Substring_CaseInsensitiveAndCapped()
    {
        var model = Sample();
        var result = KeySearch.Find(model, "smtpsvc/1");
        Assert.Equal(["/LM/SmtpSvc/1", "/LM/SmtpSvc/1/Domain", "/LM/SmtpSvc/1/Domain/example.com", "/LM/SmtpSvc/1/Root"],
            result.Matches.Select(m => m.Key.Location));
        Assert.False(result.Capped);
        var capped = KeySearch.Find(model, "/", max: 2);
        Assert.True(capped.Capped);
        Assert.Equal(2, capped.Matches.Count);
    }

    [Fact]
    public void KeySearch_KeyTypeName_FindsKeysOfThatType()
    {
        // Only Locations were searched: "IIsSmtpDomain" in the key picker found nothing.
        var result = KeySearch.Find(Sample(), "iissmtpdomain");
        Assert.NotEmpty(result.Matches);
        Assert.All(result.Matches, m => Assert.Equal("IIsSmtpDomain", m.Key.KeyType));
    }

    [Fact]
    public void KeySearch_RandomQueries_KeysWhoseLocationOrTypeContainsItIgnoringCase()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(TestSupport.LargeMetabaseGenerator.Generate(60_000, seed: 9)));
        var locations = model.Keys.Where(k => k.Location != null).Select(k => k.Location!).ToArray();
        // Pieces of real Locations in random case, the empty query (every key) and queries nothing matches.
        var query = Gen.Int[0, locations.Length - 1].Select(Gen.Int[0, 40], Gen.Int[0, 12], Gen.Bool, (i, start, length, upper) =>
        {
            var location = locations[i];
            start = Math.Min(start, location.Length);
            var piece = location.Substring(start, Math.Min(length, location.Length - start));
            return upper ? piece.ToUpperInvariant() : piece.ToLowerInvariant();
        });
        Gen.Frequency((8, query), (1, Gen.OneOfConst("", "no such path", "/LM/SMTPSVC/99999", "IIsSmtpDomain", "smtpserver"))).Sample(q =>
        {
            var expected = model.Keys.Where(k => k.Location != null && (k.Location.Contains(q, StringComparison.OrdinalIgnoreCase)
                || k.KeyType.Contains(q, StringComparison.OrdinalIgnoreCase))).Take(KeySearch.DefaultMax);
            Assert.Equal(expected, KeySearch.Find(model, q).Matches.Select(m => m.Key));
        }, iter: 100);
    }
}

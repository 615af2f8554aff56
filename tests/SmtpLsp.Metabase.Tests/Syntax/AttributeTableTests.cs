using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>
/// Attributes live in one table per tree; the AttributeNode objects made from it on demand must read the same
/// values as the table view the rules use, and stay the same objects however they are reached.
/// </summary>
public class AttributeTableTests
{
    private static readonly string Generated = LargeMetabaseGenerator.Generate(30_000, seed: 7);
    private static readonly string[] Fragments =
        ["<", ">", "</", "/>", "\"", "'", "=", "= '", " Bogus", " X=\"1\" X=\"2\"", "&amp;", "\r\n\t", " Location=\"/a&amp;b\"", "<K a=b c='d"];

    [Fact]
    public void Attributes_RandomMutations_NodesReadWhatTheTableHolds()
    {
        MutationGen.Of(Generated, Fragments, maxEdits: 6).Sample(text =>
        {
            var tree = SyntaxTree.Parse(text);
            int next = 0;
            foreach (var element in tree.DescendantElements().OrderBy(e => e.Span.Start))
            {
                // Start tags are read in document order, so each element's attributes follow the previous element's.
                if (element.FirstAttribute != next) throw new Exception($"{element}: attributes start at {element.FirstAttribute}, expected {next}");
                next += element.AttributeCount;
                var nodes = element.Attributes;
                if (nodes.Count != element.AttributeCount) throw new Exception($"{element}: {nodes.Count} nodes for {element.AttributeCount} attributes");
                for (int i = 0; i < nodes.Count; i++)
                {
                    var node = nodes[i];
                    var view = element.AttributeAt(i);
                    if (node.Name != view.Name || node.NameSpan != view.NameSpan || node.Span != view.Span || node.ValueSpan != view.ValueSpan
                        || node.EqualsSpan != view.EqualsSpan || node.HasValue != view.HasValue || node.Quote != view.Quote
                        || node.IsValueTerminated != view.IsValueTerminated || node.RawValue != view.RawValue || node.Value != view.Value
                        || !node.RawValueSpan.SequenceEqual(view.RawValueSpan) || !ReferenceEquals(node.Element, element))
                        throw new Exception($"{element}: attribute {i} node {node} differs from the table");
                    if (node.RawValue != text.Substring(node.ValueSpan.Start, node.ValueSpan.Length) && node.HasValue)
                        throw new Exception($"{node}: raw value is not the text at its span");
                    if (!ReferenceEquals(element.GetAttribute(node.Name), nodes[element.IndexOfAttribute(node.Name)]))
                        throw new Exception($"{node}: GetAttribute gives another object");
                }
            }
        }, iter: 80);
    }

    [Fact]
    public void Attributes_LaterParsesReuseTheWorkingTable_EarlierTreeKeepsItsValues()
    {
        // Large enough for the parser's working table to be kept for the next parse.
        var first = SyntaxTree.Parse(LargeMetabaseGenerator.Generate(1_500_000, seed: 3));
        var before = AllValues(first);
        Assert.Equal(before.Count, first.AttributeTable.Length);
        for (int seed = 4; seed < 7; seed++) SyntaxTree.Parse(LargeMetabaseGenerator.Generate(1_500_000, seed));
        Assert.Equal(before, AllValues(first));
    }

    private static List<(string Name, string Value)> AllValues(SyntaxTree tree) =>
        tree.DescendantElements().SelectMany(e => Enumerable.Range(0, e.AttributeCount).Select(i => e.AttributeAt(i)))
            .Select(a => (a.Name, a.RawValue)).ToList();

    [Fact]
    public void Attributes_AskedTwiceOrThroughTheModel_SameObjects()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Generated));
        foreach (var key in model.Keys.Take(200))
        {
            Assert.Same(key.Element.Attributes, key.Element.Attributes);
            if (key.LocationAttribute is { } location)
            {
                Assert.Same(key.Element.GetAttribute("Location"), location);
                Assert.Contains(key.Element.Attributes, a => ReferenceEquals(a, location));
            }
            foreach (var property in key.Properties) Assert.Contains(key.Element.Attributes, a => ReferenceEquals(a, property.Attribute));
        }
    }

    [Fact]
    public void Attributes_FirstAskedFromManyThreads_AllSeeTheSameObjects()
    {
        var elements = SyntaxTree.Parse(Generated).DescendantElements().ToArray();
        var seen = new IReadOnlyList<AttributeNode>[4][];
        Parallel.For(0, seen.Length, t =>
        {
            seen[t] = new IReadOnlyList<AttributeNode>[elements.Length];
            for (int i = 0; i < elements.Length; i++) seen[t][i] = elements[i].Attributes;
        });
        for (int i = 0; i < elements.Length; i++)
        {
            for (int t = 1; t < seen.Length; t++) Assert.Same(seen[0][i], seen[t][i]);
        }
    }

    [Fact]
    public void Parse_ManyAttributes_TableGrowsAndKeepsEveryOne()
    {
        // Far more attributes than the size estimate from the text length allows for.
        var text = "<a" + string.Concat(Enumerable.Range(0, 5000).Select(i => $" b{i}=\"\"")) + "/>";
        var root = SyntaxTree.Parse(text).Root!;
        Assert.Equal(5000, root.Attributes.Count);
        Assert.Equal("b4999", root.Attributes[4999].Name);
        Assert.Equal(root.Attributes[4999].Span.End, text.Length - 2);
    }
}

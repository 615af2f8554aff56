using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Navigation;

/// <summary>The per-model hierarchy against the plain one it replaced (every key's nearest ancestor looked up).</summary>
public sealed class KeyHierarchyTests
{
    /// <summary>The simple version: parent of every key by walking its Location up, children in document order.</summary>
    private sealed class Reference
    {
        public readonly List<MetabaseKey> Roots = [];
        public readonly Dictionary<MetabaseKey, MetabaseKey> Parent = new(ReferenceEqualityComparer.Instance);
        public readonly Dictionary<MetabaseKey, List<MetabaseKey>> Children = new(ReferenceEqualityComparer.Instance);

        public Reference(MetabaseModel model)
        {
            foreach (var key in model.Keys)
            {
                MetabaseKey? parent = null;
                for (var path = key.ParentLocation; path != null && parent == null; path = LocationPath.GetParent(path))
                {
                    var keys = model.FindByLocation(path);
                    if (keys.Count > 0) parent = keys[0];
                }
                if (parent == null) { Roots.Add(key); continue; }
                Parent[key] = parent;
                if (!Children.TryGetValue(parent, out var list)) Children[parent] = list = [];
                list.Add(key);
            }
        }
    }

    private static void AssertSameAsReference(MetabaseModel model)
    {
        var reference = new Reference(model);
        var hierarchy = KeyHierarchy.Build(model);
        Assert.Equal(reference.Roots, hierarchy.Roots, ReferenceEqualityComparer.Instance);
        foreach (var key in model.Keys)
        {
            Assert.Same(reference.Parent.GetValueOrDefault(key), hierarchy.ParentOf(key));
            Assert.Equal(reference.Children.GetValueOrDefault(key) ?? [], hierarchy.ChildrenOf(key), ReferenceEqualityComparer.Instance);
        }
    }

    [Fact]
    public void KeyHierarchy_RandomLocations_EqualsNearestAncestorLookup() =>
        LocationDocumentGen.Document.Sample(text => AssertSameAsReference(MetabaseModel.Build(SyntaxTree.Parse(text))), iter: 500);

    [Fact]
    public void KeyHierarchy_GeneratedLargeDocument_EqualsNearestAncestorLookup() =>
        AssertSameAsReference(MetabaseModel.Build(SyntaxTree.Parse(LargeMetabaseGenerator.Generate(400_000))));

    [Fact]
    public void KeyHierarchy_EmptyLocationBeforeRelativeOne_BothRoots()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(
            "<configuration><MBProperty><IIsObject Location=\"\"/><IIsObject Location=\"rel/x\"/></MBProperty></configuration>"));
        Assert.Equal(model.Keys, KeyHierarchy.Build(model).Roots, ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void KeyHierarchy_SameModel_BuiltOnce()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Fixture.ReadSample("MetaBase.xml")));
        Assert.Same(KeyHierarchy.Build(model), KeyHierarchy.Build(model));
    }

    [Fact]
    public void DocumentSymbols_GeneratedDocumentCapped_UpperLevelsBreadthFirstInDocumentOrder()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(LargeMetabaseGenerator.Generate(400_000)));
        var reference = new Reference(model);
        var tree = DocumentSymbols.Build(model, maxSymbols: 300);
        Assert.True(tree.Capped);
        Assert.Equal(300, tree.Count);
        // Breadth first over the reference tree, cut at 300: the same keys in the same places.
        var expected = new List<(MetabaseKey Key, MetabaseKey? Parent)>();
        var queue = new Queue<MetabaseKey>();
        foreach (var root in reference.Roots.Take(300)) { expected.Add((root, null)); queue.Enqueue(root); }
        while (queue.Count > 0 && expected.Count < 300)
        {
            var parent = queue.Dequeue();
            foreach (var child in (reference.Children.GetValueOrDefault(parent) ?? []).Take(300 - expected.Count))
            {
                expected.Add((child, parent));
                queue.Enqueue(child);
            }
        }
        var actual = new List<(MetabaseKey Key, MetabaseKey? Parent)>();
        var symbols = new Queue<(KeySymbol Symbol, MetabaseKey? Parent)>(tree.Symbols.Select(s => (s, (MetabaseKey?)null)));
        while (symbols.Count > 0)
        {
            var (symbol, parent) = symbols.Dequeue();
            actual.Add((symbol.Key, parent));
            foreach (var child in symbol.Children) symbols.Enqueue((child, symbol.Key));
        }
        Assert.Equal(expected.Select(e => (e.Key.Element.Span.Start, e.Parent?.Element.Span.Start)), actual.Select(a => (a.Key.Element.Span.Start, a.Parent?.Element.Span.Start)));
    }
}

using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Model;

/// <summary>
/// Properties, Custom elements and the key index are built on demand; they must hold what the eager model held
/// (checked against the tree directly) and stay the same objects once built, whichever thread asks first.
/// </summary>
public class LazyModelTests
{
    private static readonly string Generated = LargeMetabaseGenerator.Generate(30_000, seed: 3);
    private static readonly string[] Fragments = ["<", ">", "</", "/>", "\"", "<Custom Name=\"A\" ID=\"1\"/>", "<IIsWebVirtualDir ", " Location=\"/x\"", "\r\n"];

    [Fact]
    public void Properties_EveryKey_AreTheAttributesExceptLocationInOrder()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Generated));
        foreach (var key in model.Keys)
        {
            var expected = key.Element.Attributes.Where(a => a.Name != "Location").ToList();
            Assert.Equal(expected.Count, key.Properties.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Same(expected[i], key.Properties[i].Attribute);
                Assert.Same(key, key.Properties[i].Key);
                Assert.Equal(expected[i].Value, key.Properties[i].Value);
            }
        }
    }

    [Fact]
    public void Properties_AskedTwice_SameObjects()
    {
        var key = MetabaseModel.Build(SyntaxTree.Parse(Generated)).Keys.First(k => k.Element.Attributes.Count > 2);
        var first = key.Properties;
        Assert.Same(first, key.Properties);
        Assert.Same(first[0], key.GetProperty(first[0].Name));
        Assert.Same(key.CustomProperties, key.CustomProperties);
    }

    [Fact]
    public void FindByLocation_FirstAskedFromManyThreads_EveryKeyFindsItself()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Generated));
        var keys = model.Keys;
        Parallel.For(0, 8, t =>
        {
            for (int i = t; i < keys.Count; i += 8)
            {
                if (keys[i].Location is { } location && !model.FindByLocation(location).Contains(keys[i]))
                    throw new Exception($"{keys[i]} not found at its own Location");
            }
        });
    }

    [Fact]
    public void Properties_FirstAskedFromManyThreads_AllSeeTheSameObjects()
    {
        var keys = MetabaseModel.Build(SyntaxTree.Parse(Generated)).Keys;
        var seen = new IReadOnlyList<MetabaseProperty>[8][];
        Parallel.For(0, seen.Length, t =>
        {
            seen[t] = new IReadOnlyList<MetabaseProperty>[keys.Count];
            for (int i = 0; i < keys.Count; i++) seen[t][i] = keys[i].Properties;
        });
        for (int i = 0; i < keys.Count; i++)
        {
            for (int t = 1; t < seen.Length; t++) Assert.Same(seen[0][i], seen[t][i]);
        }
    }

    [Fact]
    public void CustomProperties_RandomMutations_SplitChildrenAsTheTreeHasThem()
    {
        MutationGen.Of(Generated, Fragments, maxEdits: 6).Sample(text =>
        {
            foreach (var key in MetabaseModel.Build(SyntaxTree.Parse(text)).Keys)
            {
                var children = key.Element.Children;
                var custom = children.Where(c => c.Name == "Custom").ToList();
                if (key.HasCustomProperties != custom.Count > 0) throw new Exception($"HasCustomProperties wrong for {key}");
                if (!custom.SequenceEqual(key.CustomProperties.Select(c => c.Element))) throw new Exception($"Custom wrong for {key}");
                // Keys never nest: the parser ends a key where any other element starts.
                if (children.Any(c => c.Name != "Custom")) throw new Exception($"an element other than Custom inside {key}");
                if (key.HasCustomProperties != key.CustomProperties.Count > 0) throw new Exception($"HasCustomProperties after build wrong for {key}");
            }
        }, iter: 60);
    }

    [Fact]
    public void FindKeyAt_RandomMutationsAndOffsets_EqualsWalkingUpToAKeyElement()
    {
        var gen = Gen.Select(MutationGen.Of(Generated, Fragments, maxEdits: 4), Gen.Double[0, 1].Array[20]);
        gen.Sample((text, positions) =>
        {
            var model = MetabaseModel.Build(SyntaxTree.Parse(text));
            var byElement = model.Keys.ToDictionary(k => k.Element, ReferenceEqualityComparer.Instance);
            foreach (var position in positions)
            {
                int offset = (int)(position * text.Length);
                MetabaseKey? expected = null;
                for (var element = model.Tree.FindElementAt(offset); element != null && expected == null; element = element.Parent)
                    expected = byElement.GetValueOrDefault(element) as MetabaseKey;
                if (!ReferenceEquals(expected, model.FindKeyAt(offset))) throw new Exception($"FindKeyAt({offset}) differs");
            }
        }, iter: 60);
    }

    [Fact]
    public void GetChildren_EveryKey_KeysWhoseParentLocationIsItsLocation()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Generated));
        foreach (var key in model.Keys.Where(k => k.Location != null))
        {
            var expected = model.Keys.Where(k => k.ParentLocation != null && LocationPath.AreEqual(k.ParentLocation, key.Location));
            Assert.Equal(expected, model.GetChildren(key));
        }
    }
}

using System.Text;
using CsCheck;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Model;

/// <summary>
/// The Location index (key numbers hashed over the text) and the child index (ranges of one array) answer exactly as
/// the string dictionaries they replaced: a differential test against a linear scan with the old rules.
/// </summary>
public class LocationIndexTests
{
    // Case variants, an entity, a raw '&' (kept verbatim), trailing and doubled slashes, the odd paths IIS allows.
    private static readonly Gen<string> Segment = Gen.OneOfConst("LM", "lm", "W3SVC", "w3svc", "1", "2", "Root", "ROOT", "a&amp;b", "A&B", "x&#47;y");
    private static readonly Gen<string?> LocationGen = Gen.Frequency(
        (8, Gen.Select(Segment.Array[0, 4], Gen.OneOfConst("", "/", "//"))
            .Select((parts, tail) => "/" + string.Join("/", parts) + tail)),
        (1, Gen.OneOfConst<string?>(null, "", "/", ".", "  ", "LM/W3SVC", "/LM//W3SVC")));

    [Fact]
    public void LocationIndex_RandomLocations_MatchesLinearScan()
    {
        Gen.Select(LocationGen.Array[0, 40], LocationGen.Array[0, 6]).Sample((locations, queries) =>
        {
            var model = MetabaseModel.Build(SyntaxTree.Parse(Document(locations)));
            var keys = model.Keys;
            Assert.Equal(locations.Length, keys.Count);
            var probes = keys.Select(k => k.Location).Concat(queries).OfType<string>().ToList();
            foreach (var probe in probes)
            {
                var expected = keys.Where(k => k.Location != null && LocationPath.AreEqual(k.Location, probe)).ToList();
                Assert.Equal(expected, model.FindByLocation(probe));
                var (first, count) = model.CountByLocation(probe);
                Assert.Same(expected.FirstOrDefault(), first);
                Assert.Equal(expected.Count, count);
            }
            bool duplicated = keys.Where(k => k.Location != null).GroupBy(k => LocationPath.Normalize(k.Location!), LocationPath.Comparer).Any(g => g.Count() > 1);
            Assert.Equal(duplicated, model.HasDuplicateLocations);
            Assert.Equal(SharedLocations(keys), model.DuplicatedKeys());
            // The parents looked up in parallel, a few keys a range, as on a large model.
            var index = new LocationIndex(keys);
            var inParallel = new ChildIndex(keys, index, parallelFromKeys: 0, keysPerRange: 3);
            foreach (var key in keys)
            {
                Assert.Equal(ChildrenByOldRule(keys, key), model.GetChildren(key));
                if (key.HasLocation && index.FindFirst(LocationPath.Normalize(key.LocationText)) is >= 0 and var first)
                    Assert.Equal(model.GetChildren(key), inParallel.ChildrenOf(first));
                Assert.Equal(key.Location == null ? null : EntityDecoder.Decode(key.LocationView!.Value.RawValueSpan), key.Location);
                Assert.Equal(key.Location ?? "", key.LocationText.ToString());
            }
        }, iter: 300);
    }

    [Fact]
    public void GetChildren_DuplicatedParentLocation_SameChildrenForEveryDuplicate()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Document(["/LM", "/lm/", "/LM/W3SVC", "/LM/SmtpSvc/"])));
        var keys = model.Keys;
        Assert.Equal([keys[2], keys[3]], model.GetChildren(keys[0]));
        Assert.Equal([keys[2], keys[3]], model.GetChildren(keys[1]));
        Assert.Empty(model.GetChildren(keys[2]));
    }

    [Fact]
    public void FindByLocation_EntityInLocation_FoundByDecodedPath()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Document(["/LM/a&amp;b", "/LM/a&amp;b/c"])));
        Assert.Same(model.Keys[0], Assert.Single(model.FindByLocation("/lm/A&B/")));
        Assert.Same(model.Keys[1], Assert.Single(model.GetChildren(model.Keys[0])));
    }

    [Theory]
    [InlineData("<IIsWebServer Location/>")]
    [InlineData("<IIsWebServer Location=/>")]
    [InlineData("<IIsWebServer Location=\"\"/>")]
    public void Location_AttributeWithoutValue_EmptyAndIndexed(string key)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse($"<configuration><MBProperty>{key}</MBProperty></configuration>"));
        var only = Assert.Single(model.Keys);
        Assert.Equal("", only.Location);
        Assert.True(only.LocationText.IsEmpty);
        Assert.Same(only, Assert.Single(model.FindByLocation("")));
        Assert.Empty(model.GetChildren(only));
    }

    /// <summary>What the replaced Dictionary&lt;string, List&gt; by raw parent path answered.</summary>
    private static List<MetabaseKey> ChildrenByOldRule(IReadOnlyList<MetabaseKey> keys, MetabaseKey key)
    {
        if (key.Location == null) return [];
        var path = LocationPath.Normalize(key.Location);
        return keys.Where(k => k.ParentLocation != null && string.Equals(k.ParentLocation, path, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// A model made from an earlier one with runs of keys replaced, added or removed (as after keystrokes in Locations,
    /// and keys pasted or deleted) counts and lists duplicates as an index over all its keys would.
    /// </summary>
    [Fact]
    public void EditedIndex_RandomRuns_SameDuplicatesAsAWholeIndex()
    {
        Gen.Select(LocationGen.Array[1, 30], LocationGen.Array[1, 8], Gen.Int[0, 1000].Array[1, 12]).Sample((locations, replacementLocations, picks) =>
        {
            var earlier = MetabaseModel.Build(SyntaxTree.Parse(Document(locations)));
            var replacing = MetabaseModel.Build(SyntaxTree.Parse(Document(replacementLocations))).Keys;
            // Runs from the picks: where each starts after the last, how many earlier keys it replaces, how many it puts there.
            var keys = new List<MetabaseKey>();
            var runs = new List<KeyRun>();
            int next = 0, used = 0;
            for (int i = 0; i + 2 < picks.Length; i += 3)
            {
                int start = next + picks[i] % 4;
                if (start > locations.Length) break;
                int end = Math.Min(locations.Length, start + picks[i + 1] % 3);
                int count = Math.Min(replacing.Count - used, picks[i + 2] % 3);
                keys.AddRange(earlier.Keys.Skip(next).Take(start - next));
                runs.Add(new KeyRun(start, end, keys.Count, keys.Count + count));
                keys.AddRange(replacing.Skip(used).Take(count));
                used += count;
                next = end;
            }
            keys.AddRange(earlier.Keys.Skip(next));
            var edited = MetabaseModel.FromKeys(earlier, keys, new KeyRenumbering(runs.ToArray()), new System.Collections.BitArray(keys.Count), _ => 0);

            Assert.Equal(SharedLocations(keys).Count > 0, edited.HasDuplicateLocations);
            Assert.Equal(SharedLocations(keys), edited.DuplicatedKeys());
            foreach (var key in keys.Where(k => k.Location != null))
            {
                var expected = keys.Where(k => k.Location != null && LocationPath.AreEqual(k.Location, key.Location)).ToList();
                var (first, count) = edited.CountByLocation(key.Location!);
                Assert.Same(expected[0], first);
                Assert.Equal(expected.Count, count);
            }
        }, iter: 800);
    }

    /// <summary>The numbers of the keys whose normalised Location another key has, ascending.</summary>
    private static List<int> SharedLocations(IReadOnlyList<MetabaseKey> keys) =>
        Enumerable.Range(0, keys.Count)
            .Where(k => keys[k].Location is { } location && keys.Count(other => other.Location != null && LocationPath.AreEqual(other.Location, location)) > 1)
            .ToList();

    private static string Document(IEnumerable<string?> locations)
    {
        var text = new StringBuilder("<configuration>\n<MBProperty>\n");
        foreach (var location in locations)
        {
            text.Append(location == null ? "<IIsWebVirtualDir Path=\"c:\\\"/>\n" : $"<IIsWebVirtualDir Location=\"{location}\"/>\n");
        }
        return text.Append("</MBProperty>\n</configuration>\n").ToString();
    }
}

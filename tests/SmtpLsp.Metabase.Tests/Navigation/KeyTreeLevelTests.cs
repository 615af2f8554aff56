using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Navigation;

/// <summary>The key tree a level and a page at a time (the VS Code explorer's), against the whole outline.</summary>
public sealed class KeyTreeLevelTests
{
    [Theory]
    [InlineData(3, 7)]
    [InlineData(11, 2000)]
    public void Page_EveryLevelPageByPage_TheWholeOutline(int seed, int pageSize)
    {
        // Keys whose parent path has no key, a duplicated Location and keys without one, beside a generated metabase.
        var text = LargeMetabaseGenerator.Generate(3_000, seed).Replace("</MBProperty>",
            "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/far/away/deep.example\"/>\n" +
            "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/far/away/deep.example\"/>\n" +
            "<IIsConfigObject/>\n</MBProperty>");
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        var outline = DocumentSymbols.Build(model, int.MaxValue);
        Assert.False(outline.Capped);

        var walked = Level(model, null, pageSize);

        Assert.Equal(Describe(outline.Symbols), walked);
        Assert.Equal(model.Keys.Count, outline.Count);
    }

    [Fact]
    public void Page_PastTheLevelOrAtNoKey_EmptyOrNull()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Fixture.ReadSample("MetaBase.xml")));
        var services = KeyTreeLevel.Page(model, "/lm/smtpsvc")!;

        Assert.Empty(KeyTreeLevel.Page(model, "/LM/SmtpSvc", start: services.Total)!.Items);
        Assert.Null(KeyTreeLevel.Page(model, "/LM/nowhere"));
        Assert.Equal("1", services.Items[0].Name);
        Assert.True(services.Items[0].ChildCount > 0);
    }

    /// <summary>The tree read page by page from the top, as the outline's symbols are described.</summary>
    private static string Level(MetabaseModel model, string? location, int pageSize)
    {
        var sb = new System.Text.StringBuilder();
        int total = int.MaxValue;
        for (int start = 0; start < total; start += pageSize)
        {
            var page = KeyTreeLevel.Page(model, location, start, pageSize)!;
            total = page.Total;
            Assert.True(page.Items.Count == Math.Min(pageSize, total - start), $"{location} from {start}: {page.Items.Count} of {total}");
            foreach (var item in page.Items)
            {
                sb.Append($"({item.Name} {item.Key.KeyType} {item.Span} {item.SelectionSpan}");
                // Only the first key at a Location has children; asking by Location gives the first's.
                if (item.ChildCount > 0) sb.Append(Level(model, item.Key.Location, pageSize));
                else if (item.Key.Location is { } at && ReferenceEquals(model.CountByLocation(at).First, item.Key))
                    Assert.Equal(0, KeyTreeLevel.Page(model, at)!.Total);
                sb.Append(')');
            }
        }
        return sb.ToString();
    }

    private static string Describe(IReadOnlyList<KeySymbol> symbols) =>
        string.Concat(symbols.Select(s => $"({s.Name} {s.Detail} {s.Span} {s.SelectionSpan}{Describe(s.Children)})"));
}

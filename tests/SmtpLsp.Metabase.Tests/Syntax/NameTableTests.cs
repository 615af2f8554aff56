using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Syntax;

public class NameTableTests
{
    [Fact]
    public void Get_ManyNames_SameStringAndIdForEqualSpans()
    {
        var table = new NameTable();
        var ids = new Dictionary<string, int>();
        for (int i = 0; i < 5000; i++)
        {
            var name = "Name" + i;
            table.Get(name.AsSpan(), out int id);
            ids[name] = id;
        }
        Assert.Equal(5000, table.Count);
        Assert.Equal(5000, ids.Values.Distinct().Count());
        foreach (var (name, id) in ids)
        {
            var first = table.Get((name + "x").AsSpan(0, name.Length), out int again);
            Assert.Equal(id, again);
            Assert.Same(first, table.Get(name.AsSpan(), out _));
        }
    }

    [Fact]
    public void Parse_ManyDistinctAttributeNames_DuplicateStillFound()
    {
        var attributes = string.Concat(Enumerable.Range(0, 300).Select(i => $" a{i}=\"\""));
        var tree = SyntaxTree.Parse($"<k{attributes} a299=\"\" a0=\"\"/>");
        Assert.Equal(2, tree.Diagnostics.Count(d => d.Code == Metabase.Analysis.DiagnosticCodes.DuplicateAttribute));
    }
}

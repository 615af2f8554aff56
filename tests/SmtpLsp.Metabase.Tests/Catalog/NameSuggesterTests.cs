using CsCheck;
using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Tests.Catalog;

public class NameSuggesterTests
{
    private static readonly string[] PropertyNames = MetabaseCatalog.Embedded.Properties.Select(p => p.Name).ToArray();

    /// <summary>The whole table, case-insensitive: what the bounded search with its letter bound must agree with.</summary>
    private static int Reference(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }

    private static IReadOnlyList<string> ReferenceClosest(string misspelt, IEnumerable<string> candidates, int max)
    {
        int limit = Math.Max(1, misspelt.Length / 3);
        return candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Reference(misspelt, c)))
            .Where(x => x.Distance <= limit && x.Name != misspelt)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max).Select(x => x.Name).ToList();
    }

    [Theory]
    [InlineData("MaxMesageSize", "MaxMessageSize")]
    [InlineData("maxmessagesize", "MaxMessageSize")]
    [InlineData("SmtpInboundCommandSuportOptions", "SmtpInboundCommandSupportOptions")]
    [InlineData("ServerComent", "ServerComment")]
    public void Closest_TypoOfACatalogName_ThatNameFirst(string misspelt, string expected)
    {
        Assert.Equal(expected, NameSuggester.Closest(misspelt, PropertyNames, 1).Single());
    }

    [Fact]
    public void Closest_MisspeltCatalogNamesAndRandomWords_SameAsTheWholeTable()
    {
        var index = new NameIndex(PropertyNames);
        var typo = Gen.Int[0, PropertyNames.Length - 1].SelectMany(n => Gen.Int[0, 3].SelectMany(edits =>
            Gen.Int.Array[edits * 2].Select(r =>
            {
                var word = PropertyNames[n].ToCharArray().ToList();
                for (int e = 0; e < edits && word.Count > 1; e++)
                {
                    int at = (int)((uint)r[e * 2] % word.Count);
                    char c = (char)('a' + (uint)r[e * 2 + 1] % 26);
                    switch ((uint)r[e * 2 + 1] % 3) { case 0: word[at] = c; break; case 1: word.Insert(at, c); break; default: word.RemoveAt(at); break; }
                }
                return new string(word.ToArray());
            })));
        var words = Gen.OneOf(typo, Gen.String[Gen.Char['A', 'z'], 1, 30]);
        words.Sample(word => Assert.Equal(ReferenceClosest(word, PropertyNames, 3), NameSuggester.Closest(word, index, 3)), iter: 2000);
    }

    [Fact]
    public void Distance_RandomWords_SameAsTheWholeTable()
    {
        Gen.Select(Gen.String[Gen.Char['a', 'f'], 0, 12], Gen.String[Gen.Char['A', 'F'], 0, 12])
            .Sample((a, b) => Assert.Equal(Reference(a, b), NameSuggester.Distance(a, b)), iter: 2000);
    }
}

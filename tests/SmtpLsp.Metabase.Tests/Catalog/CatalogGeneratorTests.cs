using System.Text.Json;
using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Tests.Catalog;

public class CatalogGeneratorTests
{
    [Fact]
    public void Generate_CorpusSchema_MatchesCommittedCatalogByteForByte()
    {
        var generated = CatalogGenerator.Generate(RepoPaths.MbSchema);
        // Regenerate switch for developers: SMTPLSP_REGENERATE_CATALOG=1 rewrites the committed file.
        if (Environment.GetEnvironmentVariable("SMTPLSP_REGENERATE_CATALOG") == "1")
            File.WriteAllText(RepoPaths.CommittedCatalog, generated);
        var committed = File.ReadAllText(RepoPaths.CommittedCatalog);
        Assert.True(committed == generated,
            "schemas/iis6.catalog.json is generated and must not be edited by hand. Regenerate it with `" +
            CatalogGenerator.RegenerateHint + "` or `SMTPLSP_REGENERATE_CATALOG=1 dotnet test tests/SmtpLsp.Metabase.Tests " +
            "--filter Generate_CorpusSchema_MatchesCommittedCatalogByteForByte`, then commit it.");
    }

    [Fact]
    public void Generate_CorpusSchema_HasExpectedCounts()
    {
        using var json = JsonDocument.Parse(CatalogGenerator.Generate(RepoPaths.MbSchema));
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal(66, counts.GetProperty("collections").GetInt32());
        Assert.Equal(507, counts.GetProperty("properties").GetInt32());
        Assert.Equal(84, counts.GetProperty("flags").GetInt32());
        Assert.Equal(66, json.RootElement.GetProperty("collections").GetArrayLength());
        Assert.Equal(507, json.RootElement.GetProperty("properties").GetArrayLength());
    }

    [Fact]
    public void Generate_CorpusSchema_HeaderNamesSourceAndHash()
    {
        using var json = JsonDocument.Parse(CatalogGenerator.Generate(RepoPaths.MbSchema));
        var header = json.RootElement.GetProperty("header");
        Assert.Equal("MBSchema.xml", header.GetProperty("sourceFile").GetString());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepoPaths.MbSchema)));
        Assert.Equal(expected, header.GetProperty("sourceSha256").GetString());
    }

    [Fact]
    public void Generate_BrokenSchema_ThrowsInvalidDataWithLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mbschema-broken-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<MetaData>\n  <Collection InternalName=\"X\">\n</MetaData>");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => CatalogGenerator.Generate(path));
            Assert.Contains("(3,", e.Message);
        }
        finally { File.Delete(path); }
    }
}

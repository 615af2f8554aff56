using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.TestSupport;

public class LargeMetabaseGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameText()
    {
        Assert.Equal(LargeMetabaseGenerator.Generate(200_000, seed: 7), LargeMetabaseGenerator.Generate(200_000, seed: 7));
        Assert.NotEqual(LargeMetabaseGenerator.Generate(200_000, seed: 7), LargeMetabaseGenerator.Generate(200_000, seed: 8));
    }

    [Fact]
    public void Generate_OneMegabyte_ReachesSizeWithWebAndSmtpKeys()
    {
        var text = LargeMetabaseGenerator.Generate(LargeMetabaseGenerator.OneMegabyte);
        Assert.InRange(text.Length, LargeMetabaseGenerator.OneMegabyte, LargeMetabaseGenerator.OneMegabyte + 8192);
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        Assert.True(model.Keys.Count(k => k.KeyType == "IIsWebServer") > 500);
        Assert.True(model.Keys.Count(k => k.KeyType == "IIsWebVirtualDir") > 500);
        Assert.True(model.Keys.Count(k => k.KeyType == "IIsSmtpServer") > 50);
        Assert.Contains(model.Keys, k => k.KeyType == "IIsSmtpDomain");
        Assert.Contains(model.Keys, k => k.CustomProperties.Count > 0);
    }

    [Fact]
    public void Generate_Analysed_OnlyExchangeHintsAndNoErrors()
    {
        var text = LargeMetabaseGenerator.Generate(LargeMetabaseGenerator.OneMegabyte, seed: 3);
        var diagnostics = MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), MetabaseCatalog.Embedded);
        var unexpected = diagnostics.Where(d => d.Code != DiagnosticCodes.ExchangeManaged).Take(10).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(d => $"{d.Code} {d.Message}")));
        // Every fiftieth SMTP server carries Custom elements, which is enough for the Exchange rule to fire.
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
    }
}

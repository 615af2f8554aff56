using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Features;

public class MetabaseDocumentTests
{
    [Fact]
    public void Create_Sample_BuildsTreeModelAndLines()
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var doc = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        Assert.Same(text, doc.Text);
        Assert.Same(MetabaseCatalog.Embedded, doc.Catalog);
        Assert.Equal("configuration", doc.Tree.Root?.Name);
        Assert.NotEmpty(doc.Model.FindByLocation("/LM/SmtpSvc/1"));
        Assert.True(doc.Lines.LineCount > 10);
    }

    [Fact]
    public void Create_Null_GivesEmptyDocument()
    {
        var doc = MetabaseDocument.Create(null, MetabaseCatalog.Embedded);
        Assert.Equal("", doc.Text);
        Assert.Empty(doc.Model.Keys);
    }

    [Fact]
    public void LooksLikeMetabase_Samples_True()
    {
        foreach (var name in Fixture.SampleNames())
            Assert.True(MetabaseDocument.LooksLikeMetabase(Fixture.ReadSample(name)), name);
    }

    [Theory]
    [InlineData("<configuration><MBProperty></MBProperty></configuration>")]
    [InlineData("\uFEFF<!-- exported by iiscnfg -->\r\n<?xml version=\"1.0\"?>\r\n<configuration xmlns=\"x\">\r\n<MBProperty>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x>\n<configuration>\n<MBProperty/>")]
    public void LooksLikeMetabase_ConfigurationWithMbProperty_True(string text) =>
        Assert.True(MetabaseDocument.LooksLikeMetabase(text));

    [Theory]
    [InlineData("")]
    [InlineData("<configuration><appSettings/></configuration>")]
    [InlineData("<configurations><MBProperty/></configurations>")]
    [InlineData("<project><configuration><MBProperty/></configuration></project>")]
    [InlineData("<!-- never closed <configuration><MBProperty>")]
    [InlineData("plain text <configuration><MBProperty>")]
    public void LooksLikeMetabase_OtherXml_False(string text) =>
        Assert.False(MetabaseDocument.LooksLikeMetabase(text));

    [Fact]
    public void LooksLikeMetabase_MbPropertyPastTheSniffWindow_False()
    {
        var text = "<configuration>" + new string(' ', 10_000) + "<MBProperty>";
        Assert.False(MetabaseDocument.LooksLikeMetabase(text));
    }
}

using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Tests.Catalog;

public class MbSchemaReaderTests
{
    private const string Minimal = """
        <?xml version ="1.0"?>
        <MetaData xmlns="x-urn:microsoft-catalog:MetaData_V7">
          <DatabaseMeta InternalName ="METABASE">
            <Collection InternalName ="MetabaseBaseClass" MetaFlags="HIDDEN">
              <Property InternalName ="Location" Type="WSTR" MetaFlags="PRIMARYKEY"/>
            </Collection>
            <Collection InternalName ="IIsConfigObject" MetaFlags="HIDDEN">
              <Property InternalName ="AuthFlags" ID="6000" Type="DWORD" UserType="IIS_MD_UT_FILE" Attributes="INHERIT" DefaultValue="AuthAnonymous" EndingNumber="0">
                <Flag InternalName ="AuthBasic" Value="2" ID="6219"/>
                <Flag InternalName ="AuthAnonymous" Value="1" ID="6218"/>
              </Property>
              <Property InternalName ="HopCount" ID="36886" Type="DWORD" UserType="IIS_MD_UT_SERVER" Attributes="INHERIT" DefaultValue="10" EndingNumber="0"/>
            </Collection>
            <Collection InternalName ="IIsSmtpServer" ContainerClassList="IIsObject,IIsSmtpDomain" InheritsPropertiesFrom="MetabaseBaseClass">
              <Property InheritsPropertiesFrom ="IIsConfigObject:AuthFlags"/>
            </Collection>
          </DatabaseMeta>
        </MetaData>
        """;

    [Fact]
    public void Read_MinimalSchema_ReadsCollectionsPropertiesFlags()
    {
        var result = MbSchemaReader.ReadText(Minimal);
        Assert.Empty(result.Errors);
        var schema = result.Schema!;
        Assert.Equal(3, schema.Collections.Count);
        Assert.Equal(["AuthFlags", "HopCount"], schema.PoolProperties.Select(p => p.Name));
        Assert.Equal([new SchemaFlag("AuthBasic", 2, 6219), new SchemaFlag("AuthAnonymous", 1, 6218)], schema.PoolProperties[0].Flags);
        Assert.Equal(0, schema.PoolProperties[1].EndingNumber);
        var server = schema.Collections[2];
        Assert.Equal(["AuthFlags"], server.PropertyReferences);
        Assert.Equal("IIsObject,IIsSmtpDomain", server.ContainerClassList);
        Assert.Equal("Location", schema.Collections[0].DefinedProperties.Single().Name);
    }

    [Fact]
    public void Read_MultiSzDefaultOverSeveralLines_OneItemPerLine()
    {
        // As MBSchema.xml writes LogCustomPropertyServicesString; an XML reader's normalisation made it one item.
        var schema = MbSchemaReader.ReadText(Minimal.Replace("DefaultValue=\"10\" EndingNumber=\"0\"/>",
            "DefaultValue=\"10\" EndingNumber=\"0\"/>\n<Property InternalName =\"Services\" ID=\"4506\" Type=\"MULTISZ\" DefaultValue=\"W3Svc\r\n\t\t\tMS&#70;TPSvc\n\t\t\tSmtpSvc\"/>\n<Property InternalName =\"Comment\" ID=\"1015\" Type=\"STRING\" DefaultValue=\"a\r\n\tb\"/>")).Schema!;
        Assert.Equal("W3Svc\nMSFTPSvc\nSmtpSvc", schema.PoolProperties.Single(p => p.Name == "Services").DefaultValue);
        Assert.Equal("a  b", schema.PoolProperties.Single(p => p.Name == "Comment").DefaultValue); // other values as XML reads them
    }

    [Theory]
    [InlineData("&a;")]
    [InlineData("&#0;")]
    public void Read_DefaultWithAnUndeclaredEntityOrNoCharacter_RefusedWithItsLine(string value)
    {
        var result = MbSchemaReader.ReadText(Minimal.Replace("DefaultValue=\"10\"", $"DefaultValue=\"{value}\""));
        Assert.Null(result.Schema);
        Assert.Equal(12, Assert.Single(result.Errors).Line); // HopCount's line
    }

    [Fact]
    public void LoadSchemaFile_MinimalSchema_BuildsCatalogWithOverlay()
    {
        var path = Temp(Minimal);
        try
        {
            var result = MetabaseCatalog.LoadSchemaFile(path);
            Assert.Empty(result.Errors);
            var catalog = result.Catalog!;
            Assert.Equal(2, catalog.Properties.Count);
            Assert.True(catalog.FindKeyType("IIsSmtpServer")!.AllowsProperty("AuthFlags"));
            Assert.False(catalog.FindKeyType("IIsSmtpServer")!.AllowsProperty("HopCount"));
            Assert.Equal("15", catalog.FindProperty("HopCount")!.InstalledDefault!.Value); // overlay applied
            Assert.Contains(path, catalog.SourceDescription);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void LoadSchemaFile_MalformedXml_ReportsLineAndColumnWithoutThrowing()
    {
        var path = Temp("<MetaData>\n  <Collection InternalName=\"A\">\n    <Property InternalName=\"X\" ID=\"1\" Type=\"DWORD\"\n</MetaData>\n");
        try
        {
            var result = MetabaseCatalog.LoadSchemaFile(path);
            Assert.Null(result.Catalog);
            var error = Assert.Single(result.Errors);
            Assert.Equal(4, error.Line);
            Assert.True(error.Column > 0);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void LoadSchemaFile_Doctype_IsRefused()
    {
        var path = Temp("<?xml version=\"1.0\"?>\n<!DOCTYPE MetaData [<!ENTITY x \"boom\">]>\n<MetaData>&x;</MetaData>");
        try
        {
            var result = MetabaseCatalog.LoadSchemaFile(path);
            Assert.Null(result.Catalog);
            var error = Assert.Single(result.Errors);
            Assert.True(error.Line == 2, error.ToString());
            Assert.Contains("DTD", error.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void LoadSchemaFile_MissingFile_ReportsErrorWithoutThrowing()
    {
        var result = MetabaseCatalog.LoadSchemaFile(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "MBSchema.xml"));
        Assert.Null(result.Catalog);
        Assert.Contains("cannot read", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("<Other/>", "root element")]
    [InlineData("<MetaData><Collection InternalName=\"IIsConfigObject\"><Property InternalName=\"A\" ID=\"x1\" Type=\"DWORD\"/></Collection></MetaData>", "ID")]
    [InlineData("<MetaData><Collection InternalName=\"IIsConfigObject\"><Property InternalName=\"A\" ID=\"1\" Type=\"DWORD\"><Flag InternalName=\"F\" Value=\"4294967296\"/></Property></Collection></MetaData>", "Value")]
    [InlineData("<MetaData><Collection InternalName=\"IIsConfigObject\"/><Collection InternalName=\"K\"><Property InheritsPropertiesFrom=\"IIsConfigObject:Nope\"/></Collection></MetaData>", "Nope")]
    [InlineData("<MetaData><Collection InternalName=\"K\"/></MetaData>", "IIsConfigObject")]
    [InlineData("", "root element")]
    public void ReadText_InvalidSchema_ReportsErrorWithoutThrowing(string xml, string expected)
    {
        var result = MbSchemaReader.ReadText(xml);
        Assert.Null(result.Schema);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    private static string Temp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mbschema-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, content);
        return path;
    }
}

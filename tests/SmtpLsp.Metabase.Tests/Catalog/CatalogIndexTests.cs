using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Tests.Catalog;

/// <summary>The index-based answers analysis uses must equal the by-name answers for every key type and property.</summary>
public class CatalogIndexTests
{
    [Fact]
    public void AllowsProperty_ByInfo_EqualsByNameForEveryPair()
    {
        var catalog = MetabaseCatalog.Embedded;
        foreach (var keyType in catalog.KeyTypes)
        {
            foreach (var property in catalog.Properties)
                Assert.True(keyType.AllowsProperty(property) == keyType.AllowsProperty(property.Name), $"{keyType.Name}.{property.Name}");
        }
    }

    [Fact]
    public void AllowsProperty_InfoOfAnotherCatalog_FallsBackToName()
    {
        var other = new PropertyInfo { Name = "MaxConnections", Id = 1, Type = PropertyType.Dword };
        var smtp = MetabaseCatalog.Embedded.FindKeyType("IIsSmtpServer")!;
        Assert.Equal(smtp.AllowsProperty("MaxConnections"), smtp.AllowsProperty(other));
    }

    [Fact]
    public void AttributeFlags_EveryProperty_MatchTheAttributesText()
    {
        foreach (var property in MetabaseCatalog.Embedded.Properties)
        {
            var words = property.Attributes?.Split('|', StringSplitOptions.TrimEntries) ?? [];
            Assert.Equal(words.Contains("SECURE"), property.IsSecure);
            Assert.Equal(words.Contains("INHERIT"), property.IsInherit);
            Assert.Equal(words.Contains("VOLATILE"), property.IsVolatile);
        }
    }
}

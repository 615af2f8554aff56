using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Tests.Model;

public class LocationPathTests
{
    [Theory]
    [InlineData("/LM/SmtpSvc/1", "/LM/SmtpSvc")]
    [InlineData("/LM/SmtpSvc/1/", "/LM/SmtpSvc")]
    [InlineData("/LM", "/")]
    [InlineData("/", null)]
    [InlineData(".", null)]
    [InlineData("", null)]
    [InlineData("LM", null)]
    [InlineData("/LM//", "/")]
    public void GetParent_Location_GivesParentPath(string location, string? expected)
    {
        Assert.Equal(expected, LocationPath.GetParent(location));
    }

    [Fact]
    public void Segments_Path_SplitsOnSlashes()
    {
        Assert.Equal(["LM", "SmtpSvc", "1"], LocationPath.Segments("/LM/SmtpSvc/1/"));
        Assert.Empty(LocationPath.Segments("/"));
    }

    [Fact]
    public void Comparer_DifferentCase_Equal()
    {
        Assert.True(LocationPath.Comparer.Equals("/LM/SMTPSVC/1", "/lm/SmtpSvc/1"));
        Assert.True(LocationPath.AreEqual("/LM/SmtpSvc/", "/lm/smtpsvc"));
        Assert.False(LocationPath.AreEqual("/LM/SmtpSvc/1", "/LM/SmtpSvc/2"));
    }
}

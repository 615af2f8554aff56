using CsCheck;
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
    public void Comparer_DifferentCase_Equal()
    {
        Assert.True(LocationPath.Comparer.Equals("/LM/SMTPSVC/1", "/lm/SmtpSvc/1"));
        Assert.True(LocationPath.AreEqual("/LM/SmtpSvc/", "/lm/smtpsvc"));
        Assert.False(LocationPath.AreEqual("/LM/SmtpSvc/1", "/LM/SmtpSvc/2"));
    }

    [Fact]
    public void SamePathAndStartsWithPath_RandomPaths_AsOrdinalIgnoreCase()
    {
        // The exact comparison first is a shortcut only: every answer must be the case-insensitive one.
        var part = Gen.OneOfConst("/", "LM", "lm", "W3SVC", "w3svc", "1", "ROOT", "Root", "\u00C9t\u00E9", "\u00E9T\u00C9", "\u0130", "i", "\U00010400", "\U00010428", "");
        Gen.Select(part.Array[0, 6], part.Array[0, 6]).Sample((a, b) =>
        {
            string x = string.Concat(a), y = string.Concat(b);
            Assert.Equal(x.Equals(y, StringComparison.OrdinalIgnoreCase), LocationPath.SamePath(x, y));
            Assert.Equal(x.StartsWith(y, StringComparison.OrdinalIgnoreCase), LocationPath.StartsWithPath(x, y));
        }, iter: 5000);
    }
}

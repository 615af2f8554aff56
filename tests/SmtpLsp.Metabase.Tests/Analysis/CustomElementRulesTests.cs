using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class CustomElementRulesTests
{
    private static string Service(string custom) =>
        $"<IIsWebService Location =\"/LM/W3SVC\"\n\t>\n\t{custom}\n</IIsWebService>\n";

    [Theory]
    [InlineData("<[Custom]\n\t\tID=\"2166\"\n\t\tValue=\"0\"\n\t\tType=\"DWORD\"\n\t/>", "Name")]
    [InlineData("<[Custom]\n\t\tName=\"UnknownName_2166\"\n\t\tValue=\"0\"\n\t/>", "ID")]
    [InlineData("<[Custom] Name=\"\" Value=\"0\"/>", "Name and ID")]
    public void CustomMissingNameOrId_Missing_ErrorOnElementName(string custom, string missing)
    {
        var (diagnostics, expected, _) = Analyze.Marked(Service(custom));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.CustomMissingNameOrId);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains($"without {missing};", d.Message);
    }

    [Fact]
    public void CustomMissingNameOrId_IdNotANumber_ErrorOnIdValue()
    {
        var (diagnostics, expected, _) = Analyze.Marked(Service("<Custom Name=\"X\" ID=\"[abc]\" Type=\"DWORD\"/>"));
        Assert.Equal(expected, Analyze.Single(diagnostics, DiagnosticCodes.CustomMissingNameOrId).Span);
    }

    [Fact]
    public void CustomMissingNameOrId_UnknownNameWithId_NotReported()
    {
        Assert.Empty(Analyze.Keys(Service("<Custom\n\t\tName=\"UnknownName_2166\"\n\t\tID=\"2166\"\n\t\tValue=\"0\"\n\t\tType=\"DWORD\"\n\t\tUserType=\"IIS_MD_UT_SERVER\"\n\t\tAttributes=\"INHERIT\"\n\t/>")));
    }

    [Theory]
    [InlineData("DWROD", "DWORD")]
    [InlineData("dword", "DWORD")]
    [InlineData("BOOL", null)]
    public void CustomUnknownType_Invalid_ErrorOnTypeValue(string type, string? fix)
    {
        var (diagnostics, expected, _) = Analyze.Marked(Service($"<Custom Name=\"X\" ID=\"1\" Type=\"[{type}]\"/>"));
        var d = Analyze.Single(diagnostics, DiagnosticCodes.CustomUnknownType);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Equal(fix, d.FixData);
    }

    [Theory]
    [InlineData("DWORD")]
    [InlineData("STRING")]
    [InlineData("BINARY")]
    [InlineData("EXPANDSZ")]
    [InlineData("MULTISZ")]
    public void CustomUnknownType_KnownTypes_NotReported(string type)
    {
        Assert.Empty(Analyze.Keys(Service($"<Custom Name=\"X\" ID=\"1\" Type=\"{type}\"/>")));
    }

    [Theory]
    [InlineData("ConnectionTimeout")]
    [InlineData("Foo")] // a property is its ID: 1013 is ConnectionTimeout's
    public void PropertySetTwice_CustomWithTheIdOfAnAttributeOfTheKey_WarningOnItsId(string name)
    {
        var text = "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"\n\t\tConnectionTimeout=\"600\"\n\t>\n\t" +
            $"<Custom Name=\"{name}\" ID=\"[1013]\" Value=\"1200\" Type=\"DWORD\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\n</IIsSmtpServer>\n";
        var (diagnostics, expected, _) = Analyze.Marked(text);
        var d = Analyze.Single(diagnostics, DiagnosticCodes.PropertySetTwice);
        Assert.Equal((DiagnosticSeverity.Warning, expected), (d.Severity, d.Span));
        Assert.StartsWith($"'{name}' (ID 1013) is set twice on this key: as the attribute ConnectionTimeout and by this <Custom>", d.Message);
    }

    [Fact]
    public void PropertySetTwice_TwoCustomsOfOneId_WarningOnTheSecond()
    {
        var (diagnostics, expected, _) = Analyze.Marked(Service(
            "<Custom Name=\"UnknownName_2166\" ID=\"2166\" Value=\"0\" Type=\"DWORD\"/>\n\t<Custom Name=\"UnknownName_2166\" ID=\"[2166]\" Value=\"1\" Type=\"DWORD\"/>"));
        Assert.Equal(expected, Analyze.Single(diagnostics, DiagnosticCodes.PropertySetTwice).Span);
    }

    [Theory]
    [InlineData("UnknownName_2166", "2166", "UnknownName_9202", "9202")]
    [InlineData("UnknownName_2166", "2166", "UnknownName_2166", "2167")] // a name alone is not what IIS goes by
    public void PropertySetTwice_CustomsOfDifferentIds_NotReported(string name1, string id1, string name2, string id2)
    {
        Analyze.None(Analyze.Keys(Service($"<Custom Name=\"{name1}\" ID=\"{id1}\" Value=\"0\" Type=\"DWORD\"/>\n\t<Custom Name=\"{name2}\" ID=\"{id2}\" Value=\"1\" Type=\"DWORD\"/>")),
            DiagnosticCodes.PropertySetTwice);
    }
}

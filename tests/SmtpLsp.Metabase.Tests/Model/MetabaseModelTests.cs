using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Model;

public class MetabaseModelTests
{
    private static MetabaseModel Sample(string name = "MetaBase.xml") =>
        MetabaseModel.Build(SyntaxTree.Parse(Fixture.ReadSample(name)));

    [Fact]
    public void Build_CleanSample_CollectsKeysInDocumentOrder()
    {
        var model = Sample();
        Assert.Equal(
            ["IIS_Global", "IIS_ROOT", "IIsComputer", "IIsWebService", "IIsWebServer", "IIsWebVirtualDir",
             "IIsSmtpService", "IIsSmtpServer", "IIsSmtpDomain", "IIsSmtpDomain", "IIsSmtpVirtualDir"],
            model.Keys.Select(k => k.KeyType));
        Assert.Equal(".", model.Keys[0].Location);
    }

    [Fact]
    public void FindByLocation_DifferentCase_FindsKeyAndKeepsOriginalCase()
    {
        var key = Assert.Single(Sample().FindByLocation("/lm/SMTPSVC/1/"));
        Assert.Equal("IIsSmtpServer", key.KeyType);
        Assert.Equal("/LM/SmtpSvc/1", key.Location);
    }

    [Fact]
    public void FindByLocation_Missing_ReturnsEmpty()
    {
        Assert.Empty(Sample().FindByLocation("/LM/SmtpSvc/9"));
    }

    [Fact]
    public void FindByLocation_DuplicateLocation_ReturnsBoth()
    {
        var keys = Sample("MetaBase-with-errors.xml").FindByLocation("/LM/SmtpSvc/1/Root");
        Assert.Equal(2, keys.Count);
        Assert.True(keys[0].Element.Span.Start < keys[1].Element.Span.Start);
    }

    [Fact]
    public void GetParentAndChildren_SmtpKeys_FollowLocationPaths()
    {
        var model = Sample();
        var server = model.FindByLocation("/LM/SmtpSvc/1")[0];
        Assert.Equal("/LM/SmtpSvc", server.ParentLocation);
        Assert.Equal("IIsSmtpService", model.GetParent(server)?.KeyType);
        Assert.Equal(["/LM/SmtpSvc/1/Domain", "/LM/SmtpSvc/1/Root"], model.GetChildren(server).Select(k => k.Location));
        Assert.Equal("IIS_ROOT", model.GetParent(model.FindByLocation("/LM")[0])?.KeyType);
        Assert.Null(model.GetParent(model.FindByLocation("/")[0]));
        Assert.Null(model.GetParent(model.FindByLocation(".")[0]));
    }

    [Fact]
    public void Properties_Key_AllAttributesButLocation()
    {
        var server = Sample().FindByLocation("/LM/SmtpSvc/1")[0];
        Assert.DoesNotContain(server.Properties, p => p.Name == "Location");
        Assert.Equal(server.Element.Attributes.Count - 1, server.Properties.Count);
        var inbound = server.GetProperty("SmtpInboundCommandSupportOptions")!;
        Assert.Equal("7697601", inbound.Value);
        Assert.Same(server, inbound.Key);
        Assert.Equal("AuthBasic | AuthNTLM", server.GetProperty("AuthFlags")!.RawText);
        Assert.Null(server.GetProperty("authflags"));
        Assert.Equal("/LM/SmtpSvc/1", server.LocationAttribute!.Value);
    }

    [Fact]
    public void Properties_Multisz_KeepsRawLinesAndTabs()
    {
        var server = Sample().FindByLocation("/LM/SmtpSvc/1")[0];
        var bindings = server.GetProperty("ServerBindings")!;
        Assert.Equal(":25:\r\n\t\t\t192.0.2.10:25:", bindings.RawText);
        Assert.Equal(bindings.RawText, server.Element.Tree.Text.Substring(bindings.ValueSpan.Start, bindings.ValueSpan.Length));
    }

    [Fact]
    public void CustomProperties_W3svc_ParsedWithIds()
    {
        var service = Sample().FindByLocation("/LM/W3SVC")[0];
        Assert.Equal(2, service.CustomProperties.Count);
        var custom = service.CustomProperties[0];
        Assert.Equal("UnknownName_2166", custom.Name);
        Assert.Equal(2166, custom.Id);
        Assert.Equal("2166", custom.IdText);
        Assert.Equal("0", custom.Value);
        Assert.Equal("DWORD", custom.Type);
        Assert.Equal("IIS_MD_UT_SERVER", custom.UserType);
        Assert.Equal("INHERIT", custom.Attributes);
        Assert.NotNull(custom.IdAttribute);
        Assert.Same(service, custom.Key);
    }

    [Fact]
    public void CustomProperties_BadOrMissingId_IdIsNull()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(
            "<configuration><MBProperty><K Location=\"/x\"><Custom Name=\"a\" ID=\"12x\"/><Custom Name=\"b\"/></K></MBProperty></configuration>"));
        var key = model.Keys[0];
        Assert.Null(key.CustomProperties[0].Id);
        Assert.Equal("12x", key.CustomProperties[0].IdText);
        Assert.Null(key.CustomProperties[1].IdAttribute);
        Assert.Null(key.CustomProperties[1].Id);
    }

    [Fact]
    public void Build_KeyWrittenInsideAKey_EndsThatKeyAndIsASibling()
    {
        // Keys never nest in a metabase: B ends A (never closed), and A's end tag after B is stray.
        var tree = SyntaxTree.Parse(
            "<configuration><MBProperty><A Location=\"/a\"><Custom Name=\"c\" ID=\"1\"/><B Location=\"/a/b\"/></A></MBProperty></configuration>");
        var model = MetabaseModel.Build(tree);
        Assert.Equal(["A", "B"], model.Keys.Select(k => k.KeyType));
        Assert.Single(model.Keys[0].CustomProperties);
        Assert.Equal("A", model.GetParent(model.Keys[1])?.KeyType);
        Assert.Equal([DiagnosticCodes.MissingEndTag, DiagnosticCodes.StrayEndTag], tree.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Build_WrongRoot_HasNoKeys()
    {
        Assert.Empty(MetabaseModel.Build(SyntaxTree.Parse("<other><MBProperty><K Location=\"/\"/></MBProperty></other>")).Keys);
        Assert.Empty(MetabaseModel.Build(SyntaxTree.Parse("")).Keys);
    }

    [Fact]
    public void Location_WithEntities_DecodedAndRawSpanKept()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(
            "<configuration><MBProperty><K Location=\"/LM/a&amp;b\" P=\"x &lt; y\"/></MBProperty></configuration>"));
        var key = Assert.Single(model.FindByLocation("/LM/a&b"));
        Assert.Equal("/LM/a&amp;b", key.LocationAttribute!.RawValue);
        Assert.Equal("x < y", key.GetProperty("P")!.Value);
        Assert.Equal("x &lt; y", key.GetProperty("P")!.RawText);
    }

    [Fact]
    public void Location_Missing_KeyKeptWithoutIndex()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse("<configuration><MBProperty><K P=\"1\"/></MBProperty></configuration>"));
        var key = Assert.Single(model.Keys);
        Assert.Null(key.Location);
        Assert.Null(key.ParentLocation);
        Assert.Empty(model.GetChildren(key));
    }

    [Fact]
    public void FindKeyAt_InsideCustomOfKey_ReturnsKey()
    {
        var (text, offset) = Fixture.Parse("<configuration><MBProperty><K Location=\"/x\"><Custom Na|me=\"a\"/></K><L Location=\"/y\"/></MBProperty></configuration>");
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        Assert.Equal("/x", model.FindKeyAt(offset)?.Location);
        Assert.Null(model.FindKeyAt(0));
    }

    [Fact]
    public void BillionLaughs_NotExpanded_ParsesAndKeepsReferenceVerbatim()
    {
        var doctype = "<!DOCTYPE configuration [\n<!ENTITY lol \"lol\">\n" +
                      string.Concat(Enumerable.Range(1, 9).Select(i =>
                          $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">\n")) +
                      "]>\n";
        var text = doctype + "<configuration><MBProperty><K Location=\"/x\" P=\"&lol9;\"/></MBProperty></configuration>";
        var tree = SyntaxTree.Parse(text);
        var model = MetabaseModel.Build(tree);
        Assert.Equal("&lol9;", model.Keys[0].GetProperty("P")!.Value);
        Assert.Equal(
            [DiagnosticCodes.DoctypeNotAllowed, DiagnosticCodes.UnknownEntity],
            tree.Diagnostics.Select(d => d.Code));
        Assert.Equal(text.Length, tree.Tokens.Sum(t => t.Length));
    }
}

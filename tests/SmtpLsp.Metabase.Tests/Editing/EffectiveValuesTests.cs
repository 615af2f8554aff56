using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using static SmtpLsp.Metabase.Tests.Editing.EditingDocs;

namespace SmtpLsp.Metabase.Tests.Editing;

public class EffectiveValuesTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    [Fact]
    public void EffectiveValue_SetHere_OriginIsThisKey()
    {
        var model = BuildModel(Wrap(SmtpKeys));
        var key = Key(model, "/LM/SmtpSvc/1");
        var value = EffectiveValues.Get(model, key, "ConnectionTimeout", Catalog);
        Assert.Equal(("300", ValueOrigin.SetHere), (value.Value, value.Origin));
        Assert.Same(key, value.SourceKey);
        Assert.Equal("300", model.Tree.Text.Substring(value.SourceSpan!.Value.Start, value.SourceSpan.Value.Length));
    }

    [Fact]
    public void EffectiveValue_OneLevelUp_InheritedFromService()
    {
        var model = BuildModel(Wrap(SmtpKeys));
        var value = EffectiveValues.Get(model, Key(model, "/LM/SmtpSvc/1"), "MaxMessageSize", Catalog);
        Assert.Equal(("1000", ValueOrigin.Inherited, "/LM/SmtpSvc"), (value.Value, value.Origin, value.SourceKey!.Location));
    }

    [Fact]
    public void EffectiveValue_ThreeLevelsUpAcrossMissingKey_InheritedFromComputer()
    {
        // /LM/SmtpSvc/1/Domain/x does not exist as a key: paths still inherit through it.
        var text = Wrap(SmtpKeys + "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/x/y\"\n\t>\n</IIsSmtpDomain>\n");
        var model = BuildModel(text);
        var value = EffectiveValues.Get(model, Key(model, "/LM/SmtpSvc/1/Domain/x/y"), "MaxBandwidth", Catalog);
        Assert.Equal(("4294967295", ValueOrigin.Inherited, "/LM"), (value.Value, value.Origin, value.SourceKey!.Location));
    }

    [Fact]
    public void EffectiveValue_NearestAncestorWins()
    {
        var model = BuildModel(Wrap(SmtpKeys));
        var value = EffectiveValues.Get(model, Key(model, "/LM/SmtpSvc/1/Domain"), "ConnectionTimeout", Catalog);
        Assert.Equal(("300", "/LM/SmtpSvc/1"), (value.Value, value.SourceKey!.Location));
    }

    [Fact]
    public void EffectiveValue_NonInheritable_NotTakenFromParent()
    {
        var text = Wrap(SmtpKeys.Replace("\t\tAuthFlags=", "\t\tServerAutoStart=\"FALSE\"\n\t\tAuthFlags="));
        var model = BuildModel(text);
        var value = EffectiveValues.Get(model, Key(model, "/LM/SmtpSvc/1"), "ServerAutoStart", Catalog);
        Assert.Equal(ValueOrigin.SchemaDefault, value.Origin);
        Assert.Equal("TRUE", value.Value);
    }

    [Fact]
    public void EffectiveValue_SetNowhere_SchemaDefaultEvenWhereTheCatalogHasAnInstalledOne()
    {
        // What setup writes is in the file when it is in effect; set nowhere, the value is what ADSI reports.
        var model = BuildModel(Wrap(SmtpKeys));
        var key = Key(model, "/LM/SmtpSvc/1");
        var outbound = EffectiveValues.Get(model, key, "SmtpOutboundCommandSupportOptions", Catalog);
        Assert.NotNull(Catalog.FindProperty("SmtpOutboundCommandSupportOptions")!.InstalledDefault);
        Assert.Equal((ValueOrigin.SchemaDefault, "7697601"), (outbound.Origin, outbound.Value));
        var hop = EffectiveValues.Get(model, key, "HopCount", Catalog);
        Assert.Equal((ValueOrigin.SchemaDefault, "10"), (hop.Origin, hop.Value));
        Assert.True(hop.IsDefault);
        Assert.Null(hop.SourceKey);
        // The web service's internal default (AccessRead | AccessScript) is not an SMTP key's.
        Assert.Equal("AccessRead", EffectiveValues.Get(model, key, "AccessFlags", Catalog).Value);
    }

    [Fact]
    public void EffectiveValues_ForKey_ListsAllowedPropertiesWithOrigins()
    {
        var model = BuildModel(Wrap(SmtpKeys));
        var all = EffectiveValues.For(model, Key(model, "/LM/SmtpSvc/1"), Catalog);
        Assert.Contains(all, v => v.Name == "HopCount" && v.IsDefault);
        Assert.Contains(all, v => v.Name == "MaxMessageSize" && v.Origin == ValueOrigin.Inherited);
        Assert.Contains(all, v => v.Name == "ServerComment" && v.Origin == ValueOrigin.SetHere);
        Assert.DoesNotContain(all, v => v.Name == "Location");
        Assert.Equal(all.Select(v => v.Name).Order(PropertyOrder.Comparer), all.Select(v => v.Name));
    }

    [Fact]
    public void EffectiveValues_Overrides_ListsDescendantsThatSetIt()
    {
        var model = BuildModel(Wrap(SmtpKeys));
        var overrides = EffectiveValues.Overrides(model, Key(model, "/LM/SmtpSvc"), "ConnectionTimeout");
        Assert.Equal(["/LM/SmtpSvc/1"], overrides.Select(k => k.Location));
        Assert.Empty(EffectiveValues.Overrides(model, Key(model, "/LM/SmtpSvc"), "MaxMessageSize"));
    }
}

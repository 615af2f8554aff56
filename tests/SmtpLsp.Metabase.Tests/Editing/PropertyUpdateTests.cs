using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using static SmtpLsp.Metabase.Tests.Editing.EditingDocs;

namespace SmtpLsp.Metabase.Tests.Editing;

/// <summary>What the property sheet's Apply stores (smtpLsp/setPropertyValue), judged as `smtplsp set` judges it.</summary>
public class PropertyUpdateTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    /// <summary>
    /// The sheet shows the effective value, inherited here, and sends it whole with a box ticked: the unnamed bit it
    /// came with stays allowed (as `set --enable` keeps it); one it did not have is refused.
    /// </summary>
    [Fact]
    public void Plan_InheritedValueWithAnUnnamedBit_BoxTickedKeepsItButNoNewOne()
    {
        var model = BuildModel(Wrap(SmtpKeys.Replace("AuthFlags=\"AuthAnonymous | AuthNTLM\"", "AuthFlags=\"133\""))); // 128 | AuthAnonymous | AuthNTLM
        var ticked = PropertyUpdate.Plan(model, Catalog, "/LM/SmtpSvc/1", "AuthFlags", "135"); // AuthBasic ticked
        Assert.Null(ticked.Error);
        Assert.Contains("AuthFlags=\"135\"", TextEdit.Apply(model.Tree.Text, [ticked.Edit!.Value]));
        var added = PropertyUpdate.Plan(model, Catalog, "/LM/SmtpSvc/1", "AuthFlags", "391"); // and 256 too
        Assert.Contains("0x100 (256)", added.Error);
    }

    /// <summary>A value with spaces around the number is not a number to check and hover, nor to the sheet's boxes.</summary>
    [Fact]
    public void Sheet_NumberWithASpace_NoBoxesAsCheckSaysItIsNoNumber()
    {
        var model = BuildModel(Wrap(SmtpKeys.Replace("\"7697601\"", "\" 7697601\"")));
        var sheet = SmtpLsp.Metabase.Features.PropertySheet.For(model, Catalog, "/LM/SmtpSvc/1")!;
        Assert.Null(sheet.Properties.Single(p => p.Effective.Name == "SmtpInboundCommandSupportOptions").Flags!.Number);
    }
}

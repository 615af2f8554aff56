using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using static SmtpLsp.Metabase.Tests.Editing.EditingDocs;

namespace SmtpLsp.Metabase.Tests.Editing;

public class ValueEditsTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private static string ApplyOn(string text, Func<SmtpLsp.Metabase.Model.MetabaseModel, TextEdit?> make)
    {
        var edit = make(BuildModel(text));
        Assert.NotNull(edit);
        return TextEdit.Apply(text, [edit!.Value]);
    }

    [Fact]
    public void SetValue_PlainText_ReplacesOnlyValue()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.SetValue(Key(m, "/LM/SmtpSvc/1").GetProperty("ConnectionTimeout")!, "42"));
        Assert.Equal(text.Replace("ConnectionTimeout=\"300\"", "ConnectionTimeout=\"42\""), result);
    }

    [Fact]
    public void SetValue_SpecialCharacters_EscapedAsIis()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.SetValue(Key(m, "/LM/SmtpSvc/1").GetProperty("ServerComment")!, "a&b<c\"d>'"));
        Assert.Contains("ServerComment=\"a&amp;b&lt;c&quot;d>'\"", result);
        var reread = Key(BuildModel(result), "/LM/SmtpSvc/1").GetProperty("ServerComment")!;
        Assert.Equal("a&b<c\"d>'", reread.Value);
    }

    [Fact]
    public void SetFlag_NumericVerb_DisablesBitAsNumber()
    {
        var text = Wrap(SmtpKeys);
        var info = Catalog.FindProperty("SmtpInboundCommandSupportOptions")!;
        var result = ApplyOn(text, m => ValueEdits.SetFlag(info, Key(m, "/LM/SmtpSvc/1").GetProperty(info.Name)!, info.Flags!.Find("8BITMIME")!, false));
        Assert.Equal(text.Replace("\"7697601\"", "\"3503297\""), result);
    }

    [Fact]
    public void SetFlag_Symbolic_StaysSymbolicInTableOrder()
    {
        var text = Wrap(SmtpKeys);
        var info = Catalog.FindProperty("AuthFlags")!;
        var result = ApplyOn(text, m => ValueEdits.SetFlag(info, Key(m, "/LM/SmtpSvc").GetProperty("AuthFlags")!, info.Flags!.Find("AuthBasic")!, true));
        Assert.Contains("AuthFlags=\"AuthAnonymous | AuthBasic | AuthNTLM\"", result);
        var back = ApplyOn(result, m => ValueEdits.SetFlag(info, Key(m, "/LM/SmtpSvc").GetProperty("AuthFlags")!, info.Flags!.Find("AuthBasic")!, false));
        Assert.Equal(text, back);
    }

    [Fact]
    public void SetFlag_UnreadableValue_ReturnsNull()
    {
        var text = Wrap(SmtpKeys.Replace("AuthAnonymous | AuthNTLM", "AuthBogus"));
        var info = Catalog.FindProperty("AuthFlags")!;
        var model = BuildModel(text);
        Assert.Null(ValueEdits.SetFlag(info, Key(model, "/LM/SmtpSvc").GetProperty("AuthFlags")!, info.Flags!.Find("AuthBasic")!, true));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void AddProperty_Middle_AlphabeticalWithNeighbourIndentAndNewLine(string nl)
    {
        var text = Wrap(SmtpKeys, nl);
        var result = ApplyOn(text, m => ValueEdits.AddProperty(Key(m, "/LM/SmtpSvc/1"), "MaxRecipients", "5"));
        Assert.Equal(text.Replace("\t\tServerComment=", "\t\tMaxRecipients=\"5\"" + nl + "\t\tServerComment="), result);
    }

    [Fact]
    public void AddProperty_Last_GoesBeforeClosingBracketLine()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.AddProperty(Key(m, "/LM/SmtpSvc/1"), "SmtpOutboundCommandSupportOptions", "7"));
        Assert.Contains("\t\tSmtpInboundCommandSupportOptions=\"7697601\"\r\n\t\tSmtpOutboundCommandSupportOptions=\"7\"\r\n\t>\r\n</IIsSmtpServer>", result);
    }

    [Fact]
    public void AddProperty_KeyWithOnlyLocation_UsesIisIndent()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.AddProperty(Key(m, "/LM/SmtpSvc/1/Domain"), "RelayForAuth", "0"));
        Assert.Contains("<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain\"\r\n\t\tRelayForAuth=\"0\"\r\n\t>", result);
    }

    [Fact]
    public void AddProperty_SelfClosingKey_InsertsBeforeSlash()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.AddProperty(Key(m, "/LM/SmtpSvc/1/Root"), "Path", "C:\\mail"));
        Assert.Contains("\t\tAccessFlags=\"AccessRead | AccessWrite\"\r\n\t\tPath=\"C:\\mail\"\r\n\t/>", result);
    }

    [Fact]
    public void AddProperty_First_GoesAfterLocation()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.AddProperty(Key(m, "/LM/SmtpSvc"), "AccessFlags", "AccessRead"));
        Assert.Contains("Location =\"/LM/SmtpSvc\"\r\n\t\tAccessFlags=\"AccessRead\"\r\n\t\tAuthFlags=", result);
    }

    [Fact]
    public void AddProperty_HalfTypedStartTag_ReturnsNull()
    {
        var text = Wrap("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tMaxRecipients=\"5\"\n");
        Assert.Null(ValueEdits.AddProperty(Key(BuildModel(text), "/LM/SmtpSvc/1"), "HopCount", "3"));
    }

    [Fact]
    public void RemoveAttribute_IisLayout_RemovesWholeLine()
    {
        var text = Wrap(SmtpKeys);
        var result = ApplyOn(text, m => ValueEdits.RemoveAttribute(Key(m, "/LM/SmtpSvc/1").GetProperty("ServerComment")!.Attribute));
        Assert.Equal(text.Replace("\t\tServerComment=\"Default SMTP\"\r\n", ""), result);
    }

    [Fact]
    public void TextEditApply_OverlappingEdits_Throws()
    {
        Assert.Throws<ArgumentException>(() => TextEdit.Apply("abcdef", [new(new(1, 3), "x"), new(new(2, 1), "y")]));
    }
}

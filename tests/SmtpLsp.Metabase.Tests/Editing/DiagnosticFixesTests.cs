using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Editing;

/// <summary>Quick fixes: applying one removes its diagnostic and changes nothing outside the value.</summary>
public class DiagnosticFixesTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private static string Doc(string properties) => EditingDocs.Wrap(
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" + properties + "\t>\n</IIsSmtpServer>\n", "\n");

    private static (string Text, IReadOnlyList<MetabaseDiagnostic> Diagnostics) Analyze(string text)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        return (text, MetabaseAnalyzer.Analyze(model, Catalog, AnalysisOptions.Default, CancellationToken.None));
    }

    /// <summary>Applies the single fix for the first diagnostic with the code; null when there is none.</summary>
    private static string? ApplyFix(string text, string code)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        var diagnostic = Analyze(text).Diagnostics.FirstOrDefault(d => d.Code == code);
        if (diagnostic == null) return null;
        var fix = Assert.Single(DiagnosticFixes.For(model, Catalog, diagnostic));
        Assert.True(fix.IsPreferred);
        return TextEdit.Apply(text, fix.Edits);
    }

    /// <summary>The one fix offered for the unknown property of a key with these properties.</summary>
    private static DiagnosticFix UnknownPropertyFix(string properties)
    {
        var text = Doc(properties);
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        return Assert.Single(DiagnosticFixes.For(model, Catalog, Analyze(text).Diagnostics.First(d => d.Code == DiagnosticCodes.UnknownProperty)));
    }

    [Theory]
    [InlineData("\t\tServerComment=\"mail <relay>\"\n", "\t\tServerComment=\"mail &lt;relay>\"\n")]
    [InlineData("\t\tAuthFlags=\"AuthBasic\"ServerComment=\"x\"\n", "\t\tAuthFlags=\"AuthBasic\" ServerComment=\"x\"\n")]
    public void MalformedMarkup_LessThanInAValueOrNoSpaceBeforeAnAttribute_FixedInPlace(string before, string after)
    {
        Assert.Equal(Doc(after), ApplyFix(Doc(before), DiagnosticCodes.MalformedMarkup));
        Assert.Empty(Analyze(Doc(after)).Diagnostics);
    }

    [Theory]
    [InlineData("\t\tMaxMessageSizeKB=\"10240\"\n", "\t\tMaxMessageSize=\"10485760\"\n")]
    [InlineData("\t\tMaxSessionSizeMB=\"10\"\n", "\t\tMaxSessionSize=\"10485760\"\n")]
    [InlineData("\t\tMaxMesageSizeKB=\"10240\"\n", "\t\tMaxMessageSize=\"10485760\"\n")] // a typo as well
    [InlineData("\t\tMaxMessageSizeBytes=\"10240\"\n", "\t\tMaxMessageSize=\"10240\"\n")] // its own unit
    [InlineData("\t\tConnectionTimeoutSeconds=\"600\"\n", "\t\tConnectionTimeout=\"600\"\n")]
    public void UnknownProperty_NameWithAUnit_RenamedWithTheValueInThePropertysUnit(string before, string after)
    {
        // Renamed alone, MaxMessageSizeKB="10240" (10 MB) would become a limit of 10240 bytes.
        Assert.Equal(Doc(after), ApplyFix(Doc(before), DiagnosticCodes.UnknownProperty));
    }

    [Theory]
    [InlineData("\t\tMaxMessageSize=\"1\"\n\t\tMaxMessageSizeKB=\"10240\"\n")]
    [InlineData("\t\tSmtpDisableRelay=\"TRUE\"\n\t\tSmtpDisableRelay2=\"TRUE\"\n")]
    public void UnknownProperty_TheKeyHasTheSuggestedNameAlready_NoRenameThatWouldDuplicateIt(string properties)
    {
        // Renamed, the key would hold the attribute twice: a file IIS refuses (MB1009).
        var text = Doc(properties);
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        var diagnostic = Analyze(text).Diagnostics.First(d => d.Code == DiagnosticCodes.UnknownProperty);
        Assert.NotNull(diagnostic.FixData);
        Assert.Empty(DiagnosticFixes.For(model, Catalog, diagnostic));
    }

    [Fact]
    public void UnknownProperty_UnitTitle_WrittenAsTheUnitNotAsTyped()
    {
        var fix = UnknownPropertyFix("\t\tMaxMessageSizeInKB=\"10240\"\n");
        Assert.Equal("Change to 'MaxMessageSize' = 10485760 bytes (10240 KB)", fix.Title); // was "(10240 INKB)"
    }

    [Fact]
    public void UnknownProperty_Typo_RenamedKeepingTheValue()
    {
        Assert.Equal(Doc("\t\tMaxMessageSize=\"10240\"\n"), ApplyFix(Doc("\t\tMaxMesageSize=\"10240\"\n"), DiagnosticCodes.UnknownProperty));
    }

    [Fact]
    public void UnknownProperty_NameWithAnotherUnitThanThePropertys_RenameNotPreferredAndSaysToCheck()
    {
        var fix = UnknownPropertyFix("\t\tConnectionTimeoutMinutes=\"10\"\n");
        Assert.False(fix.IsPreferred);
        Assert.Equal("Change to 'ConnectionTimeout' (check the value: 'ConnectionTimeoutMinutes' says Minutes, and it counts seconds)", fix.Title);
    }

    [Fact]
    public void UnknownProperty_NameWithAUnitTheValueCannotBeConvertedFrom_RenameNotPreferredAndSaysToCheck()
    {
        var fix = UnknownPropertyFix("\t\tMaxMessageSizeKB=\"unlimited\"\n");
        Assert.False(fix.IsPreferred);
        Assert.Equal("Change to 'MaxMessageSize' (check the value: 'MaxMessageSizeKB' says KB, and it counts bytes)", fix.Title);
    }

    [Fact]
    public void RemoveUnknownBits_AnyVerbMask_KeepsKnownBitsAndClearsTheWarning()
    {
        var table = Catalog.FindProperty("SmtpInboundCommandSupportOptions")!.Flags!;
        Gen.UInt.Sample(value =>
        {
            string text = Doc($"\t\tSmtpInboundCommandSupportOptions=\"{value}\"\n");
            string? fixedText = ApplyFix(text, DiagnosticCodes.UnknownVerbBits);
            uint known = table.DefinedMask | table.UndocumentedDefaultBits;
            if ((value & ~known) == 0) { Assert.Null(fixedText); return; }
            Assert.Equal(text.Replace($"\"{value}\"", $"\"{value & known}\""), fixedText);
            Assert.DoesNotContain(Analyze(fixedText!).Diagnostics, d => d.Code == DiagnosticCodes.UnknownVerbBits);
        }, iter: 300);
    }

    [Fact]
    public void ClampToRange_ValueAboveSchemaMaximum_BecomesTheMaximum()
    {
        string text = Doc("\t\tLogFilePeriod=\"7\"\n");
        Assert.Equal(text.Replace("\"7\"", "\"4\""), ApplyFix(text, DiagnosticCodes.OutsideSchemaRange));
    }

    [Fact]
    public void UnknownKeyType_WithEndTag_RenamesStartAndEndTag()
    {
        string text = Doc("").Replace("IIsSmtpServer", "IIsSmtpServr");
        Assert.Equal(Doc(""), ApplyFix(text, DiagnosticCodes.UnknownKeyType));
    }

    [Fact]
    public void ExchangeManaged_NoTextFix()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Doc("")));
        var diagnostic = new MetabaseDiagnostic(DiagnosticCodes.ExchangeManaged, DiagnosticSeverity.Information, new Text.TextSpan(0, 1), "x")
        {
            FixData = "msExchSmtpMaxMessageSize",
        };
        Assert.Empty(DiagnosticFixes.For(model, Catalog, diagnostic));
    }

    [Fact]
    public void For_SpanPastTheText_NoFixAndNoThrow()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Doc("")));
        var diagnostic = new MetabaseDiagnostic(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Error, new Text.TextSpan(10_000, 3), "x")
        {
            FixData = "ServerComment",
        };
        Assert.Empty(DiagnosticFixes.For(model, Catalog, diagnostic));
    }
}

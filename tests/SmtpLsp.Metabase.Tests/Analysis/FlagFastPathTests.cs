using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Analysis;

/// <summary>The span fast paths for symbolic flag values must report exactly what the full resolution reports.</summary>
public class FlagFastPathTests
{
    private static readonly PropertyInfo AuthFlags = MetabaseCatalog.Embedded.FindProperty("AuthFlags")!;

    [Fact]
    public void Check_RandomSymbolicAndNumericValues_EqualsFullResolution()
    {
        var names = AuthFlags.Flags!.Flags.Select(f => f.Name).ToArray();
        var part = Gen.OneOf(Gen.OneOfConst(names), Gen.OneOfConst("|", " | ", " ", "\t", "\r\n", "", "authbasic", "Auth", "0", "7", "-1",
            "4294967296", "x", "\u00A0", "&amp;"));
        part.Array[0, 7].Select(parts => string.Concat(parts)).Sample(value =>
        {
            var attribute = Attribute(value);
            var fast = new List<MetabaseDiagnostic>();
            var full = new List<MetabaseDiagnostic>();
            FlagValueRules.Check(attribute, AuthFlags, fast);
            FlagValueRules.CheckSymbolicResolved(attribute, AuthFlags, AuthFlags.Flags!, full);
            var a = string.Join("; ", fast.Select(d => $"{d.Code} {d.Span} {d.Message} {d.FixData}"));
            var b = string.Join("; ", full.Select(d => $"{d.Code} {d.Span} {d.Message} {d.FixData}"));
            if (a != b) throw new Exception($"'{value}': fast [{a}] full [{b}]");
        }, iter: 5000);
    }

    private static AttributeView Attribute(string value)
    {
        var tree = SyntaxTree.Parse($"<IIsWebServer AuthFlags=\"{value.Replace("\"", "")}\"/>");
        return tree.Root!.AttributeAt(0);
    }
}

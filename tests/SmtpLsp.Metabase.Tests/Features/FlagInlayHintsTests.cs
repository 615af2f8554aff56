using CsCheck;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.Editing;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Features;

public class FlagInlayHintsTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private static IReadOnlyList<FlagHint> Hints(string properties)
    {
        string text = EditingDocs.Wrap("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" + properties + "\t>\n</IIsSmtpServer>\n", "\n");
        return FlagInlayHints.Compute(MetabaseModel.Build(SyntaxTree.Parse(text)), Catalog, new TextSpan(0, text.Length));
    }

    private static readonly string Generated = Tests.TestSupport.LargeMetabaseGenerator.Generate(60_000, seed: 5);

    /// <summary>Where hints go, found as first written: every key's Properties, each flag value that resolves.</summary>
    private static List<int> ReferenceOffsets(MetabaseModel model, TextSpan range) =>
        model.Keys.SelectMany(k => k.Properties)
            .Where(p => p.Attribute.HasValue && p.Attribute.Quote != '\0' && p.Attribute.IsValueTerminated)
            .Where(p => p.ValueSpan.End + 1 >= range.Start && p.ValueSpan.End + 1 <= range.End)
            .Where(p => Catalog.FindProperty(p.Name) is { Type: PropertyType.Dword, Flags: not null } info
                        && FlagCodec.ResolveValue(info, p.RawText).Value is not null)
            .Select(p => p.ValueSpan.End + 1).ToList();

    [Fact]
    public void Compute_RandomRanges_AHintAfterEveryResolvableFlagValueInRange()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Generated));
        var everywhere = ReferenceOffsets(model, new TextSpan(0, Generated.Length));
        // Anywhere, or ending or starting exactly at a hint's place (a range's ends are inclusive).
        var anywhere = Gen.Int[0, Generated.Length].Select(Gen.Int[0, 8000], (start, length) => new TextSpan(start, Math.Min(length, Generated.Length - start)));
        var atAHint = Gen.Int[0, everywhere.Count - 1].Select(Gen.Int[0, 3000], Gen.Bool, (i, length, before) =>
            before ? TextSpan.FromBounds(Math.Max(0, everywhere[i] - length), everywhere[i]) : new TextSpan(everywhere[i], Math.Min(length, Generated.Length - everywhere[i])));
        Gen.OneOf(anywhere, atAHint)
            .Sample(range => Assert.Equal(ReferenceOffsets(model, range), FlagInlayHints.Compute(model, Catalog, range).Select(h => h.Offset)),
                iter: 200);
    }

    [Fact]
    public void Label_AnyVerbMask_ShortAndTooltipNamesEverySetVerb()
    {
        var table = Catalog.FindProperty("SmtpInboundCommandSupportOptions")!.Flags!;
        Gen.UInt.Sample(value =>
        {
            var hint = Assert.Single(Hints($"\t\tSmtpInboundCommandSupportOptions=\"{value}\"\n"));
            Assert.True(hint.Label.Length <= FlagInlayHints.MaxLabelLength, hint.Label);
            foreach (var flag in table.Flags.Where(f => f.Value != 0 && (value & f.Value) == f.Value))
                Assert.Contains(flag.Name, hint.Tooltip);
            if (!hint.Label.Contains('…')) Assert.Equal(hint.Tooltip, hint.Label);
        }, iter: 300);
    }

    [Fact]
    public void Label_LongFirstNameAndLongUnknownRest_StaysWithinMaxLength()
    {
        // Found by the property test above (seed 5Ru5BCQxrX51): the first name plus the tail was one character too long.
        var hint = Assert.Single(Hints("\t\tSmtpInboundCommandSupportOptions=\"2343784750\"\n"));
        Assert.True(hint.Label.Length <= FlagInlayHints.MaxLabelLength, hint.Label);
        Assert.EndsWith("BINARYMIME + 0x14000 + unknown 0x8B82012E", hint.Label);
        Assert.EndsWith("BINARYMIME + 0x14000 + unknown 0x8B82012E", hint.Tooltip);
    }

    /// <summary>A character reference in the number is read as check and hover read it.</summary>
    [Fact]
    public void Label_CharacterReferenceInTheNumber_DecodedAsCheckReadsIt()
    {
        var hint = Assert.Single(Hints("\t\tSmtpInboundCommandSupportOptions=\"&#55;697601\"\n"));
        Assert.EndsWith("8BITMIME + 0x56001", hint.Tooltip);
    }

    /// <summary>The default's undocumented bits are harmless; a bit no source names is not, and the hint says which is which.</summary>
    [Fact]
    public void Label_DefaultWithAnUnknownBit_KeepsItApartFromTheUndocumentedOnes()
    {
        var hint = Assert.Single(Hints("\t\tSmtpInboundCommandSupportOptions=\"7697603\"\n"));
        Assert.EndsWith("8BITMIME + 0x56001 + unknown 0x2", hint.Tooltip);
        Assert.EndsWith("+ 0x56001 + unknown 0x2", hint.Label);
    }

    [Fact]
    public void Label_SmallMask_AllNamesWithoutEllipsis()
    {
        var hint = Assert.Single(Hints("\t\tSmtpInboundCommandSupportOptions=\"64\"\n"));
        Assert.Equal("DSN", hint.Label);
    }

    [Fact]
    public void Label_UnreadableOrUnterminatedValue_NoHint()
    {
        Assert.Empty(Hints("\t\tSmtpInboundCommandSupportOptions=\"abc\"\n"));
        Assert.Empty(Hints("\t\tAuthFlags=\"AuthBasic | Nope\"\n"));
        Assert.Empty(Hints("\t\tServerComment=\"5\"\n"));
    }

    [Fact]
    public void Compute_RangeCoversManyKeys_OnlyKeysInRangeAndCapped()
    {
        var sb = new System.Text.StringBuilder("<configuration><MBProperty>\n");
        for (int i = 0; i < FlagInlayHints.MaxHints + 10; i++)
            sb.Append($"<IIsSmtpServer Location =\"/LM/SmtpSvc/{i}\" AuthFlags=\"6\"/>\n");
        sb.Append("</MBProperty></configuration>\n");
        string text = sb.ToString();
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));

        Assert.Equal(FlagInlayHints.MaxHints, FlagInlayHints.Compute(model, Catalog, new TextSpan(0, text.Length)).Count);

        int third = text.IndexOf("/LM/SmtpSvc/3\"", StringComparison.Ordinal);
        int fifth = text.IndexOf("/LM/SmtpSvc/5\"", StringComparison.Ordinal);
        var some = FlagInlayHints.Compute(model, Catalog, TextSpan.FromBounds(third, fifth));
        Assert.Equal(2, some.Count);
        Assert.All(some, h => Assert.Equal("AuthBasic | AuthNTLM", h.Label));
        Assert.All(some, h => Assert.InRange(h.Offset, third, fifth));
    }
}

using CsCheck;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Values;

public class FlagCodecTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;
    private static PropertyInfo Inbound => Catalog.FindProperty("SmtpInboundCommandSupportOptions")!;
    private static PropertyInfo AuthFlags => Catalog.FindProperty("AuthFlags")!;

    [Fact]
    public void Decode_InboundDefault_NamesEveryVerbAndUndocumentedBits()
    {
        var d = FlagCodec.Decode(Inbound.Flags!, 7697601, Inbound.DefaultNumber);
        Assert.Equal(["DSN", "ETRN", "TURN/ATRN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "8BITMIME"], d.Set.Select(f => f.Name));
        Assert.Empty(d.Unset);
        Assert.Equal(0x56001u, d.UndocumentedDefaultBits);
        Assert.Equal(0u, d.UnknownBits);
        Assert.Empty(d.EnabledVsDefault);
        Assert.Empty(d.DisabledVsDefault);
        Assert.Equal(7697601u, d.Default);
    }

    [Fact]
    public void Encode_DefaultWithout8BitMime_Gives3503297()
    {
        var names = new[] { "DSN", "ETRN", "TURN/ATRN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME" };
        var encoded = FlagCodec.Encode(Inbound.Flags!, names);
        Assert.True(encoded.Succeeded);
        Assert.Equal(3503297u, encoded.Value | Inbound.Flags!.UndocumentedDefaultBits);
        var eightBit = Inbound.Flags.Find("8BITMIME")!;
        Assert.Equal(3503297u, FlagCodec.WithFlag(7697601, eightBit, on: false));
        Assert.Equal(7697601u, FlagCodec.WithFlag(3503297, eightBit, on: true));
    }

    [Fact]
    public void Decode_3503297_Reports8BitMimeDisabledVsDefault()
    {
        var d = FlagCodec.Decode(Inbound.Flags!, 3503297, 7697601);
        Assert.Equal("8BITMIME", Assert.Single(d.Unset).Name);
        Assert.Equal("8BITMIME", Assert.Single(d.DisabledVsDefault).Name);
        Assert.Empty(d.EnabledVsDefault);
    }

    [Fact]
    public void Decode_7697603_ReportsUnknownBit2()
    {
        var d = FlagCodec.Decode(Inbound.Flags!, 7697603, Inbound.DefaultNumber);
        Assert.Equal(0x2u, d.UnknownBits);
        Assert.Equal(0x56001u, d.UndocumentedDefaultBits);
        Assert.Equal(7, d.Set.Count);
    }

    [Fact]
    public void Decode_AuthFlagsVsDefault_ListsEnabledAndDisabled()
    {
        var d = FlagCodec.Decode(AuthFlags.Flags!, 6, AuthFlags.DefaultNumber); // Basic | NTLM vs default Anonymous
        Assert.Equal(["AuthBasic", "AuthNTLM"], d.EnabledVsDefault.Select(f => f.Name));
        Assert.Equal(["AuthAnonymous"], d.DisabledVsDefault.Select(f => f.Name));
        Assert.Equal(0u, d.UndocumentedDefaultBits);
    }

    [Theory]
    [InlineData("TURN")]
    [InlineData("atrn")]
    [InlineData("turn/atrn")]
    public void Encode_TurnOrAtrnAlone_SelectsSharedBit(string name)
    {
        Assert.Equal(0x400u, FlagCodec.Encode(Inbound.Flags!, [name]).Value);
    }

    [Fact]
    public void Encode_VerbNamesCaseInsensitive_SchemaNamesExact()
    {
        Assert.Equal(0x400000u, FlagCodec.Encode(Inbound.Flags!, ["8bitmime"]).Value);
        var wrongCase = FlagCodec.Encode(AuthFlags.Flags!, ["AuthNTLM", "authbasic"]);
        Assert.False(wrongCase.Succeeded);
        Assert.Equal("authbasic", wrongCase.UnknownName);
    }

    [Fact]
    public void ParseSymbolic_Spaces_TokensWithExactSpans()
    {
        const string raw = "AuthBasic |\tAuthAnonymous\n | AuthNTLM";
        var parse = FlagCodec.ParseSymbolic(raw);
        Assert.Empty(parse.EmptyItems);
        Assert.Equal(["AuthBasic", "AuthAnonymous", "AuthNTLM"], parse.Tokens.Select(t => t.Text));
        foreach (var t in parse.Tokens) Assert.Equal(t.Text, raw.Substring(t.Span.Start, t.Span.Length));
    }

    [Theory]
    [InlineData("A || B", 2, 1)]
    [InlineData("A |", 1, 1)]
    [InlineData("| A", 1, 1)]
    [InlineData("|", 0, 2)]
    [InlineData("   ", 0, 0)]
    public void ParseSymbolic_EmptyItems_Reported(string raw, int tokens, int empties)
    {
        var parse = FlagCodec.ParseSymbolic(raw);
        Assert.Equal(tokens, parse.Tokens.Count);
        Assert.Equal(empties, parse.EmptyItems.Count);
    }

    [Fact]
    public void ParseSymbolic_DoubleBar_EmptyItemSpanBetweenBars()
    {
        Assert.Equal(new TextSpan(3, 0), Assert.Single(FlagCodec.ParseSymbolic("A || B").EmptyItems));
        Assert.Equal(new TextSpan(3, 1), Assert.Single(FlagCodec.ParseSymbolic("A | | B").EmptyItems));
    }

    [Fact]
    public void ResolveValue_SymbolicList_Encodes()
    {
        var r = FlagCodec.ResolveValue(AuthFlags, "AuthBasic | AuthAnonymous | AuthNTLM");
        Assert.Equal(7u, r.Value);
        Assert.False(r.WasNumeric);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void ResolveValue_UnknownName_ReportsSpanAndNoValue()
    {
        const string raw = "AuthBasic | AuthNTML";
        var r = FlagCodec.ResolveValue(AuthFlags, raw);
        Assert.Null(r.Value);
        var problem = Assert.Single(r.Problems);
        Assert.Equal(FlagValueProblemKind.UnknownName, problem.Kind);
        Assert.Equal("AuthNTML", raw.Substring(problem.Span.Start, problem.Span.Length));
    }

    [Fact]
    public void ResolveValue_EmptyItem_StillGivesValueWithProblem()
    {
        var r = FlagCodec.ResolveValue(AuthFlags, "AuthBasic || AuthNTLM");
        Assert.Equal(6u, r.Value);
        Assert.Equal(FlagValueProblemKind.EmptyItem, Assert.Single(r.Problems).Kind);
    }

    [Theory]
    [InlineData("7697601", 7697601u)]
    [InlineData("-1", 4294967295u)]
    public void ResolveValue_Number_ParsedForAnyTable(string raw, uint expected)
    {
        var r = FlagCodec.ResolveValue(Inbound, raw);
        Assert.Equal(expected, r.Value);
        Assert.True(r.WasNumeric);
        Assert.Empty(r.Problems);
    }

    [Theory]
    [InlineData("4294967296", FlagValueProblemKind.OutOfRange)]
    [InlineData("12abc", FlagValueProblemKind.NotANumber)]
    [InlineData("", FlagValueProblemKind.Empty)]
    public void ResolveValue_BadNumber_Reported(string raw, FlagValueProblemKind kind)
    {
        var r = FlagCodec.ResolveValue(AuthFlags, raw);
        Assert.Null(r.Value);
        Assert.Equal(kind, Assert.Single(r.Problems).Kind);
    }

    [Fact]
    public void ResolveValue_NameOnPropertyWithoutTable_IsNotANumber()
    {
        var r = FlagCodec.ResolveValue(Catalog.FindProperty("SmtpOutboundCommandSupportOptions")!, "DSN");
        Assert.Null(r.Value);
        Assert.Equal(FlagValueProblemKind.NotANumber, Assert.Single(r.Problems).Kind);
    }

    [Fact]
    public void FormatSymbolic_TableOrder_AndNullWhenUnrepresentable()
    {
        Assert.Equal("AuthAnonymous | AuthBasic | AuthNTLM", FlagCodec.FormatSymbolic(AuthFlags.Flags!, 7));
        Assert.Null(FlagCodec.FormatSymbolic(AuthFlags.Flags!, 0)); // written as 0: an empty value is not a DWORD
        Assert.Null(FlagCodec.FormatSymbolic(AuthFlags.Flags!, 8));
        Assert.Null(FlagCodec.FormatSymbolic(Inbound.Flags!, 7697601)); // undocumented bits have no names
        Assert.Equal("DSN | 8BITMIME", FlagCodec.FormatSymbolic(Inbound.Flags!, 0x400040));
    }

    private static readonly PropertyInfo[] FlagProperties = Catalog.Properties.Where(p => p.Flags is not null).ToArray();

    [Fact]
    public void FlagProperties_CoverSchemaTablesAndVerbTable()
    {
        Assert.Equal(12, FlagProperties.Length); // 11 schema tables + the inbound verb table
    }

    [Fact]
    public void DecodeThenEncode_RandomValuesEveryFlagProperty_RoundTrips()
    {
        Gen.Select(Gen.Int[0, FlagProperties.Length - 1], Gen.UInt).Sample((index, value) =>
        {
            var table = FlagProperties[index].Flags!;
            var d = FlagCodec.Decode(table, value, FlagProperties[index].DefaultNumber);
            var encoded = FlagCodec.Encode(table, d.Set.Select(f => f.Name));
            return encoded.Succeeded && (encoded.Value | d.UndocumentedDefaultBits | d.UnknownBits) == value
                && (d.UndocumentedDefaultBits & d.UnknownBits) == 0
                && d.Set.Count + d.Unset.Count == table.Flags.Count;
        });
    }

    [Fact]
    public void FormatThenParseAndEncode_RepresentableValuesEveryFlagProperty_RoundTrips()
    {
        Gen.Select(Gen.Int[0, FlagProperties.Length - 1], Gen.UInt).Sample((index, random) =>
        {
            var table = FlagProperties[index].Flags!;
            uint value = random & table.DefinedMask;
            var text = FlagCodec.FormatSymbolic(table, value);
            if (text is null) return value == 0;
            var parse = FlagCodec.ParseSymbolic(text);
            var encoded = FlagCodec.Encode(table, parse.Tokens.Select(t => t.Text));
            return parse.EmptyItems.Count == 0 && encoded.Succeeded && encoded.Value == value
                && (FlagCodec.FormatSymbolic(table, random) is null) == ((random & ~table.DefinedMask) != 0);
        });
    }
}

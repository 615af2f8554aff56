using CsCheck;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Values;

public class DwordValueTests
{
    [Theory]
    [InlineData("0", 0u)]
    [InlineData("7697601", 7697601u)]
    [InlineData("4294967295", 4294967295u)]
    [InlineData("-1", 4294967295u)]
    [InlineData("007", 7u)]
    [InlineData("00000000000000000000004294967295", 4294967295u)]
    public void TryParse_ValidDecimal_ReturnsValue(string text, uint expected)
    {
        Assert.True(DwordValue.TryParse(text, allowHex: false, out var value, out var error));
        Assert.Equal(expected, value);
        Assert.Equal(DwordParseError.None, error);
    }

    [Theory]
    [InlineData("4294967296", DwordParseError.OutOfRange)]
    [InlineData("99999999999999999999999", DwordParseError.OutOfRange)]
    [InlineData("-2", DwordParseError.OutOfRange)]
    [InlineData("", DwordParseError.Empty)]
    [InlineData(null, DwordParseError.Empty)]
    [InlineData("+5", DwordParseError.NotANumber)]
    [InlineData(" 5", DwordParseError.NotANumber)]
    [InlineData("5 ", DwordParseError.NotANumber)]
    [InlineData("-", DwordParseError.NotANumber)]
    [InlineData("1.5", DwordParseError.NotANumber)]
    [InlineData("AuthNTLM", DwordParseError.NotANumber)]
    [InlineData("0x7574C1", DwordParseError.NotANumber)]
    [InlineData("١٢", DwordParseError.NotANumber)] // Arabic-Indic digits are not ASCII digits
    public void TryParse_Invalid_ReportsError(string? text, DwordParseError expected)
    {
        Assert.False(DwordValue.TryParse(text, allowHex: false, out var value, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(0u, value);
    }

    [Theory]
    [InlineData("0x7574C1", 7697601u)]
    [InlineData("0X3574c1", 3503297u)]
    [InlineData("0xFFFFFFFF", 4294967295u)]
    [InlineData("12", 12u)]
    public void TryParse_HexAllowed_AcceptsHex(string text, uint expected)
    {
        Assert.True(DwordValue.TryParse(text, allowHex: true, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0x100000000", DwordParseError.OutOfRange)]
    [InlineData("0xG1", DwordParseError.NotANumber)]
    [InlineData("0x", DwordParseError.NotANumber)]
    public void TryParse_BadHex_ReportsError(string text, DwordParseError expected)
    {
        Assert.False(DwordValue.TryParse(text, allowHex: true, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_AnyUInt_RoundTripsThroughDecimalText()
    {
        Gen.UInt.Sample(v =>
            DwordValue.TryParse(v.ToString(System.Globalization.CultureInfo.InvariantCulture), false, out var parsed, out _) && parsed == v);
    }
}

using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Values;

public class BoolValueTests
{
    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("fAlSe", false)]
    public void TryParse_TrueFalseAnyCase_Accepted(string text, bool expected)
    {
        Assert.True(BoolValue.TryParse(text, out var value, out var error));
        Assert.Equal(expected, value);
        Assert.Equal(BoolParseError.None, error);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void TryParse_Numeric_RejectedButIntentKnown(string text, bool intended)
    {
        Assert.False(BoolValue.TryParse(text, out var value, out var error));
        Assert.Equal(BoolParseError.Numeric, error);
        Assert.Equal(intended, value);
    }

    [Theory]
    [InlineData("TRU", BoolParseError.NotABool)]
    [InlineData(" TRUE", BoolParseError.NotABool)]
    [InlineData("yes", BoolParseError.NotABool)]
    [InlineData("-1", BoolParseError.NotABool)]
    [InlineData("", BoolParseError.Empty)]
    public void TryParse_Other_Rejected(string text, BoolParseError expected)
    {
        Assert.False(BoolValue.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Format_WritesUpperCase()
    {
        Assert.Equal("TRUE", BoolValue.Format(true));
        Assert.Equal("FALSE", BoolValue.Format(false));
    }
}

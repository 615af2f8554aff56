using System.Numerics;
using CsCheck;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Values;

/// <summary>
/// The span overloads analysis uses read a value in the middle of a document: they must answer exactly as the string
/// overloads do on the value alone, whatever text surrounds it, and both must follow the documented rules.
/// </summary>
public class SpanParsingTests
{
    // Values as typed: digits, signs, hex, spaces, BOOL words in any case, letters and a non-ASCII digit.
    private static readonly Gen<string> Value =
        Gen.OneOf(
            Gen.Char["0123456789-+xXaAfF ."].Array[0, 24].Select(chars => new string(chars)),
            Gen.OneOfConst("TRUE", "true", "False", "FALSE ", "0", "1", "-1", "-01", "-0", "4294967295", "4294967296",
                "0x7574C1", "0X", "00000000000000000000004294967295", "tru", "١٢", ""),
            Gen.String);

    private static readonly Gen<(string Before, string Value, string After)> Embedded =
        Gen.Select(Gen.String[0, 8], Value, Gen.String[0, 8]);

    [Fact]
    public void DwordTryParse_SpanInsideText_EqualsStringOverload()
    {
        Embedded.Sample((before, value, after) =>
        {
            var text = before + value + after;
            var span = text.AsSpan(before.Length, value.Length);
            foreach (bool hex in new[] { false, true })
            {
                bool fromString = DwordValue.TryParse(value, hex, out uint a, out var errorA);
                bool fromSpan = DwordValue.TryParse(span, hex, out uint b, out var errorB);
                if (fromString != fromSpan || a != b || errorA != errorB)
                    throw new Exception($"'{value}' hex={hex}: string ({fromString}, {a}, {errorA}) span ({fromSpan}, {b}, {errorB})");
            }
        }, iter: 5000);
    }

    [Fact]
    public void DwordTryParse_RandomDecimalText_MatchesReferenceRules()
    {
        Value.Sample(value =>
        {
            bool ok = DwordValue.TryParse(value.AsSpan(), allowHex: false, out uint parsed, out var error);
            var expected = ReferenceDword(value);
            if (ok != (expected.Error == DwordParseError.None) || error != expected.Error || parsed != expected.Value)
                throw new Exception($"'{value}': got ({ok}, {parsed}, {error}), expected ({expected.Value}, {expected.Error})");
        }, iter: 5000);
    }

    [Fact]
    public void BoolTryParse_SpanInsideText_EqualsStringOverloadAndReferenceRules()
    {
        Embedded.Sample((before, value, after) =>
        {
            var text = before + value + after;
            bool fromString = BoolValue.TryParse(value, out bool a, out var errorA);
            bool fromSpan = BoolValue.TryParse(text.AsSpan(before.Length, value.Length), out bool b, out var errorB);
            if (fromString != fromSpan || a != b || errorA != errorB)
                throw new Exception($"'{value}': string ({fromString}, {a}, {errorA}) span ({fromSpan}, {b}, {errorB})");
            var expected = value.Length == 0 ? BoolParseError.Empty
                : value.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || value.Equals("FALSE", StringComparison.OrdinalIgnoreCase) ? BoolParseError.None
                : value is "0" or "1" ? BoolParseError.Numeric
                : BoolParseError.NotABool;
            if (errorB != expected) throw new Exception($"'{value}': {errorB}, expected {expected}");
        }, iter: 5000);
    }

    /// <summary>The decimal rules of <see cref="DwordValue"/> spelt out with big integers.</summary>
    private static (uint Value, DwordParseError Error) ReferenceDword(string text)
    {
        if (text.Length == 0) return (0, DwordParseError.Empty);
        bool negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length == 0 || digits.Any(c => c is < '0' or > '9')) return (0, DwordParseError.NotANumber);
        var number = BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (negative) return number == 1 ? (uint.MaxValue, DwordParseError.None) : (0, DwordParseError.OutOfRange);
        return number > uint.MaxValue ? (0, DwordParseError.OutOfRange) : ((uint)number, DwordParseError.None);
    }
}

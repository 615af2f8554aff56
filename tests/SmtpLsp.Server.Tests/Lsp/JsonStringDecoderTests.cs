using System.Text;
using System.Text.Json;
using CsCheck;
using SmtpLsp.Server.Lsp;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>The sanitizer's one-pass decoder against System.Text.Json's own GetString.</summary>
public sealed class JsonStringDecoderTests
{
    // One source character written the ways a client may write it: raw UTF-8, a short escape, or \u in either case.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char['a', 'z'].Select(c => c.ToString()),
        Gen.OneOfConst("é", "€", "日", "😀", "<", "&quot;", " ", "\\ud83d\\ude00", "\\uD83D\\uDE00"),
        Gen.OneOfConst("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"),
        Gen.Int[0, 0xFFFF].Where(c => !char.IsSurrogate((char)c)).Select(Gen.Bool, (c, upper) => upper ? $"\\u{c:X4}" : $"\\u{c:x4}"));

    private static string Expected(string raw)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{raw}\""));
        reader.Read();
        return reader.GetString()!;
    }

    private static string? Decode(string raw)
    {
        byte[] bytes = Encoding.UTF8.GetBytes($"[\"{raw}\"]");
        return JsonStringDecoder.Decode(bytes, 2, bytes.Length - 4);
    }

    [Fact]
    public void Decode_RandomEscapesAndUnicode_EqualsSystemTextJson() =>
        Piece.Array[0, 60].Select(pieces => string.Concat(pieces)).Sample(raw => Assert.Equal(Expected(raw), Decode(raw)), iter: 2000);

    // Plain ASCII runs of every length around the 16-byte blocks the decoder takes at once, between escapes and
    // non-ASCII characters, so a special byte falls at each position of a block and at the end of the text.
    [Fact]
    public void Decode_AsciiRunsAroundBlockSize_EqualsSystemTextJson() =>
        Gen.Select(Gen.Int[0, 40], Piece).Select((n, piece) => new string('x', n) + piece).Array[0, 12]
            .Select(pieces => string.Concat(pieces)).Sample(raw => Assert.Equal(Expected(raw), Decode(raw)), iter: 3000);

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("a\\r\\nb")]
    [InlineData("\\\"quoted\\\" \\\\ \\/")]
    [InlineData("\\u00e9\\u00E9é")]
    public void Decode_KnownStrings_EqualsSystemTextJson(string raw) => Assert.Equal(Expected(raw), Decode(raw));

    [Theory]
    [InlineData("x\\uD800y")]
    [InlineData("x\\uDC00y")]
    [InlineData("x\\uD800\\u0041")]
    public void Decode_UnpairedSurrogateEscape_LeavesItToSystemTextJson(string raw) => Assert.Null(Decode(raw));

    [Fact]
    public void Decode_InvalidUtf8_LeavesItToSystemTextJson()
    {
        byte[] bytes = [(byte)'a', 0xC3, (byte)'b'];
        Assert.Null(JsonStringDecoder.Decode(bytes, 0, bytes.Length));
    }
}

using CsCheck;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

public class LineIndexTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\n\r")]
    [InlineData("a\rb\nc\r\nd")]
    [InlineData("\r\r\n\n")]
    [InlineData("x\uD83D\uDE00y\r\n")]
    public void Constructor_SmallTexts_MatchesReference(string text) =>
        new ReferenceLineIndex(text).AssertSameAs(new LineIndex(text), new Random(1), Escape(text));

    [Fact]
    public void Constructor_ManyBlocks_MatchesReference()
    {
        string text = TextEdits.RandomText(new Random(3), 200_000);
        var index = new LineIndex(text);
        Assert.True(index.BlockCount > 10, $"{index.BlockCount} blocks");
        new ReferenceLineIndex(text).AssertSameAs(index, new Random(3), "200k");
    }

    [Fact]
    public void Constructor_CrLfAcrossChunkBoundary_IsOneBreak()
    {
        // "\r" last in one chunk and "\n" first in the next: the buffer is re-chunked through an edit.
        string text = new string('a', TextBuffer.ChunkSize - 1) + "\r\n" + new string('b', TextBuffer.ChunkSize);
        var buffer = TextBuffer.From(new string('a', TextBuffer.ChunkSize - 1) + "\r" + "\n" + new string('b', TextBuffer.ChunkSize));
        var index = new LineIndex(buffer);
        Assert.Equal(2, index.LineCount);
        Assert.Equal(TextBuffer.ChunkSize + 1, index.GetLineStart(1));
        new ReferenceLineIndex(text).AssertSameAs(index, new Random(2), "crlf");
    }

    [Theory]
    [InlineData("a\rb", 2, 0, "\n")]   // an inserted "\n" joins a "\r" before it
    [InlineData("a\nb", 1, 0, "\r")]   // an inserted "\r" joins a "\n" after it
    [InlineData("a\r\nb", 2, 0, "x")]  // splitting a CRLF makes two breaks
    [InlineData("a\rx\nb", 2, 1, "")]  // deleting between them joins them
    [InlineData("a\r\nb", 1, 2, "")]
    [InlineData("", 0, 0, "\r\n")]
    [InlineData("abc", 0, 3, "")]
    public void WithChange_BreaksJoinedOrSplit_MatchesRebuild(string text, int start, int length, string inserted)
    {
        string edited = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(start + length));
        var index = new LineIndex(text).WithChange(new TextSpan(start, length), edited);
        new ReferenceLineIndex(edited).AssertSameAs(index, new Random(4), Escape(edited));
    }

    [Fact]
    public void WithChange_ManyNewlinesTypedInOnePlace_KeepsBlocksFull()
    {
        string text = TextEdits.RandomText(new Random(5), 100_000);
        var buffer = TextBuffer.From(text);
        var index = new LineIndex(buffer);
        int blocks = index.BlockCount;
        for (int i = 0; i < 5000; i++)
        {
            var next = buffer.Replace(50_000, 0, "\n");
            index = index.WithChange(new TextSpan(50_000, 0), next);
            buffer = next;
        }
        // 5000 new lines fill a few more blocks, not one block per line.
        Assert.True(index.BlockCount <= blocks + 5000 / (LineIndex.BlockLines / 2) + 1, $"{blocks} -> {index.BlockCount} blocks");
        new ReferenceLineIndex(buffer.ToString()).AssertSameAs(index, new Random(5), "newlines");
    }

    /// <summary>An index kept up to date edit by edit answers exactly like one built from the plain string.</summary>
    [Fact]
    public void WithChange_RandomEditSequences_EqualFreshIndex()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            string expected = TextEdits.RandomText(random, random.Next(0, 60_000));
            var buffer = TextBuffer.From(expected);
            var index = new LineIndex(buffer);
            for (int step = 0; step < 20; step++)
            {
                var (start, length, inserted) = TextEdits.RandomEdit(random, expected.Length);
                expected = string.Concat(expected.AsSpan(0, start), inserted, expected.AsSpan(start + length));
                buffer = buffer.Replace(start, length, inserted);
                index = index.WithChange(new TextSpan(start, length), buffer);
                new ReferenceLineIndex(expected).AssertSameAs(index, random, $"seed {seed} step {step} edit [{start}, +{length}) <- {inserted.Length} chars");
            }
        }, iter: 60);
    }

    [Fact]
    public void WithChange_SpanOutsideText_Throws()
    {
        var index = new LineIndex("abc");
        Assert.Throws<ArgumentOutOfRangeException>(() => index.WithChange(new TextSpan(2, 5), "ab"));
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}

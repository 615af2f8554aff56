using CsCheck;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

public class TextBufferTests
{
    [Fact]
    public void From_String_KeepsTheSameInstance()
    {
        string text = new string('x', 100_000);
        var buffer = TextBuffer.From(text);
        Assert.Same(text, buffer.ToString());
        Assert.Equal(100_000, buffer.Length);
    }

    [Fact]
    public void From_Empty_IsEmpty()
    {
        Assert.Equal(0, TextBuffer.From("").Length);
        Assert.Equal("", TextBuffer.From(null).ToString());
        Assert.Equal("abc", TextBuffer.From("").Replace(0, 0, "abc").ToString());
    }

    [Fact]
    public void Replace_KeystrokeInLargeText_CopiesOnlyAChunk()
    {
        string text = new string('x', 1_000_000);
        var buffer = TextBuffer.From(text);

        var edited = buffer.Replace(500_000, 0, "7");

        Assert.False(edited.IsMaterialized);
        Assert.Equal(buffer.ChunkCount, edited.ChunkCount);
        Assert.Equal("x7x", edited.ToString(499_999, 3));
        Assert.Equal(text.Insert(500_000, "7"), edited.ToString());
        Assert.Same(text, buffer.ToString()); // the old version is untouched
    }

    [Fact]
    public void Replace_RangeOutsideText_Throws()
    {
        var buffer = TextBuffer.From("abc");
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Replace(2, 2, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Replace(-1, 0, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.ToString(1, 3));
    }

    [Fact]
    public void Replace_ManyKeystrokesInOnePlace_KeepsChunkCountBounded()
    {
        var buffer = TextBuffer.From(new string('x', 200_000));
        for (int i = 0; i < 50_000; i++) buffer = buffer.Replace(100_000 + i, 0, "y");
        Assert.True(buffer.ChunkCount <= 200_000 / TextBuffer.ChunkSize + 50_000 / TextBuffer.ChunkSize + 4, $"{buffer.ChunkCount} chunks");
        Assert.Equal(250_000, buffer.ToString().Length);
    }

    /// <summary>The buffer against a plain string over random edit sequences: text, ranges and characters agree.</summary>
    [Fact]
    public void Replace_RandomEditSequences_EqualStringEdits()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            string expected = TextEdits.RandomText(random, random.Next(0, 80_000));
            var buffer = TextBuffer.From(expected);
            for (int step = 0; step < 25; step++)
            {
                var (start, length, inserted) = TextEdits.RandomEdit(random, expected.Length);
                expected = string.Concat(expected.AsSpan(0, start), inserted, expected.AsSpan(start + length));
                buffer = buffer.Replace(start, length, inserted);
                if (buffer.Length != expected.Length) throw new Exception($"seed {seed} step {step}: length {buffer.Length}, expected {expected.Length}");
                for (int i = 0; i < 20; i++)
                {
                    int from = random.Next(expected.Length + 1);
                    int count = random.Next(Math.Min(expected.Length - from, 50_000) + 1);
                    if (buffer.ToString(from, count) != expected.Substring(from, count))
                        throw new Exception($"seed {seed} step {step}: range [{from}, +{count}) differs");
                    if (from < expected.Length && buffer[from] != expected[from])
                        throw new Exception($"seed {seed} step {step}: character {from} differs");
                }
                if (random.Next(8) == 0 && buffer.ToString() != expected) throw new Exception($"seed {seed} step {step}: text differs");
            }
            if (buffer.ToString() != expected) throw new Exception($"seed {seed}: final text differs");
            if (string.Concat(buffer.GetChunks(0, buffer.Length).Select(c => c.ToString())) != expected)
                throw new Exception($"seed {seed}: chunks differ");
        }, iter: 60);
    }
}

using CsCheck;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

public class ChangedRangeTests
{
    [Fact]
    public void Add_TwoKeystrokes_CoverBoth()
    {
        var range = new ChangedRange();
        range.Add(new TextSpan(10, 0), 1); // type at 10
        range.Add(new TextSpan(3, 2), 0);  // delete [3, 5) of the new text
        Assert.Equal(TextSpan.FromBounds(3, 10), range.Original);
    }

    /// <summary>Outside the folded range, the final text is the original text: before it as is, after it moved.</summary>
    [Fact]
    public void Add_RandomEditSequences_OutsideIsUnchanged()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            string original = TextEdits.RandomText(random, random.Next(0, 200));
            string text = original;
            var range = new ChangedRange();
            int edits = random.Next(1, 8);
            for (int i = 0; i < edits; i++)
            {
                int start = random.Next(text.Length + 1);
                int length = random.Next(Math.Min(6, text.Length - start) + 1);
                string inserted = random.Next(3) == 0 ? "" : TextEdits.RandomText(random, random.Next(1, 8));
                text = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(start + length));
                range.Add(new TextSpan(start, length), inserted.Length);
            }
            var span = range.Original;
            int delta = text.Length - original.Length;
            if (span.End > original.Length || span.Length + delta < 0
                || !text.AsSpan(0, span.Start).SequenceEqual(original.AsSpan(0, span.Start))
                || !text.AsSpan(span.End + delta).SequenceEqual(original.AsSpan(span.End)))
                throw new Exception($"seed {seed}: {span} does not cover the edits");
        }, iter: 2000);
    }
}

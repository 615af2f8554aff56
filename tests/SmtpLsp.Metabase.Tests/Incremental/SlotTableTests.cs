using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Incremental;

/// <summary>The blocked slot table against a plain array edited the way the analyzer used to edit it.</summary>
public class SlotTableTests
{
    private static readonly MetabaseDiagnostic[] None = [];

    [Fact]
    public void Replace_RandomSequences_EqualPlainArray()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var array = RandomSlots(random, random.Next(0, 5 * SlotTable.BlockSize));
            var table = SlotTable.From(array);
            for (int step = 0; step < 30 && array.Length > 0; step++)
            {
                int index = random.Next(array.Length);
                var old = array[index];
                int delta = random.Next(-old.Length + 1, 50);
                var slot = Slot(random, old.Start, old.Length + delta);
                array = (KeySlot[])array.Clone();
                array[index] = slot;
                for (int i = index + 1; i < array.Length; i++) array[i] = array[i] with { Start = array[i].Start + delta };
                table = table.Replace(index, slot, delta);
                Compare(array, table, random, $"seed {seed} step {step}");
            }
            Compare(array, table, random, $"seed {seed}");
        }, iter: 40);
    }

    [Fact]
    public void Find_Empty_NotFound() => Assert.Equal(-1, SlotTable.From([]).Find(0));

    private static void Compare(KeySlot[] expected, SlotTable actual, Random random, string context)
    {
        if (actual.Count != expected.Length) throw new Exception($"{context}: {actual.Count} slots");
        for (int i = 0; i < expected.Length; i++)
        {
            if (actual[i].Start != expected[i].Start || actual[i].Length != expected[i].Length || !ReferenceEquals(actual[i].LocalDiagnostics, expected[i].LocalDiagnostics))
                throw new Exception($"{context}: slot {i} differs");
        }
        int end = expected.Length == 0 ? 10 : expected[^1].End + 10;
        for (int i = 0; i < 200; i++)
        {
            int offset = random.Next(-2, end);
            if (actual.Find(offset) != FindInArray(expected, offset)) throw new Exception($"{context}: Find({offset}) differs");
        }
        var local = new List<MetabaseDiagnostic>();
        var exchange = new List<MetabaseDiagnostic>();
        actual.CollectDiagnostics(local, exchange);
        var expectedLocal = expected.SelectMany(s => s.LocalDiagnostics.Select(d => d.Span.Start + s.Start)).ToArray();
        var expectedExchange = expected.SelectMany(s => s.ExchangeDiagnostics.Select(d => d.Span.Start + s.Start)).ToArray();
        if (!local.Select(d => d.Span.Start).SequenceEqual(expectedLocal) || !exchange.Select(d => d.Span.Start).SequenceEqual(expectedExchange))
            throw new Exception($"{context}: diagnostics differ");
    }

    // The analyzer's former binary search over one array.
    private static int FindInArray(KeySlot[] slots, int offset)
    {
        int lo = 0, hi = slots.Length - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (slots[mid].Start <= offset) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best >= 0 && offset < slots[best].End ? best : -1;
    }

    private static KeySlot[] RandomSlots(Random random, int count)
    {
        var slots = new KeySlot[count];
        int at = random.Next(100);
        for (int i = 0; i < count; i++)
        {
            at += random.Next(0, 3); // sometimes adjacent, sometimes a gap
            slots[i] = Slot(random, at, random.Next(1, 40));
            at = slots[i].End;
        }
        return slots;
    }

    private static KeySlot Slot(Random random, int start, int length)
    {
        MetabaseDiagnostic[] Some() => random.Next(20) == 0
            ? [new MetabaseDiagnostic("MB0000", DiagnosticSeverity.Warning, new TextSpan(random.Next(length), 1), "m")]
            : None;
        return new KeySlot(start, length, Some(), Some(), ParsesAlone: true);
    }
}

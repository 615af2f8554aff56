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

    /// <summary>Keys pasted and deleted between keys among keystrokes: splices that cross blocks, empty them, or add to the end.</summary>
    [Fact]
    public void Splice_RandomSequencesWithReplacements_EqualPlainArray()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var array = RandomSlots(random, random.Next(0, 4 * SlotTable.BlockSize));
            var table = SlotTable.From(array);
            for (int step = 0; step < 40; step++)
            {
                if (array.Length > 0 && random.Next(3) == 0)
                {
                    int at = random.Next(array.Length);
                    int growth = random.Next(-array[at].Length + 1, 50);
                    var replaced = Slot(random, array[at].Start, array[at].Length + growth);
                    array = Splice(array, at, 1, [replaced], growth);
                    table = table.Replace(at, replaced, growth);
                }
                else
                {
                    int index = random.Next(array.Length + 1);
                    int remove = random.Next(4) == 0 ? random.Next(0, Math.Min(array.Length - index, 2 * SlotTable.BlockSize) + 1) : random.Next(0, Math.Min(array.Length - index, 2) + 1);
                    // The text from the end of the slot before to the start of the slot after is what changes.
                    int from = index == 0 ? 0 : array[index - 1].End;
                    int oldEnd = index + remove < array.Length ? array[index + remove].Start : from + 5;
                    var inserted = new List<KeySlot>();
                    int next = from + random.Next(0, 3);
                    for (int i = random.Next(0, 3) == 0 ? random.Next(0, 3 * SlotTable.BlockSize / 2) : random.Next(0, 3); i > 0; i--)
                    {
                        inserted.Add(Slot(random, next, random.Next(1, 30)));
                        next = inserted[^1].End + random.Next(0, 3);
                    }
                    int delta = next - oldEnd;
                    array = Splice(array, index, remove, inserted, delta);
                    table = table.Splice(index, remove, inserted, delta);
                }
                Compare(array, table, random, $"seed {seed} step {step}");
            }
        }, iter: 40);
    }

    private static KeySlot[] Splice(KeySlot[] array, int index, int remove, IReadOnlyList<KeySlot> inserted, int delta) =>
        [.. array[..index], .. inserted, .. array[(index + remove)..].Select(s => s with { Start = s.Start + delta })];

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

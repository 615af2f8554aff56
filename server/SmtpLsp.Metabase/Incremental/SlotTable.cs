using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The key slots of a document in fixed-size blocks, each slot's start relative to its block's base offset. An
/// incremental update replaces one slot: it copies that slot's block (at most <see cref="BlockSize"/> slots, below
/// the large object heap) and moves the later blocks by changing their bases, instead of copying and shifting every
/// slot of a large document (146k slots, 2.3 MB, per keystroke: LOH churn that triggers gen2 collections). Immutable.
/// </summary>
internal sealed class SlotTable
{
    /// <summary>Slots per block: 1024 slots of 16 bytes stay under the 85 KB large object threshold.</summary>
    internal const int BlockSize = 1024;

    private readonly SlotBlock[] _blocks;
    private readonly int[] _bases; // absolute start of each block's first slot

    private SlotTable(SlotBlock[] blocks, int[] bases, int count)
    {
        _blocks = blocks;
        _bases = bases;
        Count = count;
    }

    public int Count { get; }

    public KeySlot this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            int block = index / BlockSize;
            var slot = _blocks[block].Slots[index % BlockSize];
            return slot with { Start = slot.Start + _bases[block] };
        }
    }

    public static SlotTable From(KeySlot[] slots)
    {
        int count = (slots.Length + BlockSize - 1) / BlockSize;
        var blocks = new SlotBlock[count];
        var bases = new int[count];
        for (int b = 0; b < count; b++)
        {
            int first = b * BlockSize;
            var block = new KeySlot[Math.Min(BlockSize, slots.Length - first)];
            bases[b] = slots[first].Start;
            for (int i = 0; i < block.Length; i++) block[i] = slots[first + i] with { Start = slots[first + i].Start - bases[b] };
            blocks[b] = new SlotBlock(block);
        }
        return new SlotTable(blocks, bases, slots.Length);
    }

    /// <summary>
    /// This table with slot <paramref name="index"/> replaced by <paramref name="slot"/> (absolute start) and every
    /// later slot moved by <paramref name="delta"/>.
    /// </summary>
    public SlotTable Replace(int index, KeySlot slot, int delta)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        int b = index / BlockSize;
        var slots = (KeySlot[])_blocks[b].Slots.Clone();
        int at = index % BlockSize;
        // The block's base is its first slot's start, which only changes when that slot is the one replaced.
        int newBase = at == 0 ? slot.Start : _bases[b];
        int rebase = newBase - _bases[b];
        for (int i = 0; i < slots.Length; i++)
        {
            if (i == at) slots[i] = slot with { Start = slot.Start - newBase };
            else if (i > at) slots[i] = slots[i] with { Start = slots[i].Start + delta - rebase };
            else if (rebase != 0) slots[i] = slots[i] with { Start = slots[i].Start - rebase };
        }
        var blocks = (SlotBlock[])_blocks.Clone();
        blocks[b] = new SlotBlock(slots);
        var bases = (int[])_bases.Clone();
        bases[b] = newBase;
        for (int i = b + 1; i < bases.Length; i++) bases[i] += delta;
        return new SlotTable(blocks, bases, Count);
    }

    /// <summary>The slot whose element starts at or before the offset and ends after it, or -1.</summary>
    public int Find(int offset)
    {
        int index = LastStartingAtOrBefore(offset);
        return index >= 0 && offset < this[index].End ? index : -1;
    }

    /// <summary>The last slot whose element starts at or before the offset, or -1.</summary>
    public int LastStartingAtOrBefore(int offset)
    {
        int block = Array.BinarySearch(_bases, offset);
        if (block < 0) block = ~block - 1;
        if (block < 0) return -1;
        var slots = _blocks[block].Slots;
        int relative = offset - _bases[block];
        int lo = 0, hi = slots.Length - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (slots[mid].Start <= relative) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best >= 0 ? block * BlockSize + best : -1;
    }

    /// <summary>Every slot's local (per-key) diagnostics, then every slot's Exchange hints, moved to absolute offsets.</summary>
    public void CollectDiagnostics(List<MetabaseDiagnostic> local, List<MetabaseDiagnostic> exchange)
    {
        for (int b = 0; b < _blocks.Length; b++)
        {
            // Most blocks have nothing to report; skipping them keeps a keystroke from walking every slot.
            if (!_blocks[b].HasDiagnostics) continue;
            int at = _bases[b];
            foreach (var slot in _blocks[b].Slots)
            {
                foreach (var diagnostic in slot.LocalDiagnostics) local.Add(IncrementalAnalyzer.Move(diagnostic, at + slot.Start));
                foreach (var diagnostic in slot.ExchangeDiagnostics) exchange.Add(IncrementalAnalyzer.Move(diagnostic, at + slot.Start));
            }
        }
    }

    private sealed class SlotBlock(KeySlot[] slots)
    {
        public KeySlot[] Slots { get; } = slots;

        public bool HasDiagnostics { get; } = slots.Any(s => s.LocalDiagnostics.Length > 0 || s.ExchangeDiagnostics.Length > 0);
    }
}

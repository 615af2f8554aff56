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
    private readonly int[] _firsts; // index of each block's first slot: blocks a splice made differ in size

    private SlotTable(SlotBlock[] blocks, int[] bases, int[] firsts, int count)
    {
        _blocks = blocks;
        _bases = bases;
        _firsts = firsts;
        Count = count;
    }

    public int Count { get; }

    public KeySlot this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            int block = BlockOf(index);
            var slot = _blocks[block].Slots[index - _firsts[block]];
            return slot with { Start = slot.Start + _bases[block] };
        }
    }

    /// <summary>The block holding slot <paramref name="index"/> (0 &lt;= index &lt; Count).</summary>
    private int BlockOf(int index)
    {
        int block = Array.BinarySearch(_firsts, index);
        return block >= 0 ? block : ~block - 1;
    }

    public static SlotTable From(KeySlot[] slots) => FromAbsolute(slots, 0);

    /// <summary>Blocks of <see cref="BlockSize"/> slots made from absolute slots, numbered from <paramref name="firstIndex"/>.</summary>
    private static SlotTable FromAbsolute(IReadOnlyList<KeySlot> slots, int firstIndex)
    {
        int count = (slots.Count + BlockSize - 1) / BlockSize;
        var blocks = new SlotBlock[count];
        var bases = new int[count];
        var firsts = new int[count];
        for (int b = 0; b < count; b++)
        {
            int first = b * BlockSize;
            var block = new KeySlot[Math.Min(BlockSize, slots.Count - first)];
            bases[b] = slots[first].Start;
            firsts[b] = firstIndex + first;
            for (int i = 0; i < block.Length; i++) block[i] = slots[first + i] with { Start = slots[first + i].Start - bases[b] };
            blocks[b] = new SlotBlock(block);
        }
        return new SlotTable(blocks, bases, firsts, slots.Count);
    }

    /// <summary>
    /// This table with slot <paramref name="index"/> replaced by <paramref name="slot"/> (absolute start) and every
    /// later slot moved by <paramref name="delta"/>.
    /// </summary>
    public SlotTable Replace(int index, KeySlot slot, int delta)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        int b = BlockOf(index);
        var slots = (KeySlot[])_blocks[b].Slots.Clone();
        int at = index - _firsts[b];
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
        return new SlotTable(blocks, bases, _firsts, Count);
    }

    /// <summary>
    /// This table with the <paramref name="removeCount"/> slots from <paramref name="index"/> replaced by
    /// <paramref name="inserted"/> (absolute starts; keys pasted or deleted between keys), and every later slot moved
    /// by <paramref name="delta"/>. Only the blocks the removed slots are in (or the one the insertion falls in) are
    /// made again, in blocks of at most <see cref="BlockSize"/>.
    /// </summary>
    public SlotTable Splice(int index, int removeCount, IReadOnlyList<KeySlot> inserted, int delta)
    {
        if (index < 0 || removeCount < 0 || index + removeCount > Count) throw new ArgumentOutOfRangeException(nameof(index));
        if (_blocks.Length == 0) return FromAbsolute(inserted, 0);
        // The blocks made again: from the one holding the first removed slot (or the insertion point) to the one holding
        // the last removed slot; an insertion after the last slot goes into the last block.
        int firstBlock = index < Count ? BlockOf(index) : _blocks.Length - 1;
        int lastBlock = removeCount > 0 ? BlockOf(index + removeCount - 1) : firstBlock;
        var middle = new List<KeySlot>();
        for (int b = firstBlock; b <= lastBlock; b++)
        {
            var slots = _blocks[b].Slots;
            for (int i = 0; i < slots.Length; i++)
            {
                int number = _firsts[b] + i;
                if (number == index) middle.AddRange(inserted);
                if (number >= index && number < index + removeCount) continue;
                var slot = slots[i] with { Start = slots[i].Start + _bases[b] };
                middle.Add(number >= index + removeCount ? slot with { Start = slot.Start + delta } : slot);
            }
        }
        if (index >= _firsts[lastBlock] + _blocks[lastBlock].Slots.Length) middle.AddRange(inserted);
        var made = FromAbsolute(middle, _firsts[firstBlock]);

        int shiftIndex = inserted.Count - removeCount;
        var blocks = new List<SlotBlock>(_blocks.Length + made._blocks.Length);
        var bases = new List<int>(blocks.Capacity);
        var firsts = new List<int>(blocks.Capacity);
        for (int b = 0; b < firstBlock; b++) { blocks.Add(_blocks[b]); bases.Add(_bases[b]); firsts.Add(_firsts[b]); }
        blocks.AddRange(made._blocks);
        bases.AddRange(made._bases);
        firsts.AddRange(made._firsts);
        for (int b = lastBlock + 1; b < _blocks.Length; b++) { blocks.Add(_blocks[b]); bases.Add(_bases[b] + delta); firsts.Add(_firsts[b] + shiftIndex); }
        return new SlotTable(blocks.ToArray(), bases.ToArray(), firsts.ToArray(), Count + shiftIndex);
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
        return best >= 0 ? _firsts[block] + best : -1;
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

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// The parser's working attribute table, kept weakly between parses. The table is sized ahead from the text length
/// (so parallel pieces can write their own regions of it) and the tree keeps an exact-size copy; without this every
/// parse of a 50 MB document would leave 17 MB of large-object garbage, and a full collection soon after. Held weakly,
/// so an idle server does not keep it: the next full collection frees it.
/// </summary>
internal static class ScratchAttributeTable
{
    // Smaller tables are cheap to allocate, and keeping one would push out the table of a large document.
    private const int MinKeptLength = 1 << 14;

    private static WeakReference<AttributeData[]>? _kept;

    /// <summary>A table of at least <paramref name="capacity"/> entries, not cleared (the parser writes before it reads).</summary>
    public static AttributeData[] Rent(int capacity)
    {
        var kept = Interlocked.Exchange(ref _kept, null);
        if (kept != null && kept.TryGetTarget(out var table) && table.Length >= capacity) return table;
        return GC.AllocateUninitializedArray<AttributeData>(capacity);
    }

    /// <summary>Gives a table back once nothing refers to it (the tree has its own copy).</summary>
    public static void Return(AttributeData[] table)
    {
        if (table.Length >= MinKeptLength) Volatile.Write(ref _kept, new WeakReference<AttributeData[]>(table));
    }
}

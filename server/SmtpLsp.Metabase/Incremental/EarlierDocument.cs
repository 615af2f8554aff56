using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Navigation;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// The last earlier version of a document whose whole parse exists, seen from a version reached from it by
/// incremental updates only, and which slots those updates edited. Such updates keep every key in the same order,
/// every slot, and every character outside the slots' insides but whitespace between slots, so what a
/// whole-document feature found in the earlier version is still true here once moved by its slot's shift, except
/// inside the edited slots (see <see cref="Features.MovedOutline"/>); keys' types and Locations too, unless
/// <see cref="KeysChanged"/>. Immutable but for a cache of its outline.
/// </summary>
public sealed class EarlierDocument
{
    private readonly int[] _editedSlots;
    private volatile CachedSymbols? _symbols;

    internal EarlierDocument(MetabaseDocument document, SlotTable slots, int[] editedSlots, bool keysChanged)
    {
        Document = document;
        Slots = slots;
        _editedSlots = editedSlots;
        KeysChanged = keysChanged;
    }

    /// <summary>
    /// True when an edit since changed a key's Location, type or Location attribute: the outline, which nests keys by
    /// Location, is moved from the earlier one then only where Locations were renamed in place (folding, which follows
    /// elements, always is).
    /// </summary>
    internal bool KeysChanged { get; }

    /// <summary>The earlier version's whole parse.</summary>
    public MetabaseDocument Document { get; }

    /// <summary>The earlier version's slots, the same count as now.</summary>
    internal SlotTable Slots { get; }

    /// <summary>The slots edited since the earlier version, in document order.</summary>
    internal IReadOnlyList<int> EditedSlots => _editedSlots;

    /// <summary>
    /// The earlier version's outline, made once for the versions typed since (each request moves it again). One cap
    /// is kept: a server asks with the same one every time.
    /// </summary>
    internal SymbolTree Symbols(int maxSymbols)
    {
        var cached = _symbols;
        if (cached?.Max == maxSymbols) return cached.Tree;
        var tree = DocumentSymbols.Build(Document.Model, maxSymbols);
        _symbols = new CachedSymbols(maxSymbols, tree);
        return tree;
    }

    private sealed record CachedSymbols(int Max, SymbolTree Tree);

    internal bool IsEdited(int slot) => Array.BinarySearch(_editedSlots, slot) >= 0;

    /// <summary>The same earlier version after one more edit inside <paramref name="slot"/>.</summary>
    internal EarlierDocument WithEdited(int slot, bool keysChanged)
    {
        keysChanged |= KeysChanged;
        int at = Array.BinarySearch(_editedSlots, slot);
        if (at >= 0 && keysChanged == KeysChanged) return this;
        var edited = _editedSlots;
        if (at < 0)
        {
            at = ~at;
            edited = new int[_editedSlots.Length + 1];
            Array.Copy(_editedSlots, edited, at);
            edited[at] = slot;
            Array.Copy(_editedSlots, at, edited, at + 1, _editedSlots.Length - at);
        }
        return new EarlierDocument(Document, Slots, edited, keysChanged) { _symbols = _symbols };
    }
}

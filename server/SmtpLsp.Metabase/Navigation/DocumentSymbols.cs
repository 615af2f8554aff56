using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>A key in the outline: name (path below its parent, or the full Location at top), detail = key type.</summary>
public sealed class KeySymbol
{
    internal KeySymbol(MetabaseKey key, string name)
        : this(key, name, key.Element.Span, KeyTarget.SelectionOf(key))
    {
    }

    private KeySymbol(MetabaseKey key, string name, TextSpan span, TextSpan selectionSpan)
    {
        Key = key;
        Name = name;
        Span = span;
        SelectionSpan = selectionSpan;
    }

    /// <summary>
    /// The key in the version the outline was built from; a moved outline keeps the earlier version's, but for the
    /// keys of the slots edited since, read again from their new text.
    /// </summary>
    internal MetabaseKey Key { get; }
    public string Name { get; }
    public string Detail => Key.KeyType;
    public TextSpan Span { get; }
    public TextSpan SelectionSpan { get; }
    public IReadOnlyList<KeySymbol> Children => ChildList;
    internal List<KeySymbol> ChildList { get; } = [];

    /// <summary>The symbol of a key read from a slot's text alone, placed where that slot now starts.</summary>
    internal static KeySymbol At(MetabaseKey key, string name, int slotStart)
    {
        var span = key.Element.Span;
        var selection = KeyTarget.SelectionOf(key);
        return new(key, name, new TextSpan(span.Start + slotStart, span.Length), new TextSpan(selection.Start + slotStart, selection.Length));
    }

    /// <summary>The same symbol at other spans, without children.</summary>
    internal KeySymbol MovedTo(TextSpan span, TextSpan selectionSpan) => new(Key, Name, span, selectionSpan);

    /// <summary>The symbol of <paramref name="key"/>, read again from an edited slot, with this one's place and a name.</summary>
    internal KeySymbol MovedTo(MetabaseKey key, string name, TextSpan span, TextSpan selectionSpan) => new(key, name, span, selectionSpan);

    public override string ToString() => $"{Name} ({Detail})";
}

/// <summary>The outline, and whether it was cut at the cap (huge files).</summary>
public sealed record SymbolTree(IReadOnlyList<KeySymbol> Symbols, int Count, bool Capped);

/// <summary>The hierarchical outline of a metabase by Location (/LM -> SmtpSvc -> 1 -> Domain ...).</summary>
public static class DocumentSymbols
{
    public const int DefaultMax = 5000;

    public static SymbolTree Build(MetabaseModel model, int maxSymbols = DefaultMax)
    {
        var hierarchy = KeyHierarchy.Build(model);
        var roots = new List<KeySymbol>();
        var pending = new Queue<KeySymbol>();
        int count = 0;
        bool capped = false;
        // Breadth first, so a cap keeps the upper levels of the tree, and deep files cannot overflow the stack.
        foreach (var key in hierarchy.Roots)
        {
            if (count == maxSymbols) { capped = true; break; }
            var symbol = new KeySymbol(key, NameOf(key, parent: null));
            roots.Add(symbol);
            pending.Enqueue(symbol);
            count++;
        }
        // Once a child was left out, nothing more comes in: the queue's other keys need not be looked at.
        while (pending.Count > 0 && !capped)
        {
            var parent = pending.Dequeue();
            foreach (var child in hierarchy.ChildrenOf(parent.Key))
            {
                if (count == maxSymbols) { capped = true; break; }
                var symbol = new KeySymbol(child, NameOf(child, parent.Key));
                parent.ChildList.Add(symbol);
                pending.Enqueue(symbol);
                count++;
            }
        }
        return new SymbolTree(roots, count, capped);
    }

    /// <summary>A key's name in the outline under <paramref name="parent"/>, its nearest ancestor key (null at the top).</summary>
    internal static string NameOf(MetabaseKey key, MetabaseKey? parent) =>
        parent == null ? key.Location ?? $"({key.KeyType} without Location)" : RelativeName(parent.LocationText, key.LocationText);

    /// <summary>
    /// "/LM/SmtpSvc/1" under "/LM/SmtpSvc" is "1"; under a missing level it keeps the levels between. Segments are the
    /// non-empty parts between slashes; the name is the key's segments after as many as the parent has, joined by '/'.
    /// Read from the spans, so a name costs one string (the outline of 50 MB makes 5000 per request).
    /// </summary>
    private static string RelativeName(ReadOnlySpan<char> parentLocation, ReadOnlySpan<char> location)
    {
        int skip = SegmentCount(parentLocation);
        // Past the first `skip` segments of the location.
        int at = 0, seen = 0;
        while (seen < skip)
        {
            while (at < location.Length && location[at] == '/') at++;
            if (at == location.Length) return location.ToString();
            while (at < location.Length && location[at] != '/') at++;
            seen++;
        }
        while (at < location.Length && location[at] == '/') at++;
        if (at == location.Length) return location.ToString();
        var rest = location[at..];
        // Usually the rest is the name as it stands; empty segments ("a//b", "a/") are left out.
        if (!rest.Contains("//", StringComparison.Ordinal) && rest[^1] != '/') return rest.ToString();
        return string.Join('/', rest.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int SegmentCount(ReadOnlySpan<char> location)
    {
        int count = 0;
        for (int i = 0; i < location.Length; i++)
        {
            if (location[i] != '/' && (i == 0 || location[i - 1] == '/')) count++;
        }
        return count;
    }
}

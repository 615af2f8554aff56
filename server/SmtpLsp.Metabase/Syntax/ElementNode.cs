using System.Diagnostics;
using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// An element with its offsets. Children holds elements only; comments and text stay in the token stream.
/// Fields are filled by <see cref="Parser"/> and never change afterwards. Kept to 72 bytes (a large file has one per
/// key): the name starts right after '&lt;', the two flags share a word with the attribute count, and attribute nodes,
/// made only for the few elements features look at, live in a side table.
/// </summary>
public sealed class ElementNode
{
    private static readonly ElementNode[] NoChildren = [];
    private static readonly AttributeNode[] NoAttributes = [];
    // Attribute nodes by element, made on first access; weak, so they go with their tree.
    private static readonly ConditionalWeakTable<ElementNode, AttributeNode[]> AttributeNodes = new();

    private const int CountMask = (1 << 30) - 1;
    private const int SelfClosingBit = 1 << 30;
    private const int StartTagClosedBit = 1 << 31;

    internal ElementNode(SyntaxTree tree, ElementNode? parent, string name, int start, int nameStart)
    {
        // The name always follows the '<' directly (the scanner reads "<name"), so its start is not stored.
        Debug.Assert(nameStart == start + 1);
        Tree = tree;
        Parent = parent;
        Name = name;
        _start = start;
    }

    private readonly int _start;
    internal int StartTagEnd;
    internal int EndTagStart = -1;
    internal int End;
    // This element's attributes are AttributeTable[FirstAttribute .. FirstAttribute + AttributeCount).
    internal int FirstAttribute;
    // AttributeCount in the low 30 bits (a string holds under 2^30 chars, so fewer attributes), then the two flags.
    private int _countAndFlags;
    internal List<ElementNode>? ChildList;

    internal int AttributeCount
    {
        get => _countAndFlags & CountMask;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _countAndFlags = (_countAndFlags & ~CountMask) | (value & CountMask);
    }

    internal bool SelfClosing
    {
        get => (_countAndFlags & SelfClosingBit) != 0;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _countAndFlags = value ? _countAndFlags | SelfClosingBit : _countAndFlags & ~SelfClosingBit;
    }

    internal bool StartTagClosed
    {
        get => (_countAndFlags & StartTagClosedBit) != 0;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _countAndFlags = value ? _countAndFlags | StartTagClosedBit : _countAndFlags & ~StartTagClosedBit;
    }

    public SyntaxTree Tree { get; }

    public ElementNode? Parent { get; }

    public string Name { get; }

    public TextSpan NameSpan => new(_start + 1, Name.Length);

    /// <summary>The whole element, through its end tag when there is one.</summary>
    public TextSpan Span => TextSpan.FromBounds(_start, End);

    public TextSpan StartTagSpan => TextSpan.FromBounds(_start, StartTagEnd);

    public TextSpan? EndTagSpan => EndTagStart < 0 ? null : TextSpan.FromBounds(EndTagStart, End);

    public bool IsSelfClosing => SelfClosing;

    /// <summary>False for a half-typed start tag (no "&gt;" or "/&gt;" before the next "&lt;" or the end of the text).</summary>
    public bool IsStartTagClosed => StartTagClosed;

    /// <summary>Made on first access and kept, so the same attribute is always the same object.</summary>
    public IReadOnlyList<AttributeNode> Attributes =>
        AttributeCount == 0 ? NoAttributes : AttributeNodes.GetValue(this, static element => element.CreateAttributeNodes());

    public IReadOnlyList<ElementNode> Children => (IReadOnlyList<ElementNode>?)ChildList ?? NoChildren;

    /// <summary>The first attribute with exactly this name (case-sensitive, as IIS reads the file).</summary>
    public AttributeNode? GetAttribute(string name)
    {
        int index = IndexOfAttribute(name);
        return index < 0 ? null : Attributes[index];
    }

    /// <summary>The position among this element's attributes of the first one with exactly this name, or -1.</summary>
    internal int IndexOfAttribute(string name)
    {
        var table = Tree.AttributeTable;
        var names = Tree.NameById;
        for (int i = 0; i < AttributeCount; i++)
        {
            if (string.Equals(names[table[FirstAttribute + i].NameId], name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>Attribute <paramref name="index"/> of this element read from the table, without making its node.</summary>
    internal AttributeView AttributeAt(int index) => new(Tree, FirstAttribute + index);

    // GetValue keeps the first value stored, so threads asking at once still share one set of nodes.
    private AttributeNode[] CreateAttributeNodes()
    {
        var nodes = new AttributeNode[AttributeCount];
        for (int i = 0; i < nodes.Length; i++) nodes[i] = new AttributeNode(this, FirstAttribute + i);
        return nodes;
    }

    /// <summary>
    /// True when the offset is in this element, or just at the end of one that was never closed (a half-typed tag,
    /// or an element cut off by its parent's end tag or the end of the file): that is where the user is typing.
    /// </summary>
    internal bool ContainsForLookup(int offset) =>
        (offset >= _start && offset < End) || (offset == End && EndTagStart < 0 && !SelfClosing);

    public override string ToString() => $"<{Name}> {Span}";
}

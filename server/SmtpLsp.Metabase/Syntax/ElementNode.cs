using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// An element with its offsets. Children holds elements only; comments and text stay in the token stream.
/// Fields are filled by <see cref="Parser"/> and never change afterwards.
/// </summary>
public sealed class ElementNode
{
    private static readonly ElementNode[] NoChildren = [];
    private static readonly AttributeNode[] NoAttributes = [];

    internal ElementNode(SyntaxTree tree, ElementNode? parent, string name, int start, int nameStart)
    {
        Tree = tree;
        Parent = parent;
        Name = name;
        _start = start;
        _nameStart = nameStart;
    }

    private readonly int _start;
    private readonly int _nameStart;
    internal int StartTagEnd;
    internal int EndTagStart = -1;
    internal int End;
    internal bool SelfClosing;
    internal bool StartTagClosed;
    // This element's attributes are AttributeTable[FirstAttribute .. FirstAttribute + AttributeCount).
    internal int FirstAttribute;
    internal int AttributeCount;
    private AttributeNode[]? _attributeNodes;
    internal List<ElementNode>? ChildList;

    public SyntaxTree Tree { get; }

    public ElementNode? Parent { get; }

    public string Name { get; }

    public TextSpan NameSpan => new(_nameStart, Name.Length);

    /// <summary>The whole element, through its end tag when there is one.</summary>
    public TextSpan Span => TextSpan.FromBounds(_start, End);

    public TextSpan StartTagSpan => TextSpan.FromBounds(_start, StartTagEnd);

    public TextSpan? EndTagSpan => EndTagStart < 0 ? null : TextSpan.FromBounds(EndTagStart, End);

    public bool IsSelfClosing => SelfClosing;

    /// <summary>False for a half-typed start tag (no "&gt;" or "/&gt;" before the next "&lt;" or the end of the text).</summary>
    public bool IsStartTagClosed => StartTagClosed;

    /// <summary>Made on first access and kept, so the same attribute is always the same object.</summary>
    public IReadOnlyList<AttributeNode> Attributes => _attributeNodes ?? CreateAttributeNodes();

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

    private AttributeNode[] CreateAttributeNodes()
    {
        if (AttributeCount == 0) return _attributeNodes = NoAttributes;
        var nodes = new AttributeNode[AttributeCount];
        for (int i = 0; i < nodes.Length; i++) nodes[i] = new AttributeNode(this, FirstAttribute + i);
        // The first writer wins, so threads asking at once still share one set of nodes.
        return Interlocked.CompareExchange(ref _attributeNodes, nodes, null) ?? nodes;
    }

    /// <summary>
    /// True when the offset is in this element, or just at the end of one that was never closed (a half-typed tag,
    /// or an element cut off by its parent's end tag or the end of the file): that is where the user is typing.
    /// </summary>
    internal bool ContainsForLookup(int offset) =>
        (offset >= _start && offset < End) || (offset == End && EndTagStart < 0 && !SelfClosing);

    public override string ToString() => $"<{Name}> {Span}";
}

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
    internal AttributeNode[] AttributeArray = NoAttributes;
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

    public IReadOnlyList<AttributeNode> Attributes => AttributeArray;

    public IReadOnlyList<ElementNode> Children => (IReadOnlyList<ElementNode>?)ChildList ?? NoChildren;

    /// <summary>The first attribute with exactly this name (case-sensitive, as IIS reads the file).</summary>
    public AttributeNode? GetAttribute(string name)
    {
        foreach (var attribute in AttributeArray)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal)) return attribute;
        }
        return null;
    }

    /// <summary>
    /// True when the offset is in this element, or just at the end of one that was never closed (a half-typed tag,
    /// or an element cut off by its parent's end tag or the end of the file): that is where the user is typing.
    /// </summary>
    internal bool ContainsForLookup(int offset) =>
        (offset >= _start && offset < End) || (offset == End && EndTagStart < 0 && !SelfClosing);

    public override string ToString() => $"<{Name}> {Span}";
}

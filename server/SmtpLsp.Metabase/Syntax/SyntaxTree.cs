using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// A parsed metabase document: the text, a lossless token stream, an element tree with offsets and the syntax
/// diagnostics (MB1001..MB1010). Immutable once built; <see cref="Parse"/> never throws.
/// </summary>
public sealed class SyntaxTree
{
    private IReadOnlyList<SyntaxToken>? _tokens;

    private SyntaxTree(string text)
    {
        Text = text;
        Document = null!;
        Diagnostics = [];
    }

    public string Text { get; }

    /// <summary>Every attribute of every start tag, in document order; elements index into it.</summary>
    internal AttributeData[] AttributeTable { get; private set; } = [];

    /// <summary>Attribute names by the id <see cref="AttributeData.NameId"/> holds.</summary>
    internal string[] NameById { get; private set; } = [];

    public DocumentNode Document { get; private set; }

    public ElementNode? Root => Document.Root;

    public IReadOnlyList<MetabaseDiagnostic> Diagnostics { get; private set; }

    /// <summary>
    /// Every token in order; their texts concatenated give <see cref="Text"/> back exactly. Built on first use by a
    /// second scan, so the tree itself stays small for large files.
    /// </summary>
    public IReadOnlyList<SyntaxToken> Tokens
    {
        get
        {
            if (_tokens == null)
            {
                var (tokens, repaired) = Parser.Tokenize(this);
                TokenizerRepaired = repaired;
                _tokens = tokens;
            }
            return _tokens;
        }
    }

    /// <summary>Pieces parsed on other threads and taken over (0 for a one-pass parse).</summary>
    internal int AdoptedPieces { get; set; }

    /// <summary>
    /// True when a quoted value found neither its closing quote nor a line that starts like tag content, and the
    /// search ran to the end of the text, or a quoted string without a name in a tag found no closing quote on a line
    /// that the text ends: what follows the text would have decided where they end.
    /// </summary>
    internal bool QuotedValueRanToEnd { get; set; }

    /// <summary>A whole document, or part of one parsed alone; the token scan reads it the same way.</summary>
    internal TextKind Kind { get; private init; }

    /// <summary>Set when the token scan had to patch its own stream (a scanner bug the tests look for).</summary>
    internal bool TokenizerRepaired { get; private set; }

    public static SyntaxTree Parse(string? text) => Parse(text, pieceChars: 0);

    /// <summary>
    /// Parses with pieces of about <paramref name="pieceChars"/> characters on several threads (0: chosen by the
    /// text length and the processor count, -1: one pass); the result is the same either way.
    /// </summary>
    /// <param name="guessNames">False to look every name up (the test of the parser's guesses compares both).</param>
    /// <param name="kind">Part of a document parsed alone as in place (see <see cref="TextKind"/>; always one pass).</param>
    internal static SyntaxTree Parse(string? text, int pieceChars, bool guessNames = true, TextKind kind = TextKind.Document)
    {
        var tree = new SyntaxTree(text ?? string.Empty) { Kind = kind };
        var (document, diagnostics, attributes, names) = Parser.Parse(tree, pieceChars, guessNames);
        tree.Document = document;
        tree.Diagnostics = diagnostics;
        tree.AttributeTable = attributes;
        tree.NameById = names;
        return tree;
    }

    /// <summary>The innermost element whose span contains the offset (or, for an element never closed, ends there).</summary>
    public ElementNode? FindElementAt(int offset)
    {
        var candidate = FindContaining(Document.Elements, offset);
        ElementNode? found = null;
        while (candidate != null)
        {
            found = candidate;
            candidate = FindContaining(candidate.Children, offset);
        }
        return found;
    }

    /// <summary>
    /// The attribute whose name or value the offset is in or touches, in the start tag of the innermost element at
    /// the offset; works in half-typed start tags too. Compare with NameSpan / ValueSpan to know which part.
    /// </summary>
    public AttributeNode? FindAttributeAt(int offset)
    {
        var element = FindElementAt(offset);
        if (element == null) return null;
        var tag = element.StartTagSpan;
        if (offset < tag.Start || offset > tag.End) return null;
        var attributes = element.Attributes;
        int lo = 0, hi = attributes.Count - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (attributes[mid].Span.Start <= offset) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (best < 0) return null;
        var attribute = attributes[best];
        return attribute.Span.ContainsOrTouches(offset) ? attribute : null;
    }

    /// <summary>The token containing the offset (the one ending there when the offset is the end of the text).</summary>
    public SyntaxToken? FindTokenAt(int offset)
    {
        var tokens = Tokens;
        if (tokens.Count == 0 || offset < 0 || offset > Text.Length) return null;
        int lo = 0, hi = tokens.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (tokens[mid].Start <= offset) lo = mid;
            else hi = mid - 1;
        }
        return tokens[lo];
    }

    /// <summary>All elements in document order (pre-order).</summary>
    public IEnumerable<ElementNode> DescendantElements()
    {
        var stack = new Stack<ElementNode>();
        for (int i = Document.Elements.Count - 1; i >= 0; i--) stack.Push(Document.Elements[i]);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            yield return element;
            var children = element.Children;
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private static ElementNode? FindContaining(IReadOnlyList<ElementNode> elements, int offset)
    {
        int lo = 0, hi = elements.Count - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (elements[mid].Span.Start <= offset) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (best < 0) return null;
        if (elements[best].ContainsForLookup(offset)) return elements[best];
        // A half-typed tag can end exactly where the next sibling starts; prefer the one that contains it.
        if (best > 0 && elements[best - 1].ContainsForLookup(offset)) return elements[best - 1];
        return null;
    }
}

using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>The whole document: top-level PIs, comments, the doctype and the element(s).</summary>
public sealed class DocumentNode
{
    internal DocumentNode(TextSpan span, IReadOnlyList<PrologItem> prolog, IReadOnlyList<ElementNode> elements)
    {
        Span = span;
        Prolog = prolog;
        Elements = elements;
    }

    public TextSpan Span { get; }

    /// <summary>Top-level processing instructions, comments and doctypes, in document order.</summary>
    public IReadOnlyList<PrologItem> Prolog { get; }

    /// <summary>Every top-level element; a well-formed document has exactly one.</summary>
    public IReadOnlyList<ElementNode> Elements { get; }

    /// <summary>The first top-level element, or null when there is none.</summary>
    public ElementNode? Root => Elements.Count > 0 ? Elements[0] : null;
}

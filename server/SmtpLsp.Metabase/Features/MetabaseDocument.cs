using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>
/// One version of a metabase document with everything the features need, built once per text version so every
/// query (hover, completion, the CLI) reads the same parse. Immutable.
/// </summary>
public sealed class MetabaseDocument
{
    // Enough for an xml declaration, a few comments and the start of the first key.
    private const int SniffLength = 4096;

    private MetabaseDocument(string text, MetabaseCatalog catalog)
        : this(catalog, MetabaseModel.Build(SyntaxTree.Parse(text)))
    {
    }

    /// <summary>Wraps a parse already made (the incremental analyzer's full pass) instead of parsing again.</summary>
    internal MetabaseDocument(MetabaseCatalog catalog, MetabaseModel model)
    {
        Text = model.Tree.Text;
        Catalog = catalog;
        _lines = new Lazy<LineIndex>(() => new LineIndex(Text));
        Tree = model.Tree;
        Model = model;
    }

    // Built on first use: the server maps positions with its own incrementally kept index and never asks.
    private readonly Lazy<LineIndex> _lines;

    public string Text { get; }
    public LineIndex Lines => _lines.Value;
    public SyntaxTree Tree { get; }
    public MetabaseModel Model { get; }
    public MetabaseCatalog Catalog { get; }

    public static MetabaseDocument Create(string? text, MetabaseCatalog catalog) => new(text ?? string.Empty, catalog);

    /// <summary>
    /// True when the text starts (after a BOM, an xml declaration, comments or a doctype) with a
    /// <c>configuration</c> root that contains <c>&lt;MBProperty</c> within the first few KB. Used to claim
    /// files not named MetaBase.xml (iiscnfg exports) without parsing them whole.
    /// </summary>
    public static bool LooksLikeMetabase(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var head = text.AsSpan(0, Math.Min(text.Length, SniffLength));
        int i = 0;
        if (head.Length > 0 && head[0] == '\uFEFF') i = 1;
        while (true)
        {
            while (i < head.Length && char.IsWhiteSpace(head[i])) i++;
            if (i >= head.Length) return false;
            var rest = head[i..];
            if (rest.StartsWith("<?")) i = SkipPast(head, i, "?>");
            else if (rest.StartsWith("<!--")) i = SkipPast(head, i, "-->");
            else if (rest.StartsWith("<!")) i = SkipPast(head, i, ">");
            else break;
            if (i < 0) return false;
        }
        const string root = "<configuration";
        if (!head[i..].StartsWith(root)) return false;
        int after = i + root.Length;
        if (after < head.Length && !(char.IsWhiteSpace(head[after]) || head[after] is '>' or '/')) return false;
        return head[after..].IndexOf("<MBProperty") >= 0;
    }

    /// <summary><see cref="LooksLikeMetabase(string?)"/> on the head of a buffer, without building the whole string.</summary>
    public static bool LooksLikeMetabase(TextBuffer? text) =>
        text != null && LooksLikeMetabase(text.ToString(0, Math.Min(text.Length, SniffLength)));

    private static int SkipPast(ReadOnlySpan<char> text, int start, string terminator)
    {
        int found = text[start..].IndexOf(terminator);
        return found < 0 ? -1 : start + found + terminator.Length;
    }
}

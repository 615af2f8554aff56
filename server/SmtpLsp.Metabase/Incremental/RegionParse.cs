using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// Parses the text between two keys (whitespace, keys, stray text) as it parses in place: inside
/// &lt;configuration&gt;&lt;MBProperty&gt;, followed by the next key's start tag (<see cref="TextKind.SectionBeforeAKey"/>),
/// so a key being typed at its end ends there as it does in place. Null when the text could reach past itself in place
/// or when its parse does: a comment left open, CDATA, a DTD or processing instruction (which can swallow or change what
/// follows), a value that runs past its end, or an end tag that closes MBProperty or configuration early. A comment
/// closed in the text ends at its first "--&gt;" there in place too (a key commented out, or a note between keys).
/// </summary>
internal static class RegionParse
{
    private const string Prefix = "<configuration><MBProperty>";

    /// <summary>The region's top-level elements and its syntax diagnostics, with spans relative to the region.</summary>
    public sealed record Result(SyntaxTree Tree, TextSpan[] Elements, MetabaseDiagnostic[] Diagnostics);

    public static Result? Parse(string region)
    {
        if (!OnlyCommentsDeclared(region) || region.Contains("<?", StringComparison.Ordinal)) return null;
        var tree = SyntaxTree.Parse(Prefix + region, pieceChars: -1, kind: TextKind.SectionBeforeAKey);
        if (tree.QuotedValueRanToEnd || tree.Document.Prolog.Count != 0 || tree.Document.Elements is not [{ Name: "configuration" } root]) return null;
        int end = Prefix.Length + region.Length;
        if (root.Children is not [{ Name: "MBProperty" } section] || section.EndTagSpan != null || root.EndTagSpan != null) return null;
        var diagnostics = new MetabaseDiagnostic[tree.Diagnostics.Count];
        for (int i = 0; i < diagnostics.Length; i++)
        {
            var diagnostic = tree.Diagnostics[i];
            if (diagnostic.Span.Start < Prefix.Length || diagnostic.Span.Start >= end) return null;
            // A comment never closed here runs on past the text in place.
            if (diagnostic.Code == DiagnosticCodes.UnterminatedTag && tree.Text[diagnostic.Span.Start + 1] == '!') return null;
            diagnostics[i] = IncrementalAnalyzer.Move(diagnostic, -Prefix.Length);
        }
        var elements = new TextSpan[section.Children.Count];
        for (int i = 0; i < elements.Length; i++)
        {
            var span = section.Children[i].Span;
            elements[i] = new TextSpan(span.Start - Prefix.Length, span.Length);
        }
        return new Result(tree, elements, diagnostics);
    }

    /// <summary>True when every "&lt;!" in the text starts a comment (read as text: one inside a value counts too).</summary>
    private static bool OnlyCommentsDeclared(string region)
    {
        for (int at = region.IndexOf("<!", StringComparison.Ordinal); at >= 0; at = region.IndexOf("<!", at + 2, StringComparison.Ordinal))
        {
            if (string.CompareOrdinal(region, at, "<!--", 0, 4) != 0) return false;
        }
        return true;
    }
}

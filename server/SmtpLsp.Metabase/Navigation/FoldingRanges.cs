using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

public enum FoldingKind { Region, Comment }

/// <summary>A foldable range: zero-based first and last line, and the text span it covers.</summary>
public sealed record FoldingRegion(int StartLine, int EndLine, TextSpan Span, FoldingKind Kind);

public sealed record FoldingResult(IReadOnlyList<FoldingRegion> Ranges, bool Capped);

/// <summary>Folding for every element and comment that spans more than one line (keys, Custom children, the root).</summary>
public static class FoldingRanges
{
    public const int DefaultMax = 5000;

    public static FoldingResult Compute(SyntaxTree tree, LineIndex? lines = null, int max = DefaultMax) =>
        Compute(tree.DescendantElements().Select(e => e.Span), Comments(tree), lines ?? new LineIndex(tree.Text), max);

    /// <summary>
    /// The same from the spans of every element in pre-order and of every comment in document order; the comments
    /// are read only when the elements leave room under the cap (a token scan of the whole text).
    /// </summary>
    internal static FoldingResult Compute(IEnumerable<TextSpan> elements, IEnumerable<TextSpan> comments, LineIndex lines, int max = DefaultMax)
    {
        var ranges = new List<FoldingRegion>();
        bool capped = false;
        foreach (var element in elements)
        {
            if (!Add(ranges, lines, element, FoldingKind.Region, max)) { capped = true; break; }
        }
        if (!capped)
        {
            foreach (var comment in comments)
            {
                if (!Add(ranges, lines, comment, FoldingKind.Comment, max)) { capped = true; break; }
            }
        }
        ranges.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        return new FoldingResult(ranges, capped);
    }

    internal static IEnumerable<TextSpan> Comments(SyntaxTree tree)
    {
        foreach (var token in tree.Tokens)
        {
            if (token.Kind == SyntaxKind.Comment) yield return new TextSpan(token.Start, token.Length);
        }
    }

    private static bool Add(List<FoldingRegion> ranges, LineIndex lines, TextSpan span, FoldingKind kind, int max)
    {
        int startLine = lines.GetPosition(span.Start).Line;
        int endLine = lines.GetPosition(Math.Max(span.Start, span.End - 1)).Line;
        if (endLine <= startLine) return true;
        if (ranges.Count == max) return false;
        ranges.Add(new FoldingRegion(startLine, endLine, span, kind));
        return true;
    }
}

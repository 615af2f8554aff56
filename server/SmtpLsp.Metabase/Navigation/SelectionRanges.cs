using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>
/// Expand-selection steps at an offset, innermost first, each strictly larger than the one before:
/// value -> attribute -> start tag -> element -> parent element ... -> document.
/// </summary>
public static class SelectionRanges
{
    public static IReadOnlyList<TextSpan> At(SyntaxTree tree, int offset)
    {
        var spans = new List<TextSpan>();
        offset = Math.Clamp(offset, 0, tree.Text.Length);
        var element = tree.FindElementAt(offset);
        if (tree.FindAttributeAt(offset) is { } attribute)
        {
            if (attribute.HasValue && attribute.ValueSpan.ContainsOrTouches(offset)) Add(spans, attribute.ValueSpan);
            else if (attribute.NameSpan.ContainsOrTouches(offset)) Add(spans, attribute.NameSpan);
            Add(spans, attribute.Span);
        }
        for (var current = element; current != null; current = current.Parent)
        {
            if (current == element && current.StartTagSpan.ContainsOrTouches(offset))
            {
                if (current.NameSpan.ContainsOrTouches(offset)) Add(spans, current.NameSpan);
                Add(spans, current.StartTagSpan);
            }
            else if (current == element && current.EndTagSpan is { } end && end.ContainsOrTouches(offset))
            {
                Add(spans, end);
            }
            Add(spans, current.Span);
        }
        Add(spans, new TextSpan(0, tree.Text.Length));
        return spans;
    }

    internal static void Add(List<TextSpan> spans, TextSpan span)
    {
        if (spans.Count == 0) { spans.Add(span); return; }
        var last = spans[^1];
        // Only strictly larger ranges that contain the previous one make a valid chain.
        if (span.Start <= last.Start && span.End >= last.End && span.Length > last.Length) spans.Add(span);
    }
}

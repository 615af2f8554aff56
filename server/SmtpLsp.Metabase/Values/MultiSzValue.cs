using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Values;

/// <summary>One string of a MULTISZ value; <see cref="Span"/> is relative to the raw attribute value.</summary>
public readonly record struct MultiSzItem(string Text, TextSpan Span);

/// <summary>
/// MULTISZ values keep one item per line inside a single attribute value; IIS indents continuation lines with three
/// TABs. Leading spaces and TABs are indentation, not part of the item. An empty raw value has no items; a blank line
/// yields an empty item so analysis can point at it.
/// </summary>
public static class MultiSzValue
{
    public static IReadOnlyList<MultiSzItem> Split(string rawValue)
    {
        var items = new List<MultiSzItem>();
        if (string.IsNullOrEmpty(rawValue)) return items;
        int lineStart = 0;
        while (true)
        {
            int lineEnd = rawValue.IndexOfAny(['\r', '\n'], lineStart);
            int end = lineEnd < 0 ? rawValue.Length : lineEnd;
            int start = lineStart;
            while (start < end && rawValue[start] is ' ' or '\t') start++;
            items.Add(new MultiSzItem(rawValue[start..end], TextSpan.FromBounds(start, end)));
            if (lineEnd < 0) break;
            lineStart = rawValue[lineEnd] == '\r' && lineEnd + 1 < rawValue.Length && rawValue[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
        return items;
    }
}

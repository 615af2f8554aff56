using System.Text;

namespace SmtpLsp.Metabase.Editing;

/// <summary>
/// A unified diff of two versions of a document, for previews (`--dry-run`). Edits are local, so one hunk spanning
/// the first through the last changed line, with three lines of context, is enough and always correct.
/// </summary>
public static class UnifiedDiff
{
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        if (oldText == newText) return string.Empty;
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        int start = Math.Max(0, prefix - context);
        int aEnd = Math.Min(a.Count, a.Count - suffix + context);
        int bEnd = Math.Min(b.Count, b.Count - suffix + context);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');
        sb.Append($"@@ -{Range(start, aEnd)} +{Range(start, bEnd)} @@\n");
        for (int i = start; i < prefix; i++) Line(sb, ' ', a[i]);
        for (int i = prefix; i < a.Count - suffix; i++) Line(sb, '-', a[i]);
        for (int i = prefix; i < b.Count - suffix; i++) Line(sb, '+', b[i]);
        for (int i = a.Count - suffix; i < aEnd; i++) Line(sb, ' ', a[i]);
        return sb.ToString();
    }

    // Unified diff counts lines from 1; an empty range is written "start,0" with start one before.
    private static string Range(int start, int end) => end - start == 0 ? $"{start},0" : $"{start + 1},{end - start}";

    /// <summary>
    /// A line with its own line break, as diff writes it, so `patch` applies the preview to a CRLF file too; a last
    /// line without one is marked as diff marks it. A lone CR cannot end a line of a diff and becomes LF.
    /// </summary>
    private static void Line(StringBuilder sb, char mark, string line)
    {
        sb.Append(mark);
        if (line.EndsWith('\n')) sb.Append(line);
        else if (line.EndsWith('\r')) sb.Append(line.AsSpan(0, line.Length - 1)).Append('\n');
        else sb.Append(line).Append("\n\\ No newline at end of file\n");
    }

    /// <summary>Lines with their line breaks, so a changed line ending counts as a change.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}

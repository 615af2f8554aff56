using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// Comments between keys, as administrators leave notes, and random edits in and around them: text typed inside,
/// line breaks, dashes that close a comment early, a new "&lt;!--" left open, whole comments pasted between keys.
/// </summary>
public static class CommentEdits
{
    private static readonly string[] Typed =
        ["x", " ", "\r\n", "-", "--", "-->", "<!--", ">", "<", "?>", "&", "", "<!-- pasted -->\r\n", "\r\n<!-- another\r\n line -->", "<!---->"];

    /// <summary>
    /// The text with a two-line comment before every <paramref name="every"/>th key line (the first key's among them)
    /// and one before the section's end tag.
    /// </summary>
    public static string WithComments(string text, int every)
    {
        var sb = new System.Text.StringBuilder(text.Length + text.Length / 50);
        int keyLines = 0, copied = 0;
        for (int i = text.IndexOf("\n<I", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n<I", i + 1, StringComparison.Ordinal))
        {
            if (keyLines++ % every != 0) continue;
            sb.Append(text, copied, i + 1 - copied).Append($"<!-- note {keyLines}: left by an administrator\r\n     on two lines -->\r\n");
            copied = i + 1;
        }
        var commented = sb.Append(text, copied, text.Length - copied).ToString();
        int sectionEnd = commented.LastIndexOf("</MBProperty>", StringComparison.Ordinal);
        return sectionEnd < 0 ? commented : commented.Insert(sectionEnd, "<!-- the last key\r\n     ends here -->\r\n");
    }

    /// <summary>
    /// An edit in or around some comment, a comment pasted at the start of some key's line, or an editor's block
    /// comment toggled over a whole key; null when none is found.
    /// </summary>
    public static (string Text, TextSpan Span)? Random(Random random, string text)
    {
        string typed = Typed[random.Next(Typed.Length)];
        int kind = random.Next(10);
        if (kind == 0) return KeyCommentedOut(random, text);
        if (kind == 1) return KeyCommentedBackIn(random, text) ?? KeyCommentedOut(random, text);
        if (kind < 4)
        {
            int line = text.IndexOf("\n<I", random.Next(text.Length), StringComparison.Ordinal);
            if (line < 0) return null;
            return (text.Insert(line + 1, "<!-- pasted\r\n -->\r\n"), new TextSpan(line + 1, 0));
        }
        int open = text.IndexOf("<!--", random.Next(text.Length), StringComparison.Ordinal);
        if (open < 0) return null;
        int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
        int end = close < 0 ? Math.Min(text.Length, open + 20) : close + 3;
        // Mostly strictly inside, sometimes on its delimiters or in the whitespace around it.
        int at = random.Next(4) != 0 && end - 3 > open + 4
            ? open + 4 + random.Next(end - 3 - (open + 4) + 1)
            : Math.Clamp(open - 3 + random.Next(end - open + 7), 0, text.Length);
        int remove = random.Next(3) == 0 ? Math.Min(text.Length - at, 1 + random.Next(3)) : 0;
        return (text.Remove(at, remove).Insert(at, typed), new TextSpan(at, remove));
    }

    /// <summary>Some key, from its '&lt;' to its end tag's '&gt;', wrapped in "&lt;!-- " and " --&gt;" in one change, as editors toggle a block comment.</summary>
    public static (string Text, TextSpan Span)? KeyCommentedOut(Random random, string text)
    {
        int line = text.IndexOf("\n<I", random.Next(text.Length), StringComparison.Ordinal);
        if (line < 0) return null;
        int start = line + 1;
        int nameEnd = text.AsSpan(start + 1).IndexOfAny(" \t\r\n>/");
        if (nameEnd < 0) return null;
        var endTag = $"</{text.Substring(start + 1, nameEnd)}>";
        int end = text.IndexOf(endTag, start, StringComparison.Ordinal);
        if (end < 0) return null;
        end += endTag.Length;
        return (text[..start] + "<!-- " + text[start..end] + " -->" + text[end..], TextSpan.FromBounds(start, end));
    }

    /// <summary>Some key commented out as <see cref="KeyCommentedOut"/> does it, its comment taken off again in one change.</summary>
    public static (string Text, TextSpan Span)? KeyCommentedBackIn(Random random, string text)
    {
        int open = text.IndexOf("<!-- <", random.Next(text.Length), StringComparison.Ordinal);
        if (open < 0) open = text.IndexOf("<!-- <", StringComparison.Ordinal);
        if (open < 0) return null;
        int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
        if (close < 0 || text[close - 1] != ' ') return null;
        return (text[..open] + text[(open + 5)..(close - 1)] + text[(close + 3)..], TextSpan.FromBounds(open, close + 3));
    }
}

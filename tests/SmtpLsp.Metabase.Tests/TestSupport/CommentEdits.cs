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

    /// <summary>An edit in or around some comment, or a comment pasted at the start of some key's line; null when neither is found.</summary>
    public static (string Text, TextSpan Span)? Random(Random random, string text)
    {
        string typed = Typed[random.Next(Typed.Length)];
        if (random.Next(5) == 0)
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
}

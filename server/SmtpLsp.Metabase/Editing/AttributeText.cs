using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Editing;

/// <summary>How IIS writes a value inside a double-quoted attribute.</summary>
public static class AttributeText
{
    /// <summary>
    /// Escapes the three characters IIS escapes (&amp; &lt; &quot;); with a single-quoted attribute the
    /// apostrophe too. Line breaks and TABs stay literal: MULTISZ items live on separate lines.
    /// </summary>
    public static string Escape(string value, char quote = '"')
    {
        if (value.AsSpan().IndexOfAny("&<\"'") < 0) return value;
        var sb = new System.Text.StringBuilder(value.Length + 16);
        foreach (char c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '"' when quote != '\'': sb.Append("&quot;"); break;
                case '\'' when quote == '\'': sb.Append("&apos;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The line break a document mostly uses: its first one, or CRLF (IIS's own) when it has none.</summary>
    public static string DetectNewLine(string text)
    {
        int n = text.IndexOf('\n');
        if (n < 0) return text.Contains('\r') ? "\r" : "\r\n";
        return n > 0 && text[n - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The same on a text held in chunks (a version reached by keystrokes, never joined into one string).</summary>
    public static string DetectNewLine(TextBuffer text)
    {
        bool sawCr = false;
        char before = '\0';
        foreach (var chunk in text.GetChunks(0, text.Length))
        {
            var span = chunk.Span;
            int n = span.IndexOf('\n');
            if (n >= 0) return (n > 0 ? span[n - 1] : before) == '\r' ? "\r\n" : "\n";
            sawCr |= span.Contains('\r');
            if (span.Length > 0) before = span[^1];
        }
        return sawCr ? "\r" : "\r\n";
    }

    /// <summary>The line break nearest after an offset (or the document's), so an insert matches its neighbours.</summary>
    public static string NewLineNear(string text, int offset)
    {
        int n = text.IndexOfAny(['\r', '\n'], Math.Clamp(offset, 0, text.Length));
        if (n < 0) return DetectNewLine(text);
        if (text[n] == '\r') return n + 1 < text.Length && text[n + 1] == '\n' ? "\r\n" : "\r";
        return "\n";
    }
}

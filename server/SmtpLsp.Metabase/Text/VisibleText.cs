using System.Text;

namespace SmtpLsp.Metabase.Text;

/// <summary>
/// Text from a file made safe to print in a message or on a terminal: a control character (C0, DEL, C1) or a
/// bidirectional override, printed as itself, could clear a line, set a terminal's title or reorder what is shown.
/// </summary>
public static class VisibleText
{
    public static bool IsHidden(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>Each hidden character as &lt;U+XXXX&gt; (so "U+000D" written in the text stays apart); the text itself when it has none, as nearly every text has.</summary>
    public static string Of(string text)
    {
        int first = 0;
        while (first < text.Length && !IsHidden(text[first])) first++;
        if (first == text.Length) return text;
        var sb = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            if (IsHidden(text[i])) sb.Append("<U+").Append(((int)text[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('>');
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }
}

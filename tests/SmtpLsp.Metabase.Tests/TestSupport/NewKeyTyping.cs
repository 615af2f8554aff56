using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// A new key typed by hand between two keys, one character at a time (a line break as one change, as editors send
/// it): Enter at the end of a key's end tag, then on that new line the start tag with its attributes, a value left
/// open for a while, the '>' and the end tag.
/// </summary>
public static class NewKeyTyping
{
    private static readonly string[] Keys =
    [
        "<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/typed\"\r\n\t\tAccessFlags=\"AccessRead | AccessScript\"\r\n\t\tPath=\"C:\\web\"\r\n\t>\r\n</IIsWebVirtualDir>\r\n",
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/typed.example\"\r\n\t\tRouteAction=\"2\"\r\n\t>\r\n</IIsSmtpDomain>\r\n",
        "<IIsWebDirectory Location=\"/LM/W3SVC/1/ROOT/images\" AuthFlags=\"AuthNTLM\" DirBrowseFlags=\"bad\"/>\r\n",
        "<IIsWebServer\tLocation =\"/LM/W3SVC/1\"\r\n\t\tServerBindings=\"10.0.0.1:80:\r\n\t\t\t:443:\"\r\n\t>\r\n</IIsWebServer>\r\n",
        "<IIsBogus Location=\"/LM/W3SVC/1/ROOT/x\r\n\tAccessFlags=\"AccessRead\">\r\n</IIsBogus>\r\n",
        // Exchange detection judges servers: one beside the others, its hints made with its slot.
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/2\"\r\n\t\tMaxMessageSize=\"0\"\r\n\t\tServerComment=\"Typed\"\r\n\t>\r\n</IIsSmtpServer>\r\n",
    ];

    /// <summary>
    /// The versions of <paramref name="text"/> as a key is typed at the start of a line right after some key's end
    /// tag, each with the span of the previous version it replaced; empty when the text has no such line.
    /// </summary>
    public static List<(string Text, TextSpan Span)> Keystrokes(Random random, string text)
    {
        var versions = new List<(string, TextSpan)>();
        int endTag = text.IndexOf("</", random.Next(text.Length), StringComparison.Ordinal);
        int lineEnd = endTag < 0 ? -1 : text.IndexOf("\r\n", endTag, StringComparison.Ordinal);
        if (lineEnd < 0 || !text.AsSpan(endTag).StartsWith("</I")) return versions;
        text = text.Insert(lineEnd, "\r\n");
        versions.Add((text, new TextSpan(lineEnd, 0)));
        int at = lineEnd + 2;
        var key = Keys[random.Next(Keys.Length)].TrimEnd('\r', '\n');
        for (int i = 0; i < key.Length; i++)
        {
            int length = key[i] == '\r' && i + 1 < key.Length && key[i + 1] == '\n' ? 2 : 1;
            text = text.Insert(at, key.Substring(i, length));
            versions.Add((text, new TextSpan(at, 0)));
            at += length;
            i += length - 1;
        }
        return versions;
    }
}

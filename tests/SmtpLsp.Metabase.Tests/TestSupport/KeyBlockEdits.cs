using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// Whole keys pasted and deleted between keys, as an administrator copies a virtual directory or removes a domain: a
/// key's lines (start tag to end tag and line break) copied before another key's line, with its Location kept, given a
/// level more or moved to another key's path, or removed.
/// </summary>
public static class KeyBlockEdits
{
    /// <summary>A paste or a deletion of some key's lines, or null when no whole key is found.</summary>
    public static (string Text, TextSpan Span)? Random(Random random, string text)
    {
        if (KeyLines(random, text) is not var (start, end)) return null;
        if (random.Next(3) == 0) return (text.Remove(start, end - start), new TextSpan(start, end - start));
        var block = text[start..end];
        block = random.Next(3) switch
        {
            0 => block,
            1 => ReplaceFirstLocation(block, location => location + "/copy"),
            _ => OtherLocation(random, text) is { } other ? ReplaceFirstLocation(block, _ => other) : block,
        };
        if (KeyLines(random, text) is not var (at, _)) return null;
        return (text.Insert(at, block), new TextSpan(at, 0));
    }

    /// <summary>Where some key's lines start (its '&lt;' at the start of a line) and end (after its end tag's line break).</summary>
    private static (int Start, int End)? KeyLines(Random random, string text)
    {
        int line = text.IndexOf("\n<I", random.Next(text.Length), StringComparison.Ordinal);
        if (line < 0) return null;
        int start = line + 1;
        int nameEnd = text.AsSpan(start + 1).IndexOfAny(" \t\r\n>/");
        if (nameEnd <= 0) return null;
        var name = text.Substring(start + 1, nameEnd);
        int tagEnd = text.IndexOf('>', start);
        if (tagEnd < 0) return null;
        int close = text[tagEnd - 1] == '/' ? tagEnd + 1 : text.IndexOf("</" + name + ">", tagEnd, StringComparison.Ordinal);
        if (close < 0) return null;
        if (text[tagEnd - 1] != '/') close += name.Length + 3;
        int lineEnd = text.IndexOf('\n', close);
        return lineEnd < 0 ? null : (start, lineEnd + 1);
    }

    private static string ReplaceFirstLocation(string block, Func<string, string> change)
    {
        const string Marker = "Location =\"";
        int at = block.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return block;
        at += Marker.Length;
        int end = block.IndexOf('"', at);
        return end < 0 ? block : block[..at] + change(block[at..end]) + block[end..];
    }

    private static string? OtherLocation(Random random, string text)
    {
        const string Marker = "Location =\"";
        int at = text.IndexOf(Marker, random.Next(text.Length), StringComparison.Ordinal);
        if (at < 0) return null;
        at += Marker.Length;
        int end = text.IndexOf('"', at);
        return end < 0 ? null : text[at..end];
    }
}

using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// Random edits of what the cross-key rules read (Location values, key types, Location attributes) and of Custom
/// elements, for the tests that compare what an edited version gives with a whole parse.
/// </summary>
public static class LocationEdits
{
    /// <summary>
    /// An edit inside some key's Location value: another key's path, that path with a level more, case, a trailing
    /// slash, the parent's path, a keystroke at the end, emptied, one character removed. Null when the text has none.
    /// </summary>
    public static (string Text, TextSpan Span)? Random(Random random, string text)
    {
        const string Marker = "Location =\"";
        var starts = new List<int>();
        for (int i = text.IndexOf(Marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Marker, i + 1, StringComparison.Ordinal))
            starts.Add(i + Marker.Length);
        if (starts.Count == 0) return null;
        int start = starts[random.Next(starts.Count)];
        int end = text.IndexOf('"', start);
        if (end < 0) return null;
        var value = text[start..end];
        var other = starts[random.Next(starts.Count)] is int o && text.IndexOf('"', o) is int e && e > o ? text[o..e] : "/LM";
        string replacement = random.Next(8) switch
        {
            0 => other,
            1 => other + "/x",
            2 => value.ToUpperInvariant(),
            3 => value + "/",
            4 => value.LastIndexOf('/') > 0 ? value[..value.LastIndexOf('/')] : "/",
            5 => value + "0",
            6 => "",
            _ => value.Length > 0 ? value.Remove(random.Next(value.Length), 1) : "/",
        };
        return (text.Remove(start, value.Length).Insert(start, replacement), new TextSpan(start, value.Length));
    }

    private static readonly string[] KeyTypes = ["IIsWebDirectory", "IIsWebVirtualDir", "IIsSmtpDomain", "IIsSmtpServer", "IIsBogusType"];

    private const string CustomElement = "\t<Custom Name=\"ExchangeThing\" ID=\"45000\" Value=\"1\" Type=\"DWORD\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\r\n";

    /// <summary>
    /// One edit of a key's shape: its type renamed in both tags at once (as a replace or linked editing does), a
    /// Custom element added after its start tag or its first one removed, or its Location attribute misspelt. Null
    /// when no key is found.
    /// </summary>
    public static (string Text, TextSpan Span)? RandomKeyShape(Random random, string text)
    {
        int line = text.IndexOf("\n<", random.Next(text.Length), StringComparison.Ordinal);
        if (line < 0 || line + 2 >= text.Length || !char.IsLetter(text[line + 2])) return null;
        int nameStart = line + 2;
        int nameEnd = text.AsSpan(nameStart).IndexOfAny(" \t\r\n>/");
        if (nameEnd <= 0) return null;
        nameEnd += nameStart;
        var name = text[nameStart..nameEnd];
        int endTag = text.IndexOf("</" + name + ">", nameEnd, StringComparison.Ordinal);
        int tagClose = text.IndexOf('>', nameEnd);
        if (endTag < 0 || tagClose < 0 || tagClose > endTag) return null;
        switch (random.Next(4))
        {
            case 0:
                var type = KeyTypes[random.Next(KeyTypes.Length)];
                var renamed = text[..nameStart] + type + text[nameEnd..(endTag + 2)] + type + text[(endTag + 2 + name.Length)..];
                return (renamed, TextSpan.FromBounds(nameStart, endTag + 2 + name.Length));
            case 1:
                int after = text.IndexOf('\n', tagClose) + 1;
                if (after <= 0 || after > endTag) return null;
                return (text.Insert(after, CustomElement), new TextSpan(after, 0));
            case 2:
                int custom = text.IndexOf("<Custom", tagClose, StringComparison.Ordinal);
                int customEnd = custom < 0 ? -1 : text.IndexOf("/>", custom, StringComparison.Ordinal);
                if (custom < 0 || customEnd < 0 || customEnd > endTag) return null;
                return (text.Remove(custom, customEnd + 2 - custom), new TextSpan(custom, customEnd + 2 - custom));
            default:
                int location = text.IndexOf("Location =", nameEnd, StringComparison.Ordinal);
                if (location < 0 || location > tagClose) return null;
                return (text.Remove(location, "Location".Length).Insert(location, "Locatoin"), new TextSpan(location, "Location".Length));
        }
    }
}

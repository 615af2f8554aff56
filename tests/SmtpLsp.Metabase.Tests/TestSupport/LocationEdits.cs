using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>Random edits of Location values, for the tests that compare what an edited version gives with a whole parse.</summary>
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
}

using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>Keystrokes in attribute values at random places, as a user types beside a feature.</summary>
public static class ValueKeystrokes
{
    /// <summary>
    /// One of <paramref name="typed"/> (or nothing) typed near the start of some value, sometimes over the character
    /// there: the new text and the span it replaced.
    /// </summary>
    public static (string Text, TextSpan Span) Random(Random random, string text, params string[] typed)
    {
        int quote = text.IndexOf("=\"", random.Next(text.Length), StringComparison.Ordinal);
        int at = quote < 0 ? text.Length / 2 : quote + 2 + random.Next(3);
        int remove = random.Next(3) == 0 && text[at] != '"' ? 1 : 0;
        int pick = random.Next(typed.Length + 1);
        string insert = pick < typed.Length ? typed[pick] : "";
        return (text.Remove(at, remove).Insert(at, insert), new TextSpan(at, remove));
    }
}

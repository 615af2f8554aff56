using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>The edits a user makes while a feature answers from the keys now: what the while-typing differential tests replay.</summary>
public static class TypingEdits
{
    /// <summary>
    /// One of <paramref name="kinds"/> equally likely kinds: a Location renamed, a key reshaped, a key pasted or
    /// deleted, and (the rest) one of <paramref name="typed"/> typed into a value. The new text and the span replaced.
    /// </summary>
    public static (string Text, TextSpan Span) Random(Random random, string text, int kinds, params string[] typed)
    {
        int kind = random.Next(kinds);
        return kind == 0 && LocationEdits.Random(random, text) is { } renamed ? renamed
            : kind == 1 && LocationEdits.RandomKeyShape(random, text) is { } reshaped ? reshaped
            : kind == 2 && KeyBlockEdits.Random(random, text) is { } block ? block
            : ValueKeystrokes.Random(random, text, typed);
    }
}

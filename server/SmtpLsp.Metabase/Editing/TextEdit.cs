using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Editing;

/// <summary>Replace the text in <see cref="Span"/> with <see cref="NewText"/> (an empty span inserts).</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Replace(TextSpan span, string newText) => new(span, newText);

    public static TextEdit Insert(int offset, string newText) => new(new TextSpan(offset, 0), newText);

    /// <summary>
    /// Applies non-overlapping edits (any order) to a text. Overlapping edits are a caller bug and throw, so a
    /// broken edit list can never silently write a mangled file.
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length).ToList();
        var sb = new System.Text.StringBuilder(text.Length);
        int position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Span.Start < position || edit.Span.End > text.Length)
                throw new ArgumentException($"edit {edit.Span} overlaps another edit or lies outside the text");
            sb.Append(text, position, edit.Span.Start - position);
            sb.Append(edit.NewText);
            position = edit.Span.End;
        }
        sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }
}

namespace SmtpLsp.Metabase.Text;

/// <summary>
/// Folds a sequence of replacements, each a range of the text the previous ones left, into the one range of the
/// original text they replaced together: outside it the text is unchanged (after it, moved by the length change),
/// so an incremental consumer can treat several edits as one.
/// </summary>
public struct ChangedRange
{
    private int _start, _originalEnd, _currentEnd;

    public readonly bool IsEmpty => !Any;

    private bool Any { readonly get; set; }

    /// <summary>The replaced range of the original text (empty at 0 when nothing was added).</summary>
    public readonly TextSpan Original => TextSpan.FromBounds(_start, _originalEnd);

    /// <param name="replaced">A range of the current text, after the replacements added before.</param>
    /// <param name="insertedLength">How many characters replaced it.</param>
    public void Add(TextSpan replaced, int insertedLength)
    {
        if (replaced.Length == 0 && insertedLength == 0) return; // changes nothing
        if (!Any)
        {
            (_start, _originalEnd, _currentEnd, Any) = (replaced.Start, replaced.End, replaced.Start + insertedLength, true);
            return;
        }
        // Before the covered range current and original offsets are equal; past it they differ by a constant.
        int end = Math.Max(_currentEnd, replaced.End);
        _originalEnd += end - _currentEnd;
        _currentEnd = end - replaced.Length + insertedLength;
        _start = Math.Min(_start, replaced.Start);
    }
}

namespace SmtpLsp.Metabase.Text;

/// <summary>A zero-based line and UTF-16 character, as LSP counts them.</summary>
public readonly record struct LinePosition(int Line, int Character);

/// <summary>
/// Maps offsets to (line, character) and back. Lines end at "\r\n", "\n" or a lone "\r", as in LSP.
/// Built once per text version in O(n); each lookup is a binary search.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int[] _contentEnds; // where each line's text stops, before its line break
    private readonly int _length;

    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        var ends = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\r' && c != '\n') continue;
            ends.Add(i);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts.Add(i + 1);
        }
        ends.Add(text.Length);
        _lineStarts = starts.ToArray();
        _contentEnds = ends.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;

    public int TextLength => _length;

    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Offset to position; offsets outside the text are clamped.</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// Position to offset. A character past the end of its line is clamped to the line's end (before the line
    /// break), and a line past the end to the end of the text, as LSP asks of servers.
    /// </summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[position.Line];
        return start + Math.Clamp(position.Character, 0, _contentEnds[position.Line] - start);
    }
}

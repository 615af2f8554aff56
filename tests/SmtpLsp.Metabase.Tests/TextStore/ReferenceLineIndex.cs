using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.TextStore;

/// <summary>The simple line index (a scalar scan into one array), kept as the oracle for the blocked one.</summary>
internal sealed class ReferenceLineIndex
{
    private readonly int[] _lineStarts;
    private readonly int[] _contentEnds;
    private readonly int _length;

    public ReferenceLineIndex(string text)
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

    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[position.Line];
        return start + Math.Clamp(position.Character, 0, _contentEnds[position.Line] - start);
    }

    /// <summary>Throws, naming the first difference, unless <paramref name="actual"/> answers every question the same way.</summary>
    public void AssertSameAs(LineIndex actual, Random random, string context)
    {
        if (actual.LineCount != LineCount) throw new Exception($"{context}: {actual.LineCount} lines, expected {LineCount}");
        if (actual.TextLength != _length) throw new Exception($"{context}: length {actual.TextLength}, expected {_length}");
        for (int line = -1; line <= LineCount; line++)
        {
            if (actual.GetLineStart(line) != GetLineStart(line))
                throw new Exception($"{context}: line {line} starts at {actual.GetLineStart(line)}, expected {GetLineStart(line)}");
            var end = new LinePosition(line, int.MaxValue);
            if (actual.GetOffset(end) != GetOffset(end))
                throw new Exception($"{context}: end of line {line} is {actual.GetOffset(end)}, expected {GetOffset(end)}");
        }
        for (int i = 0; i < 300; i++)
        {
            int offset = random.Next(-2, _length + 3);
            if (actual.GetPosition(offset) != GetPosition(offset))
                throw new Exception($"{context}: offset {offset} is {actual.GetPosition(offset)}, expected {GetPosition(offset)}");
            var position = new LinePosition(random.Next(-1, LineCount + 2), random.Next(-1, 40));
            if (actual.GetOffset(position) != GetOffset(position))
                throw new Exception($"{context}: {position} is {actual.GetOffset(position)}, expected {GetOffset(position)}");
        }
    }
}

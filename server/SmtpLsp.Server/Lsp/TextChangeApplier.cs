using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Applies <c>didChange</c> content changes one after another, re-indexing lines after each, as LSP requires.
/// Positions outside the text are clamped and reported, never thrown on.
/// </summary>
public static class TextChangeApplier
{
    public static DocumentSnapshot Apply(
        DocumentSnapshot document, IReadOnlyList<TextDocumentContentChangeEvent> changes, int version, List<string> problems)
    {
        string text = document.Text;
        var lines = document.Lines;
        TextSpan? changed = null;
        foreach (var change in changes)
        {
            string inserted = change.Text ?? "";
            if (change.Range is not { } range)
            {
                text = inserted;
            }
            else
            {
                int start = ToOffset(lines, range.Start, problems);
                int end = ToOffset(lines, range.End, problems);
                if (end < start)
                {
                    problems.Add($"range end {Describe(range.End)} is before its start {Describe(range.Start)}; swapped");
                    (start, end) = (end, start);
                }
                text = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(end));
                changed = TextSpan.FromBounds(start, end);
            }
            lines = new LineIndex(text);
        }
        // One ranged change is what a keystroke sends: the core can then re-analyse just the key it touched.
        bool single = changes.Count == 1 && changes[0].Range is not null;
        return document with
        {
            Version = version,
            Text = text,
            Lines = lines,
            BaseVersion = single ? document.Version : null,
            ChangedSpan = single ? changed : null,
        };
    }

    private static int ToOffset(LineIndex lines, Position position, List<string> problems)
    {
        int offset = lines.GetOffset(new LinePosition(position.Line, position.Character));
        bool exact = position.Line >= 0 && position.Line < lines.LineCount && position.Character >= 0
                     && offset == lines.GetLineStart(position.Line) + position.Character;
        if (!exact) problems.Add($"position {Describe(position)} is outside the document; clamped");
        return offset;
    }

    private static string Describe(Position p) => $"{p.Line}:{p.Character}";
}

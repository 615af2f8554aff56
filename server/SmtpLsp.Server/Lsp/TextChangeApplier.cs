using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Applies <c>didChange</c> content changes one after another, each against the text the previous ones left, as
/// LSP requires. Ranged changes edit the text buffer and the line index in place of rebuilding them, so a keystroke
/// costs about a chunk, not a copy of the document. Positions outside the text are clamped and reported, never thrown on.
/// </summary>
public static class TextChangeApplier
{
    public static DocumentSnapshot Apply(
        DocumentSnapshot document, IReadOnlyList<TextDocumentContentChangeEvent> changes, int version, List<string> problems)
    {
        var buffer = document.Buffer;
        var lines = document.Lines;
        var covered = new ChangedRange();
        bool replacedWhole = false;
        foreach (var change in changes)
        {
            string inserted = change.Text ?? "";
            if (change.Range is not { } range)
            {
                buffer = TextBuffer.From(inserted);
                lines = new LineIndex(buffer);
                replacedWhole = true;
                continue;
            }
            int start = ToOffset(lines, range.Start, problems);
            int end = ToOffset(lines, range.End, problems);
            if (end < start)
            {
                problems.Add($"range end {Describe(range.End)} is before its start {Describe(range.Start)}; swapped");
                (start, end) = (end, start);
            }
            var replaced = TextSpan.FromBounds(start, end);
            buffer = buffer.Replace(start, replaced.Length, inserted);
            lines = lines.WithChange(replaced, buffer);
            covered.Add(replaced, inserted.Length);
        }
        // The span lets the core re-analyse just the key it touched; after a whole-text replacement it finds the
        // change itself by comparing the two texts. No changes at all still link the versions (a no-op edit).
        DocumentEdit? edit = replacedWhole ? null
            : DocumentEdit.After(document.LastEdit, document.Version, covered.Original, buffer.Length - document.Length + covered.Original.Length);
        return document with { Version = version, Buffer = buffer, Lines = lines, LastEdit = edit };
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

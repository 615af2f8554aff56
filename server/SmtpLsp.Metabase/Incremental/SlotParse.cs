using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// Parses a slot's text alone as it parses in place, where the next key's start tag follows it: a key whose start tag
/// is not closed yet (one being typed: <c>&lt;IIsSmtpDomain Location="/LM/SmtpSvc/1/Domain/ne</c>) ends at the next
/// '&lt;'; one whose start tag is closed but whose end tag is not typed yet ends before the next key (never closed);
/// a value left open ends at the line that starts with that '&lt;'. Alone, the parser reads the text's end as that
/// start tag (<see cref="TextKind.KeysBeforeAKey"/>). A value whose search for its end runs past the text would run on
/// into the next key in place: such a slot does not parse alone (<see cref="SyntaxTree.QuotedValueRanToEnd"/>).
/// </summary>
internal static class SlotParse
{
    public static SyntaxTree Parse(string slotText) => SyntaxTree.Parse(slotText, pieceChars: -1, kind: TextKind.KeysBeforeAKey);

    /// <summary>True when the tree is one element whose start tag is not closed and that has no end tag.</summary>
    public static bool IsOpen(SyntaxTree tree) =>
        tree.Document.Elements is [var only] && !only.IsStartTagClosed && only.EndTagSpan == null;

    /// <summary>True when the tree is one element whose start tag is closed and that ends without an end tag.</summary>
    public static bool IsNeverClosed(SyntaxTree tree) =>
        tree.Document.Elements is [var only] && only.IsStartTagClosed && !only.IsSelfClosing && only.EndTagSpan == null;

    /// <summary>
    /// True when the text at <paramref name="offset"/> ends a key left open there the way a slot parsed alone ends: a
    /// start tag other than Custom (the next key's), or the section's end tag.
    /// </summary>
    public static bool EndsAnOpenKeyAt(TextBuffer text, int offset) => IsKeyStartAt(text, offset) || IsSectionEndAt(text, offset);

    /// <summary>
    /// Where the section's end tag is at or after <paramref name="from"/> (starting within <paramref name="maxChars"/>
    /// of it), or -1.
    /// </summary>
    public static int SectionEndAfter(TextBuffer text, int from, int maxChars = int.MaxValue)
    {
        int at = text.ToString(from, (int)Math.Min(text.Length - from, (long)maxChars + SectionEnd.Length)).IndexOf(SectionEnd, StringComparison.Ordinal);
        return at < 0 || !IsSectionEndAt(text, from + at) ? -1 : from + at;
    }

    private const string SectionEnd = "</MBProperty";

    private static bool IsSectionEndAt(TextBuffer text, int offset)
    {
        int after = offset + SectionEnd.Length;
        if (after > text.Length) return false;
        for (int i = 0; i < SectionEnd.Length; i++)
        {
            if (text[offset + i] != SectionEnd[i]) return false;
        }
        return after == text.Length || !Parser.IsNameChar(text[after]);
    }

    /// <summary>True when the text at <paramref name="offset"/> starts an element other than Custom.</summary>
    private static bool IsKeyStartAt(TextBuffer text, int offset)
    {
        if (offset + 1 >= text.Length || text[offset] != '<' || !Parser.IsNameStart(text[offset + 1])) return false;
        const string Custom = "Custom";
        for (int i = 0; i < Custom.Length; i++)
        {
            if (offset + 1 + i >= text.Length || text[offset + 1 + i] != Custom[i]) return true;
        }
        int after = offset + 1 + Custom.Length;
        return after < text.Length && Parser.IsNameChar(text[after]);
    }
}

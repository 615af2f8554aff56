using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// Parses a slot's text alone as it parses in place. A key whose start tag is not closed yet (one being typed:
/// <c>&lt;IIsSmtpDomain Location="/LM/SmtpSvc/1/Domain/ne</c>) ends in place at the next '&lt;', the next key's or
/// MBProperty's end tag, and a value left open there ends at the line that starts with it. Alone, the text would end
/// instead, so that '&lt;' is added after it: the tree's text is then one character longer than the slot, and the
/// one diagnostic the '&lt;' draws lies past the slot (<see cref="IsPastSlot"/>). A value whose search for its end
/// runs past that '&lt;' (its next line does not start like tag content) would run on into the next key in place:
/// such a slot does not parse alone (<see cref="SyntaxTree.QuotedValueRanToEnd"/>).
/// </summary>
internal static class SlotParse
{
    public static SyntaxTree Parse(string slotText)
    {
        var tree = SyntaxTree.Parse(slotText);
        return IsOpen(tree) ? SyntaxTree.Parse(slotText + "<") : tree;
    }

    /// <summary>True when the tree is one element whose start tag is not closed and that has no end tag.</summary>
    public static bool IsOpen(SyntaxTree tree) =>
        tree.Document.Elements is [var only] && !only.IsStartTagClosed && only.EndTagSpan == null;

    /// <summary>True for the diagnostic of the '&lt;' <see cref="Parse"/> added after a slot of this length.</summary>
    public static bool IsPastSlot(MetabaseDiagnostic diagnostic, SyntaxTree tree, int slotLength) =>
        tree.Text.Length > slotLength && diagnostic.Span.Start >= slotLength;
}

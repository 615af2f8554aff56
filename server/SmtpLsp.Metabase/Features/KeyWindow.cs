using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>
/// Hover and completion inside one key element, answered from that element alone. After an incremental update the
/// whole document's parse for the new version is built only when a feature needs it (about 0.2 s on 50 MB), and an
/// editor asks for completion as the user types. The offset's key is one of the state's clean slots, whose text parses
/// the same on its own: wrapped as the only key of a configuration, it gives the services the same element,
/// attributes, key and catalog facts as the whole document, and spans move back by the window's offset. What needs
/// other keys (the hover on a key's name lists its parent, children and inherited values) is left to the whole document.
/// </summary>
public sealed class KeyWindow
{
    private const string Prefix = "<configuration>\n<MBProperty>\n";
    private const string Suffix = "\n</MBProperty>\n</configuration>\n";

    private readonly MetabaseDocument _document;
    // A document offset minus this is the same place in the window.
    private readonly int _shift;

    private KeyWindow(MetabaseDocument document, int shift)
    {
        _document = document;
        _shift = shift;
    }

    /// <summary>The window on the clean key element strictly around <paramref name="offset"/> (the full pass's slot), or null.</summary>
    public static KeyWindow? At(IncrementalState state, int offset)
    {
        int index = state.Slots.Find(offset);
        if (index < 0) return null;
        var slot = state.Slots[index];
        // Strictly inside, as for an incremental update: at its '<' or past its '>' what surrounds the element matters.
        if (!slot.Clean || offset <= slot.Start || offset >= slot.End) return null;
        var text = Prefix + state.Buffer.ToString(slot.Start, slot.Length) + Suffix;
        return new KeyWindow(MetabaseDocument.Create(text, state.Catalog), slot.Start - Prefix.Length);
    }

    /// <summary>False when only the whole document can answer (on a key's name); otherwise the hover, null for none.</summary>
    public bool TryHover(int offset, bool markdown, out HoverResult? hover)
    {
        hover = null;
        int at = offset - _shift;
        if (OnKeyName(at)) return false;
        if (HoverService.GetHover(_document, at, markdown) is { } found) hover = found with { Span = Move(found.Span) };
        return true;
    }

    /// <summary>False when only the whole document can answer (on a key's name: the key above ranks the types).</summary>
    public bool TryComplete(int offset, CompletionOptions options, out CompletionResult? completion)
    {
        completion = null;
        int at = offset - _shift;
        if (OnKeyName(at)) return false;
        var result = CompletionService.GetCompletions(_document, at, options);
        completion = result with { ReplaceSpan = Move(result.ReplaceSpan) };
        return true;
    }

    private bool OnKeyName(int at) =>
        _document.Tree.FindElementAt(at) is { } element && element.Name != "Custom" && element.NameSpan.ContainsOrTouches(at);

    private TextSpan Move(TextSpan span) => new(span.Start + _shift, span.Length);
}

using System.Diagnostics.CodeAnalysis;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>
/// Hover, completion, inlay hints and code actions inside key elements, answered from those elements alone. After an
/// incremental update the whole document's parse for the new version is built only when a feature needs it (about
/// 0.2 s on 50 MB), and an editor asks for completion, the visible inlay hints and the code actions at the cursor as
/// the user types. The keys asked about are the state's slots whose text parses alone as in place
/// (<see cref="KeySlot.ParsesAlone"/>): wrapped as the only keys of a configuration, they give the services the same
/// elements, attributes, keys and catalog facts as the whole document, and offsets move back by the window's start.
/// What needs other keys is left to the caller: the hover on a key's name lists its parent, children and inherited
/// values (<see cref="HoverService.TryKeyName"/> reads them from the keys now). A key type's completion is ranked by
/// the key above, which the window at an offset holds when only whitespace separates the two, or when the offset lies
/// between the two keys (a key's '&lt;' just typed).
/// </summary>
public sealed class KeyWindow
{
    private const string Prefix = "<configuration>\n<MBProperty>\n";
    // No line break before the end tag: a key being typed (its start tag open) ends at the next '<' in place, and so
    // must it here, with a value left open ending at the same line.
    private const string Suffix = "</MBProperty>\n</configuration>\n";
    // A range over more keys than a few screenfuls is left to the whole document.
    private const int MaxSlots = 256;
    private const int MaxCharsBetweenKeys = 64 * 1024;

    private readonly MetabaseDocument _document;
    // A document offset minus this is the same place in the window.
    private readonly int _shift;
    // The window holds the key above the one asked about, which ranks a key type's completion.
    private readonly bool _withKeyAbove;

    private KeyWindow(MetabaseDocument document, int shift, bool withKeyAbove)
    {
        _document = document;
        _shift = shift;
        _withKeyAbove = withKeyAbove;
    }

    /// <summary>
    /// The window on the key element strictly around <paramref name="offset"/> (a slot that parses alone), or between
    /// two keys (<see cref="BetweenKeys"/>); null otherwise.
    /// </summary>
    public static KeyWindow? At(IncrementalState state, int offset)
    {
        int index = state.Slots.Find(offset);
        if (index < 0) return BetweenKeys(state, offset);
        var slot = state.Slots[index];
        // Strictly inside, as for an incremental update: at its '<' or past its '>' what surrounds the element matters.
        if (!slot.ParsesAlone || offset <= slot.Start || offset >= slot.End) return null;
        // The key above too when only whitespace lies between: completing a key's type (a key being typed) asks for it.
        if (index > 0 && state.Slots[index - 1] is { ParsesAlone: true } above
            && state.Buffer.ToString(above.End, slot.Start - above.End).AsSpan().IsWhiteSpace())
            return Wrap(state, above.Start, slot.End, withKeyAbove: true);
        return Wrap(state, slot.Start, slot.End);
    }

    /// <summary>
    /// The window between two keys, where a key's '&lt;' has just been typed: the key above (which ranks the key types
    /// offered) and the text up to the next key, when that text parses there as in place (see <see cref="RegionParse"/>)
    /// and the key above ends with its own '&gt;'.
    /// </summary>
    private static KeyWindow? BetweenKeys(IncrementalState state, int offset)
    {
        var slots = state.Slots;
        int above = slots.LastStartingAtOrBefore(offset);
        if (above < 0 || above + 1 >= slots.Count) return null;
        var first = slots[above];
        var next = slots[above + 1];
        if (!first.ParsesAlone || state.Buffer[first.End - 1] != '>' || offset <= first.End || offset >= next.Start) return null;
        // A few lines typed between keys, not a stretch of stray text parsed again at every request.
        if (next.Start - first.End > MaxCharsBetweenKeys) return null;
        if (RegionParse.Parse(state.Buffer.ToString(first.End, next.Start - first.End)) == null) return null;
        return Wrap(state, first.Start, next.Start, withKeyAbove: true);
    }

    /// <summary>
    /// The window over the keys <paramref name="range"/> touches (an editor's visible lines; what lies outside the
    /// keys, such as the prolog, holds no key), or null when one of them does not parse alone, anything but whitespace
    /// separates them, or the range holds no key or too many.
    /// </summary>
    public static KeyWindow? Over(IncrementalState state, TextSpan range)
    {
        var slots = state.Slots;
        int before = slots.LastStartingAtOrBefore(range.Start);
        int first = before >= 0 && range.Start < slots[before].End ? before : before + 1;
        int last = slots.LastStartingAtOrBefore(Math.Max(range.Start, range.End - 1));
        if (first >= slots.Count || last < first || last - first >= MaxSlots) return null;
        int end = slots[first].Start;
        for (int i = first; i <= last; i++)
        {
            var slot = slots[i];
            // Whitespace between keys, as IIS writes them: anything else (a comment, a section boundary) might not
            // parse the same between the window's own tags.
            if (!slot.ParsesAlone || (i > first && !state.Buffer.ToString(end, slot.Start - end).AsSpan().IsWhiteSpace())) return null;
            end = slot.End;
        }
        return Wrap(state, slots[first].Start, end);
    }

    private static KeyWindow Wrap(IncrementalState state, int start, int end, bool withKeyAbove = false)
    {
        var text = Prefix + state.Buffer.ToString(start, end - start) + Suffix;
        return new KeyWindow(MetabaseDocument.Create(text, state.Catalog), start - Prefix.Length, withKeyAbove);
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

    /// <summary>
    /// False when only the whole document can answer: on a key's name when the window does not hold the key above,
    /// which ranks the types.
    /// </summary>
    public bool TryComplete(int offset, CompletionOptions options, [NotNullWhen(true)] out CompletionResult? completion)
    {
        completion = null;
        int at = offset - _shift;
        if (!_withKeyAbove && OnKeyName(at)) return false;
        var result = CompletionService.GetCompletions(_document, at, options);
        completion = result with { ReplaceSpan = Move(result.ReplaceSpan) };
        return true;
    }

    /// <summary>The flag hints in <paramref name="range"/>, which lies within the window's keys (see <see cref="Over"/>).</summary>
    public IReadOnlyList<FlagHint> InlayHints(TextSpan range)
    {
        var hints = FlagInlayHints.Compute(_document.Model, _document.Catalog, new TextSpan(range.Start - _shift, range.Length));
        var moved = new FlagHint[hints.Count];
        for (int i = 0; i < moved.Length; i++) moved[i] = hints[i] with { Offset = hints[i].Offset + _shift };
        return moved;
    }

    /// <summary>
    /// The quick fixes of <paramref name="diagnostics"/> (this version's, within the window's keys), each with its
    /// fixes; false when one of them lies outside the window's keys. A fix only edits the key its diagnostic is in.
    /// </summary>
    public bool TryQuickFixes(IEnumerable<MetabaseDiagnostic> diagnostics,
        [NotNullWhen(true)] out List<(MetabaseDiagnostic Diagnostic, IReadOnlyList<DiagnosticFix> Fixes)>? fixes)
    {
        fixes = [];
        int keysEnd = _document.Text.Length - Suffix.Length;
        foreach (var diagnostic in diagnostics)
        {
            int start = diagnostic.Span.Start - _shift;
            if (start < Prefix.Length || start + diagnostic.Span.Length > keysEnd)
            {
                fixes = null;
                return false;
            }
            var found = DiagnosticFixes.For(_document.Model, _document.Catalog, diagnostic with { Span = new TextSpan(start, diagnostic.Span.Length) });
            if (found.Count > 0) fixes.Add((diagnostic, found.Select(fix => fix with { Edits = Move(fix.Edits) }).ToList()));
        }
        return true;
    }

    /// <summary>
    /// The expand-selection steps at <paramref name="offset"/> that lie within the window's keys (the key's value,
    /// attribute, tag and element, and those of a Custom element in it), innermost first.
    /// </summary>
    public IReadOnlyList<TextSpan> SelectionRangesWithinKeys(int offset) =>
        // The wrapper's elements (and the whole window) start before the keys.
        Navigation.SelectionRanges.At(_document.Tree, offset - _shift)
            .Where(span => span.Start >= Prefix.Length)
            .Select(Move)
            .ToList();

    /// <summary>The value actions at <paramref name="offset"/> (on a property value: flags, defaults, form).</summary>
    public IReadOnlyList<ValueAction> ValueActionsAt(int offset) =>
        ValueActions.For(_document.Model, offset - _shift, _document.Catalog).Select(action => action with { Edits = Move(action.Edits) }).ToList();

    private IReadOnlyList<TextEdit> Move(IReadOnlyList<TextEdit> edits) => edits.Select(edit => edit with { Span = Move(edit.Span) }).ToList();

    private bool OnKeyName(int at) =>
        _document.Tree.FindElementAt(at) is { } element && element.Name != "Custom" && element.NameSpan.ContainsOrTouches(at);

    private TextSpan Move(TextSpan span) => new(span.Start + _shift, span.Length);
}

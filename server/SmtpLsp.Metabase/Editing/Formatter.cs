using System.Text;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Editing;

/// <summary>
/// Puts keys in IIS's own layout (metabase-domain.md 2.1): <c>&lt;KeyType\tLocation ="…"</c>, one property per line
/// indented two TABs in alphabetical order, <c>\t&gt;</c> alone on a line, Custom children indented one TAB with
/// their attributes two TABs and <c>\t/&gt;</c>, then <c>&lt;/KeyType&gt;</c>; MULTISZ continuation lines three TABs.
/// Values are never changed. A file written by IIS needs no edit, and formatting twice changes nothing more.
/// </summary>
public static class Formatter
{
    /// <summary>
    /// Edits for the whole document; none when it has syntax errors (a guess could lose text). Seconds on a file of
    /// tens of megabytes written on one line, so a cancelled request stops here.
    /// </summary>
    public static IReadOnlyList<TextEdit> FormatDocument(MetabaseModel model, MetabaseCatalog? catalog = null, CancellationToken ct = default)
    {
        if (HasSyntaxErrors(model.Tree)) return [];
        catalog ??= MetabaseCatalog.Embedded;
        string text = model.Tree.Text;
        string nl = AttributeText.DetectNewLine(text);
        var edits = new List<TextEdit>();
        int formatted = 0;
        foreach (var section in Sections(model.Tree))
        {
            int gapStart = section.StartTagSpan.End;
            foreach (var element in section.Children)
            {
                if ((++formatted & 255) == 0) ct.ThrowIfCancellationRequested();
                AddGapEdit(edits, text, gapStart, element.Span.Start, nl);
                if (IsKey(element)) AddKeyEdit(edits, text, FormatElement(model.Tree, element, catalog, nl), element.Span);
                gapStart = element.Span.End;
            }
            if (section.EndTagSpan is { } end) AddGapEdit(edits, text, gapStart, end.Start, nl);
        }
        return edits;
    }

    /// <summary>Edits for one key (a direct child of MBProperty); none for other elements or with syntax errors.</summary>
    public static IReadOnlyList<TextEdit> FormatKey(MetabaseModel model, MetabaseKey key, MetabaseCatalog? catalog = null)
    {
        if (HasSyntaxErrors(model.Tree) || !IsKey(key.Element)) return [];
        var edits = new List<TextEdit>();
        string text = model.Tree.Text;
        AddKeyEdit(edits, text, FormatElement(model.Tree, key.Element, catalog ?? MetabaseCatalog.Embedded, AttributeText.DetectNewLine(text)), key.Element.Span);
        return edits;
    }

    /// <summary>Edits for the keys that intersect a range (range formatting); none with syntax errors.</summary>
    public static IReadOnlyList<TextEdit> FormatRange(MetabaseModel model, TextSpan range, MetabaseCatalog? catalog = null) =>
        HasSyntaxErrors(model.Tree) ? [] : KeysInRange(model, range, catalog ?? MetabaseCatalog.Embedded, AttributeText.DetectNewLine(model.Tree.Text));

    /// <summary>
    /// The same on a version reached by keystrokes, without its whole parse: the keys now over the last whole parse
    /// (<see cref="IncrementalState.KeysNow"/>), each formatted from its own tree and its edit placed where the key
    /// now stands. False when the state has no keys now (then the whole parse answers).
    /// </summary>
    public static bool TryFormatRange(IncrementalState state, TextSpan range, out IReadOnlyList<TextEdit> edits)
    {
        edits = [];
        if (state.KeysNow is not { } model) return false;
        if (!state.SyntaxDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            edits = KeysInRange(model, range, state.Catalog, AttributeText.DetectNewLine(state.Buffer));
        return true;
    }

    /// <summary>
    /// The edits of the section keys that intersect (or start at) the range, placed where they now stand (a key of a
    /// model made after keystrokes lives in a tree of its own). Keys stand in document order: the walk starts at the
    /// last section key that ends before the range and stops at the range's end.
    /// </summary>
    private static List<TextEdit> KeysInRange(MetabaseModel model, TextSpan range, MetabaseCatalog catalog, string nl)
    {
        var found = new List<TextEdit>();
        var keys = model.Keys;
        int first = FirstPlacedAfter(model, range.Start);
        while (first > 0 && !(IsSectionKey(keys[first - 1].Element) && EndsBefore(model.Place(keys[first - 1], keys[first - 1].Element.Span), range))) first--;
        for (int k = first; k < keys.Count; k++)
        {
            var key = keys[k];
            var element = key.Element;
            var span = model.Place(key, element.Span);
            if (span.Start >= range.End && span.Start != range.Start) break;
            if (!(span.Start < range.End && range.Start < span.End || span.Start == range.Start) || !IsSectionKey(element)) continue;
            var keyEdits = new List<TextEdit>(1);
            AddKeyEdit(keyEdits, element.Tree.Text, FormatElement(element.Tree, element, catalog, nl), element.Span);
            foreach (var edit in keyEdits) found.Add(edit with { Span = model.Place(key, edit.Span) });
        }
        return found;
    }

    // A key parsed alone since the whole parse is the top element of its own tree.
    private static bool IsSectionKey(ElementNode element) => element.Parent == null || IsKey(element);

    private static bool EndsBefore(TextSpan key, TextSpan range) => key.End <= range.Start && key.Start != range.Start;

    /// <summary>The index of the first key that now starts after <paramref name="offset"/> (the count when none).</summary>
    private static int FirstPlacedAfter(MetabaseModel model, int offset)
    {
        var keys = model.Keys;
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (model.Place(keys[mid], keys[mid].Element.Span).Start <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The whole formatted text, or null when the document has syntax errors.</summary>
    public static string? FormatText(string text, MetabaseCatalog? catalog = null)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        if (HasSyntaxErrors(model.Tree)) return null;
        return TextEdit.Apply(text, FormatDocument(model, catalog));
    }

    private static bool HasSyntaxErrors(SyntaxTree tree) => tree.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    private static IEnumerable<ElementNode> Sections(SyntaxTree tree)
    {
        if (tree.Root is not { Name: "configuration" } root) yield break;
        foreach (var section in root.Children) if (section.Name == "MBProperty") yield return section;
    }

    private static bool IsKey(ElementNode element) =>
        element.Parent is { Name: "MBProperty", Parent: { Name: "configuration", Parent: null } };

    private static string FormatElement(SyntaxTree tree, ElementNode key, MetabaseCatalog catalog, string nl)
    {
        string text = tree.Text;
        var sb = new StringBuilder();
        sb.Append('<').Append(key.Name);
        var location = key.GetAttribute("Location");
        if (location != null) sb.Append("\tLocation =\"").Append(QuotedRaw(location)).Append('"');
        sb.Append(nl);
        foreach (var attribute in key.Attributes.Where(a => !ReferenceEquals(a, location)).OrderBy(a => a.Name, PropertyOrder.Comparer))
        {
            bool multiSz = catalog.FindProperty(attribute.Name)?.Type == PropertyType.MultiSz;
            sb.Append("\t\t").Append(attribute.Name).Append("=\"").Append(multiSz ? Reindent(QuotedRaw(attribute), nl) : QuotedRaw(attribute)).Append('"').Append(nl);
        }
        sb.Append("\t>");

        if (key.IsSelfClosing) return sb.Append(nl).Append("</").Append(key.Name).Append('>').ToString();
        if (!BodyIsOnlyCustoms(text, key))
            return sb.Append(text, key.StartTagSpan.End, key.Span.End - key.StartTagSpan.End).ToString();
        sb.Append(nl);
        foreach (var custom in key.Children)
        {
            sb.Append("\t<Custom").Append(nl);
            foreach (var attribute in custom.Attributes)
                sb.Append("\t\t").Append(attribute.Name).Append("=\"").Append(QuotedRaw(attribute)).Append('"').Append(nl);
            sb.Append("\t/>").Append(nl);
        }
        return sb.Append("</").Append(key.Name).Append('>').ToString();
    }

    /// <summary>True when the body holds only whitespace and childless Custom elements (no comments, no text).</summary>
    private static bool BodyIsOnlyCustoms(string text, ElementNode key)
    {
        if (key.EndTagSpan is not { } end) return false;
        int position = key.StartTagSpan.End;
        foreach (var child in key.Children)
        {
            if (child.Name != "Custom" || child.Children.Count > 0 || !IsWhitespace(text, position, child.Span.Start)) return false;
            if (!child.IsSelfClosing && (child.EndTagSpan is not { } childEnd || !IsWhitespace(text, child.StartTagSpan.End, childEnd.Start)))
                return false;
            position = child.Span.End;
        }
        return IsWhitespace(text, position, end.Start);
    }

    /// <summary>The raw value as it must appear between double quotes (a single-quoted value may hold '"').</summary>
    private static string QuotedRaw(AttributeNode attribute) =>
        attribute.Quote == '\'' ? attribute.RawValue.Replace("\"", "&quot;") : attribute.RawValue;

    /// <summary>MULTISZ items: continuation lines get IIS's three TABs; their old indentation is not part of the item.</summary>
    private static string Reindent(string raw, string nl)
    {
        if (raw.IndexOfAny(['\r', '\n']) < 0) return raw;
        var lines = raw.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var sb = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.Length; i++) sb.Append(nl).Append("\t\t\t").Append(lines[i].TrimStart(' ', '\t'));
        return sb.ToString();
    }

    private static void AddGapEdit(List<TextEdit> edits, string text, int start, int end, string nl)
    {
        if (end < start || !IsWhitespace(text, start, end)) return;
        if (text.AsSpan(start, end - start).SequenceEqual(nl)) return;
        edits.Add(new TextEdit(TextSpan.FromBounds(start, end), nl));
    }

    /// <summary>Adds the replacement of <paramref name="span"/> trimmed to the part that really changes.</summary>
    private static void AddKeyEdit(List<TextEdit> edits, string text, string formatted, TextSpan span)
    {
        int prefix = 0;
        int max = Math.Min(span.Length, formatted.Length);
        while (prefix < max && text[span.Start + prefix] == formatted[prefix]) prefix++;
        if (prefix == span.Length && prefix == formatted.Length) return;
        int suffix = 0;
        while (suffix < max - prefix && text[span.End - 1 - suffix] == formatted[formatted.Length - 1 - suffix]) suffix++;
        edits.Add(new TextEdit(TextSpan.FromBounds(span.Start + prefix, span.End - suffix), formatted[prefix..(formatted.Length - suffix)]));
    }

    private static bool IsWhitespace(string text, int start, int end)
    {
        for (int i = start; i < end; i++) if (text[i] is not (' ' or '\t' or '\r' or '\n')) return false;
        return true;
    }
}

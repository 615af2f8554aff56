using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Editing;

/// <summary>
/// The smallest edits that change one property: each touches only a value span, or inserts one attribute line.
/// Methods return null when the edit cannot be made safely (an unterminated value, a half-typed tag).
/// </summary>
public static class ValueEdits
{
    public static TextEdit ReplaceSpan(TextSpan span, string text) => new(span, text);

    /// <summary>Sets an attribute's value (escaped as IIS would); adds quotes when the value has none.</summary>
    public static TextEdit? SetValue(AttributeNode attribute, string value)
    {
        if (!attribute.HasValue)
        {
            // `Name` or `Name=` with nothing after it: complete it.
            string prefix = attribute.EqualsSpan is null ? "=" : "";
            return TextEdit.Insert(attribute.Span.End, $"{prefix}\"{AttributeText.Escape(value)}\"");
        }
        if (attribute.Quote == '\0') return new TextEdit(attribute.ValueSpan, $"\"{AttributeText.Escape(value)}\"");
        if (!attribute.IsValueTerminated) return null;
        return new TextEdit(attribute.ValueSpan, AttributeText.Escape(value, attribute.Quote));
    }

    public static TextEdit? SetValue(MetabaseProperty property, string value) => SetValue(property.Attribute, value);

    public static TextEdit RenameAttribute(AttributeNode attribute, string newName) => new(attribute.NameSpan, newName);

    /// <summary>Removes an attribute with the whitespace before it, so its line disappears in IIS layout.</summary>
    public static TextEdit RemoveAttribute(AttributeNode attribute)
    {
        string text = attribute.Element.Tree.Text;
        int start = attribute.Span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t' or '\r' or '\n') start--;
        return new TextEdit(TextSpan.FromBounds(start, attribute.Span.End), "");
    }

    /// <summary>
    /// True when a bitmask value is written as a number (or is empty in a numeric table). "0" in a symbolic table is
    /// how names write no flag at all, so a flag turned on there is written as its name.
    /// </summary>
    public static bool IsNumericForm(FlagTable? table, string raw) =>
        raw.Length > 0
            ? raw[0] is (>= '0' and <= '9') or '-' && !(raw == "0" && table is { Kind: FlagTableKind.Symbolic })
            : table is null || table.Kind == FlagTableKind.Numeric;

    /// <summary>
    /// A bitmask value in the requested form: names of a symbolic table in table order (IIS's form), else decimal.
    /// Falls back to decimal when some bit has no name.
    /// </summary>
    public static string FormatFlags(PropertyInfo info, uint value, bool asNumber)
    {
        if (!asNumber && info.Flags is { Kind: FlagTableKind.Symbolic } table && FlagCodec.FormatSymbolic(table, value) is { } names)
            return names;
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Turns one flag or verb on or off, keeping the value's form; null when the value cannot be read.</summary>
    public static TextEdit? SetFlag(PropertyInfo info, MetabaseProperty property, FlagInfo flag, bool on)
    {
        string raw = property.Value;
        var resolved = FlagCodec.ResolveValue(info, raw);
        if (resolved.Value is not { } current) return null;
        uint updated = FlagCodec.WithFlag(current, flag, on);
        string text = FormatFlags(info, updated, IsNumericForm(info.Flags, raw));
        return SetValue(property, text);
    }

    /// <summary>
    /// Adds a property to a key where IIS would put it: alphabetically among the key's properties after Location,
    /// one per line with its neighbours' indentation and line ending. Null for a half-typed start tag.
    /// </summary>
    public static TextEdit? AddProperty(MetabaseKey key, string name, string value)
    {
        var element = key.Element;
        if (!element.IsStartTagClosed) return null;
        string text = element.Tree.Text;
        string attribute = $"{name}=\"{AttributeText.Escape(value)}\"";

        AttributeNode? next = null;
        foreach (var property in key.Properties)
        {
            if (PropertyOrder.Compare(property.Name, name) > 0) { next = property.Attribute; break; }
        }
        if (next != null)
        {
            int lineStart = LineStart(text, next.Span.Start);
            if (IsBlank(text, lineStart, next.Span.Start))
            {
                string indent = text[lineStart..next.Span.Start];
                return TextEdit.Insert(next.Span.Start, attribute + AttributeText.NewLineNear(text, next.Span.Start) + indent);
            }
            return TextEdit.Insert(next.Span.Start, attribute + " ");
        }

        // After the last attribute (or the element name when there is none).
        AttributeNode? last = element.Attributes.Count > 0 ? element.Attributes[^1] : null;
        int anchor = last?.Span.End ?? element.NameSpan.End;
        string newLine = AttributeText.NewLineNear(text, element.Span.Start);
        return TextEdit.Insert(anchor, newLine + PropertyIndent(key, text) + attribute);
    }

    /// <summary>
    /// Sets the property when the key has it (as an attribute, or as a &lt;Custom&gt; with that Name, so it is
    /// never written twice), otherwise adds it in IIS's place.
    /// </summary>
    public static TextEdit? SetOrAddProperty(MetabaseKey key, string name, string value)
    {
        if (key.GetProperty(name) is { } property) return SetValue(property, value);
        foreach (var custom in key.CustomProperties)
        {
            if (custom.Name == name && custom.ValueAttribute is { } customValue) return SetValue(customValue, value);
        }
        return AddProperty(key, name, value);
    }

    /// <summary>The indentation of the key's property lines: the first property's, or IIS's two TABs.</summary>
    private static string PropertyIndent(MetabaseKey key, string text)
    {
        foreach (var property in key.Properties)
        {
            int lineStart = LineStart(text, property.Attribute.Span.Start);
            if (lineStart > key.Element.Span.Start && IsBlank(text, lineStart, property.Attribute.Span.Start))
                return text[lineStart..property.Attribute.Span.Start];
        }
        return "\t\t";
    }

    private static int LineStart(string text, int offset)
    {
        int i = offset;
        while (i > 0 && text[i - 1] is not ('\n' or '\r')) i--;
        return i;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (int i = start; i < end; i++) if (text[i] is not (' ' or '\t')) return false;
        return true;
    }
}

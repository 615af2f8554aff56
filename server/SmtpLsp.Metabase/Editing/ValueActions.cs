using System.Globalization;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Editing;

public enum ActionKind { QuickFix, Refactor }

/// <summary>A domain code action: what the user picks, and the minimal edits it makes.</summary>
public sealed record ValueAction(string Title, ActionKind Kind, IReadOnlyList<TextEdit> Edits);

/// <summary>The value actions offered on a property value: flip one flag or verb, reset to default, change form.</summary>
public static class ValueActions
{
    public static IReadOnlyList<ValueAction> For(MetabaseModel model, int offset, MetabaseCatalog catalog)
    {
        var actions = new List<ValueAction>();
        var key = model.FindKeyAt(offset);
        var attribute = model.Tree.FindAttributeAt(offset);
        if (key == null || attribute == null || !ReferenceEquals(attribute.Element, key.Element)) return actions;
        var property = key.GetProperty(attribute.Name);
        if (property == null || !ReferenceEquals(property.Attribute, attribute)) return actions;
        var info = catalog.FindProperty(property.Name);
        if (info == null || (attribute.HasValue && attribute.Quote != '\0' && !attribute.IsValueTerminated)) return actions;

        string raw = property.Value;
        bool valid = IsValid(info, raw, out uint? number);
        bool numericForm = ValueEdits.IsNumericForm(info.Flags, raw);

        if (info.Flags is { } table && number is { } current)
        {
            foreach (var flag in table.Flags)
            {
                if (flag.Value == 0) continue; // a zero "flag" cannot be turned on or off
                bool on = (current & flag.Value) == flag.Value;
                string text = ValueEdits.FormatFlags(info, FlagCodec.WithFlag(current, flag, !on), numericForm);
                string title = $"{(on ? "Disable" : "Enable")} {flag.Name}" + (numericForm ? $" ({text})" : "");
                Add(actions, title, ActionKind.Refactor, ValueEdits.SetValue(property, text));
            }
            if (table.Kind == FlagTableKind.Symbolic)
            {
                if (numericForm && FlagCodec.FormatSymbolic(table, current) is { } names && names != raw)
                    Add(actions, "Write as names", ActionKind.Refactor, ValueEdits.SetValue(property, names));
                if (!numericForm && current != 0)
                    Add(actions, "Write as number", ActionKind.Refactor,
                        ValueEdits.SetValue(property, current.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var resetKind = valid ? ActionKind.Refactor : ActionKind.QuickFix;
        string newLine = AttributeText.NewLineNear(model.Tree.Text, attribute.Span.Start);
        if (DefaultText(info, info.SchemaDefault, numericForm, newLine) is { } schemaDefault && !SameValue(info, raw, schemaDefault))
            Add(actions, $"Reset to IIS default ({(info.Type == PropertyType.MultiSz ? string.Join(", ", MultiSzValue.Split(schemaDefault).Select(i => i.Text)) : schemaDefault)})",
                resetKind, ValueEdits.SetValue(property, schemaDefault));
        return actions;
    }

    /// <summary>A default in the value's current form (a symbolic default becomes a number when the value is numeric).</summary>
    private static string? DefaultText(PropertyInfo info, string? text, bool numericForm, string newLine)
    {
        if (text == null) return null;
        // The catalog keeps a MULTISZ default one item per line; the file's line break and IIS's indentation go between.
        if (info.Type == PropertyType.MultiSz) return text.Replace("\n", newLine + "\t\t\t", StringComparison.Ordinal);
        if (info.Type != PropertyType.Dword) return text;
        var resolved = FlagCodec.ResolveValue(info, text);
        return resolved.Value is { } n ? ValueEdits.FormatFlags(info, n, numericForm || info.Flags == null) : text;
    }

    private static bool IsValid(PropertyInfo info, string raw, out uint? number)
    {
        number = null;
        switch (info.Type)
        {
            case PropertyType.Dword:
                var resolved = FlagCodec.ResolveValue(info, raw);
                number = resolved.Value;
                return resolved.Value != null && resolved.Problems.Count == 0;
            case PropertyType.Bool:
                return BoolValue.TryParse(raw, out _, out _);
            default:
                return true;
        }
    }

    private static bool SameValue(PropertyInfo info, string raw, string other)
    {
        if (info.Type == PropertyType.Dword)
        {
            var a = FlagCodec.ResolveValue(info, raw).Value;
            return a != null && a == FlagCodec.ResolveValue(info, other).Value;
        }
        if (info.Type == PropertyType.Bool) return string.Equals(raw, other, StringComparison.OrdinalIgnoreCase);
        if (info.Type == PropertyType.MultiSz) return MultiSzValue.Split(raw).Select(i => i.Text).SequenceEqual(MultiSzValue.Split(other).Select(i => i.Text));
        return raw == other;
    }

    private static void Add(List<ValueAction> actions, string title, ActionKind kind, TextEdit? edit)
    {
        if (edit is { } e) actions.Add(new ValueAction(title, kind, [e]));
    }
}

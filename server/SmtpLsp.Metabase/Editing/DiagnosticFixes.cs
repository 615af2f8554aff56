using System.Globalization;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Editing;

/// <summary>A quick fix for one diagnostic; <see cref="IsPreferred"/> when it is the one obvious fix.</summary>
public sealed record DiagnosticFix(string Title, bool IsPreferred, IReadOnlyList<TextEdit> Edits);

/// <summary>
/// Safe quick fixes for diagnostics of the current text. Callers pass diagnostics the analyzer produced for this
/// very text (never stale ones from a client), so FixData and spans are trusted. Each fix edits only the name or
/// value the diagnostic points at.
/// </summary>
public static class DiagnosticFixes
{
    public static IReadOnlyList<DiagnosticFix> For(MetabaseModel model, MetabaseCatalog catalog, MetabaseDiagnostic diagnostic)
    {
        string text = model.Tree.Text;
        if (diagnostic.Span.End > text.Length) return [];
        switch (diagnostic.Code)
        {
            case DiagnosticCodes.UnknownKeyType when diagnostic.FixData is { } keyType:
                return RenameKey(model, diagnostic.Span, keyType);
            case DiagnosticCodes.UnknownProperty when diagnostic.FixData is { } name:
                return RenameProperty(model, catalog, diagnostic.Span, name);
            case DiagnosticCodes.BoolNotTrueFalse or DiagnosticCodes.UnknownFlagName or DiagnosticCodes.CustomUnknownType
                when diagnostic.FixData is { } word:
                return One($"Change to '{word}'", diagnostic.Span, word);
            case DiagnosticCodes.DwordNotANumber when diagnostic.FixData is { } number:
                return One($"Write as number ({number})", diagnostic.Span, number);
            case DiagnosticCodes.UndefinedFlagBits or DiagnosticCodes.UnknownVerbBits:
                return RemoveUnknownBits(model, catalog, diagnostic.Span);
            case DiagnosticCodes.OutsideSchemaRange:
                return ClampToRange(model, catalog, diagnostic.Span);
            // The parser's two fixable markup errors: a '<' in a value, an attribute right after a value.
            case DiagnosticCodes.MalformedMarkup when diagnostic.FixData is { } replacement:
                return One(replacement == "&lt;" ? "Write '<' as '&lt;'" : $"Insert a space before '{replacement.TrimStart()}'", diagnostic.Span, replacement);
            default:
                return [];
        }
    }

    private static IReadOnlyList<DiagnosticFix> One(string title, TextSpan span, string newText) =>
        [new DiagnosticFix(title, true, [new TextEdit(span, newText)])];

    /// <summary>
    /// A name with a unit (MaxMessageSizeKB, ConnectionTimeoutSeconds) keeps its meaning renamed only when the
    /// property counts in that unit or the value is converted: renamed alone, 10240 KB would become a limit of 10240
    /// bytes. Otherwise the rename is offered, not preferred, and says to check the value.
    /// </summary>
    private static IReadOnlyList<DiagnosticFix> RenameProperty(MetabaseModel model, MetabaseCatalog catalog, TextSpan nameSpan, string name)
    {
        // The key has that property already: renamed, it would be there twice, which IIS refuses (MB1009).
        var key = model.FindKeyAt(nameSpan.Start);
        if (key == null || key.Element.IndexOfAttribute(name) >= 0 || key.CustomProperties.Any(c => c.Name == name)) return [];
        string typed = model.Tree.Text.Substring(nameSpan.Start, nameSpan.Length);
        if (UnitTyped(typed, name) is not { } unit) return One($"Change to '{name}'", nameSpan, name);
        var (measure, factor, shown) = UnitWords[unit];
        string? own = catalog.FindProperty(name)?.Description?.Text is { } description ? OwnMeasure(description) : null;
        if (measure == own)
        {
            if (factor == 1) return One($"Change to '{name}'", nameSpan, name);
            var property = key.Properties.FirstOrDefault(p => p.NameSpan == nameSpan);
            if (property != null && DwordValue.TryParse(property.Value, allowHex: false, out uint value, out _) && (ulong)value * factor <= uint.MaxValue)
            {
                string converted = ((ulong)value * factor).ToString(CultureInfo.InvariantCulture);
                if (ValueEdits.SetValue(property, converted) is { } valueEdit)
                    return [new DiagnosticFix($"Change to '{name}' = {converted} {own} ({value} {shown})", true, [new TextEdit(nameSpan, name), valueEdit])];
            }
        }
        string counts = own == null ? "its unit is not known here" : $"it counts {own}";
        return [new DiagnosticFix($"Change to '{name}' (check the value: '{typed}' says {unit}, and {counts})", false, [new TextEdit(nameSpan, name)])];
    }

    /// <summary>The unit word the typed name ends with and the property's name does not, or null.</summary>
    private static string? UnitTyped(string typed, string name)
    {
        string? found = null;
        foreach (var unit in UnitWords.Keys)
        {
            // A word of its own in the name's PascalCase ("SizeKB", not the "ms" of "CommentItems").
            if (typed.Length > unit.Length && typed.EndsWith(unit, StringComparison.OrdinalIgnoreCase) && char.IsUpper(typed[^unit.Length])
                && !name.EndsWith(unit, StringComparison.OrdinalIgnoreCase) && (found == null || unit.Length > found.Length))
                found = typed[^unit.Length..];
        }
        return found;
    }

    // What a property counts, as its catalog description says it ("in bytes", "Idle time in seconds", "Minutes between").
    private static string? OwnMeasure(string description) =>
        System.Text.RegularExpressions.Regex.IsMatch(description, @"\bbytes\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase) ? "bytes"
        : System.Text.RegularExpressions.Regex.IsMatch(description, @"\bseconds\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase) ? "seconds"
        : System.Text.RegularExpressions.Regex.IsMatch(description, @"\bminutes\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase) ? "minutes"
        : null;

    // Units a name may end with: what they measure, and the factor that turns a value in them into that measure's base unit.
    private static readonly Dictionary<string, (string Measure, uint Factor, string Shown)> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KB"] = ("bytes", 1024, "KB"), ["InKB"] = ("bytes", 1024, "KB"), ["Kilobytes"] = ("bytes", 1024, "KB"),
        ["MB"] = ("bytes", 1024 * 1024, "MB"), ["InMB"] = ("bytes", 1024 * 1024, "MB"), ["Megabytes"] = ("bytes", 1024 * 1024, "MB"),
        ["Bytes"] = ("bytes", 1, "bytes"), ["InBytes"] = ("bytes", 1, "bytes"),
        ["Seconds"] = ("seconds", 1, "seconds"), ["Secs"] = ("seconds", 1, "seconds"), ["InSeconds"] = ("seconds", 1, "seconds"),
        ["Minutes"] = ("minutes", 1, "minutes"), ["Mins"] = ("minutes", 1, "minutes"), ["InMinutes"] = ("minutes", 1, "minutes"),
        ["Ms"] = ("milliseconds", 1, "milliseconds"), ["Milliseconds"] = ("milliseconds", 1, "milliseconds"), ["Hours"] = ("hours", 1, "hours"),
    };

    /// <summary>The start tag's name and the matching end tag's name change together.</summary>
    private static IReadOnlyList<DiagnosticFix> RenameKey(MetabaseModel model, TextSpan nameSpan, string keyType)
    {
        var key = model.Keys.FirstOrDefault(k => k.Element.NameSpan == nameSpan);
        if (key == null) return [];
        var edits = new List<TextEdit> { new(nameSpan, keyType) };
        if (key.Element.EndTagSpan is { } end)
        {
            var endName = new TextSpan(end.Start + 2, key.Element.Name.Length);
            if (endName.End <= end.End && string.CompareOrdinal(model.Tree.Text, endName.Start, key.Element.Name, 0, endName.Length) == 0)
                edits.Add(new TextEdit(endName, keyType));
        }
        return [new DiagnosticFix($"Change to '{keyType}'", true, edits)];
    }

    private static IReadOnlyList<DiagnosticFix> RemoveUnknownBits(MetabaseModel model, MetabaseCatalog catalog, TextSpan valueSpan)
    {
        if (FindValue(model, catalog, valueSpan) is not ({ Flags: { } table } info, var property)) return [];
        if (!DwordValue.TryParse(property.RawText, allowHex: false, out uint value, out _)) return [];
        uint kept = value & (table.DefinedMask | table.UndocumentedDefaultBits);
        if (kept == value) return [];
        string newText = kept.ToString(CultureInfo.InvariantCulture);
        return Fix($"Remove unknown bits 0x{value & ~kept:X} ({newText})", property, newText);
    }

    private static IReadOnlyList<DiagnosticFix> ClampToRange(MetabaseModel model, MetabaseCatalog catalog, TextSpan valueSpan)
    {
        if (FindValue(model, catalog, valueSpan) is not ({ } info, var property)) return [];
        if (!DwordValue.TryParse(property.RawText, allowHex: false, out uint value, out _)) return [];
        long clamped = Math.Clamp(value, info.StartingNumber ?? 0, info.EndingNumber ?? uint.MaxValue);
        if (clamped == value) return [];
        string newText = clamped.ToString(CultureInfo.InvariantCulture);
        return Fix($"Clamp to {(clamped < value ? "maximum" : "minimum")} {newText}", property, newText);
    }

    private static IReadOnlyList<DiagnosticFix> Fix(string title, MetabaseProperty property, string newText) =>
        ValueEdits.SetValue(property, newText) is { } edit ? [new DiagnosticFix(title, true, [edit])] : [];

    private static (PropertyInfo Info, MetabaseProperty Property)? FindValue(MetabaseModel model, MetabaseCatalog catalog, TextSpan valueSpan)
    {
        var key = model.FindKeyAt(valueSpan.Start);
        var property = key?.Properties.FirstOrDefault(p => p.ValueSpan == valueSpan);
        if (property == null || catalog.FindProperty(property.Name) is not { } info) return null;
        return (info, property);
    }
}

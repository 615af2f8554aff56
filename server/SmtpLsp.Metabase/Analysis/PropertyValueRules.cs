using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Typed value checks: MB3003 not a number, MB3004 beyond 32 bits, MB3005 outside the schema range, MB3006 BOOL,
/// MB3010 enum value without a label. Bitmask properties go to <see cref="FlagValueRules"/>. Values are read as an XML
/// reader hands them over (a character reference decoded), as slices of the text: a string is cut only for a value
/// with a '&amp;' or for a diagnostic, whose span is the whole value.
/// </summary>
internal static class PropertyValueRules
{
    private static readonly string[] BoolWords = ["TRUE", "FALSE"];

    public static void Check(AttributeView attribute, PropertyInfo info, ICollection<MetabaseDiagnostic> sink)
    {
        // Secure values are encrypted blobs; nothing in them can be judged.
        if (info.IsSecure) return;
        switch (info.Type)
        {
            case PropertyType.Dword when info.Flags != null:
                FlagValueRules.Check(attribute, info, sink);
                break;
            case PropertyType.Dword:
                CheckDword(attribute, info, sink);
                break;
            case PropertyType.Bool:
                CheckBool(attribute, sink);
                break;
        }
    }

    private static void CheckDword(AttributeView attribute, PropertyInfo info, ICollection<MetabaseDiagnostic> sink)
    {
        if (!DwordValue.TryParse(attribute.DecodedValueSpan, allowHex: false, out uint value, out var error))
        {
            sink.Add(DwordParseProblem(attribute, error));
            return;
        }
        if (info.IsOutsideRange(value))
        {
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.OutsideSchemaRange, DiagnosticSeverity.Warning, attribute.ValueSpan,
                $"{AnalysisText.Quote(attribute.RawValue)} is outside the schema range of {attribute.Name}; expected {AnalysisText.Range(info)}."));
            return;
        }

        if (info.EnumValues.Count > 0 && !HasLabel(info.EnumValues, value))
        {
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.EnumValueWithoutLabel, DiagnosticSeverity.Information, attribute.ValueSpan,
                $"{AnalysisText.Quote(attribute.RawValue)} has no known meaning for {attribute.Name}; known values: {Labels(info.EnumValues)}."));
        }
    }

    internal static MetabaseDiagnostic DwordParseProblem(AttributeView attribute, DwordParseError error)
    {
        var raw = attribute.RawValue;
        var span = ValueOrAttributeSpan(attribute);
        if (error == DwordParseError.OutOfRange)
        {
            return new MetabaseDiagnostic(DiagnosticCodes.DwordOutOfRange, DiagnosticSeverity.Error, span,
                $"{AnalysisText.Quote(raw)} does not fit in a DWORD; {attribute.Name} must be 0..4294967295 (or -1 for 4294967295).");
        }
        var what = error == DwordParseError.Empty ? "The value is empty" : $"{AnalysisText.Quote(raw)} is not a number";
        return new MetabaseDiagnostic(DiagnosticCodes.DwordNotANumber, DiagnosticSeverity.Error, span,
            $"{what}; {attribute.Name} is a DWORD and expects decimal digits such as '0' or '4294967295'.");
    }

    private static void CheckBool(AttributeView attribute, ICollection<MetabaseDiagnostic> sink)
    {
        if (BoolValue.TryParse(attribute.DecodedValueSpan, out bool intended, out var error)) return;

        var raw = attribute.RawValue;
        string? fix = error switch
        {
            BoolParseError.Numeric => BoolValue.Format(intended),
            BoolParseError.NotABool => FirstOrNull(NameSuggester.Closest(raw, BoolWords, 1)),
            _ => null,
        };
        var what = error == BoolParseError.Empty ? "The value is empty" : $"{AnalysisText.Quote(raw)} is not a BOOL";
        var hint = fix != null ? $" Did you mean {AnalysisText.Quote(fix)}?" : "";
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.BoolNotTrueFalse, DiagnosticSeverity.Error, ValueOrAttributeSpan(attribute),
            $"{what}; {attribute.Name} expects TRUE or FALSE.{hint}")
        {
            FixData = fix,
        });
    }

    /// <summary>The value, or the whole attribute when the value is empty (nothing to underline).</summary>
    internal static TextSpan ValueOrAttributeSpan(AttributeView attribute) =>
        attribute.ValueSpan.Length > 0 ? attribute.ValueSpan : attribute.Span;

    private static bool HasLabel(IReadOnlyList<EnumValueInfo> values, uint value)
    {
        for (int i = 0; i < values.Count; i++) if (values[i].Value == value) return true;
        return false;
    }

    private static string Labels(IReadOnlyList<EnumValueInfo> values)
    {
        var parts = new string[values.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = $"{AnalysisText.Number(values[i].Value)} ({values[i].Label})";
        return string.Join(", ", parts);
    }

    private static string? FirstOrNull(IReadOnlyList<string> list) => list.Count > 0 ? list[0] : null;
}

using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Bitmask values. Schema flag tables (symbolic): MB3007 unknown flag name, MB3008 numeric bits no flag defines.
/// The SMTP verb table (numeric): MB3009 bits neither a documented verb nor an undocumented default bit.
/// </summary>
internal static class FlagValueRules
{
    public static void Check(AttributeView property, PropertyInfo info, ICollection<MetabaseDiagnostic> sink)
    {
        var table = info.Flags!;
        if (table.Kind == FlagTableKind.Numeric) CheckVerbMask(property, info, table, sink);
        else CheckSymbolic(property, info, table, sink);
    }

    private static void CheckSymbolic(AttributeView property, PropertyInfo info, FlagTable table, ICollection<MetabaseDiagnostic> sink)
    {
        // Fast paths for the values files are made of, read from the text itself; anything else takes the full
        // resolution below, which allocates but also explains what is wrong.
        var span = property.DecodedValueSpan;
        if (span.Length > 0 && span[0] is (>= '0' and <= '9') or '-')
        {
            if (DwordValue.TryParse(span, allowHex: false, out uint number, out _))
            {
                CheckUndefinedBits(property, info, table, number, sink);
                return;
            }
        }
        else if (AllNamesKnown(span, table))
        {
            return;
        }
        CheckSymbolicResolved(property, info, table, sink);
    }

    /// <summary>The full check through <see cref="FlagCodec.ResolveValue"/>: what the fast paths above must agree with.</summary>
    internal static void CheckSymbolicResolved(AttributeView property, PropertyInfo info, FlagTable table, ICollection<MetabaseDiagnostic> sink)
    {
        // IIS reads the value its XML reader decoded. Where a character reference changed it, a problem's place in
        // the decoded text is not one in the file: the whole value is marked, and no name is put in its place.
        var raw = property.RawValue;
        var decoded = property.Value;
        bool sameText = decoded == raw;
        var resolution = FlagCodec.ResolveValue(info, decoded);
        int valueStart = property.ValueSpan.Start;
        foreach (var problem in resolution.Problems)
        {
            switch (problem.Kind)
            {
                case FlagValueProblemKind.UnknownName:
                    var suggestions = NameSuggester.Closest(problem.Text, FlagNames(table), 1);
                    sink.Add(new MetabaseDiagnostic(DiagnosticCodes.UnknownFlagName, DiagnosticSeverity.Error,
                        sameText ? new TextSpan(valueStart + problem.Span.Start, problem.Span.Length) : property.ValueSpan,
                        $"Unknown flag {AnalysisText.Quote(problem.Text)} in {property.Name}; expected one of its flag names (case-sensitive)." +
                        AnalysisText.DidYouMean(suggestions))
                    {
                        FixData = sameText && suggestions.Count > 0 ? suggestions[0] : null,
                    });
                    break;
                case FlagValueProblemKind.Empty:
                    sink.Add(PropertyValueRules.DwordParseProblem(property, DwordParseError.Empty));
                    break;
                case FlagValueProblemKind.NotANumber:
                    sink.Add(PropertyValueRules.DwordParseProblem(property, DwordParseError.NotANumber));
                    break;
                case FlagValueProblemKind.OutOfRange:
                    sink.Add(PropertyValueRules.DwordParseProblem(property, DwordParseError.OutOfRange));
                    break;
                // An empty item ("A || B") changes no bit; IIS reads the names around it.
            }
        }

        if (!resolution.WasNumeric || resolution.Value is not { } value) return;
        CheckUndefinedBits(property, info, table, value, sink);
    }

    private static void CheckUndefinedBits(AttributeView property, PropertyInfo info, FlagTable table, uint value, ICollection<MetabaseDiagnostic> sink)
    {
        uint undefined = info.UnknownFlagBits(value);
        if (undefined == 0) return;
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.UndefinedFlagBits, DiagnosticSeverity.Error, property.ValueSpan,
            $"{AnalysisText.Quote(property.RawValue)} sets bits no flag of {property.Name} defines: {AnalysisText.Bits(undefined)}; " +
            $"the defined flags make up {AnalysisText.Hex(table.DefinedMask)}."));
    }

    /// <summary>
    /// True when the value is one or more items separated by '|', none empty, each (trimmed as
    /// <see cref="FlagCodec.ParseSymbolic"/> trims) exactly a flag name: then <see cref="FlagCodec.ResolveValue"/>
    /// would find no problem and, the value not being numeric, nothing is reported.
    /// </summary>
    private static bool AllNamesKnown(ReadOnlySpan<char> raw, FlagTable table)
    {
        if (raw.IsEmpty) return false;
        while (true)
        {
            int bar = raw.IndexOf('|');
            var item = TrimWhitespace(bar < 0 ? raw : raw[..bar]);
            if (item.IsEmpty || !table.HasName(item)) return false;
            if (bar < 0) return true;
            raw = raw[(bar + 1)..];
        }
    }

    // As Trim(" \t\r\n"), by hand: items are a few characters with a space or none around them.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> item)
    {
        int start = 0, end = item.Length;
        while (start < end && item[start] is ' ' or '\t' or '\r' or '\n') start++;
        while (end > start && item[end - 1] is ' ' or '\t' or '\r' or '\n') end--;
        return item[start..end];
    }

    private static void CheckVerbMask(AttributeView property, PropertyInfo info, FlagTable table, ICollection<MetabaseDiagnostic> sink)
    {
        if (!DwordValue.TryParse(property.DecodedValueSpan, allowHex: false, out uint value, out var error))
        {
            var raw = property.RawValue;
            // IIS stores the verb mask as a decimal number; names are not read back. Offer the number they mean.
            if (error == DwordParseError.NotANumber && raw.Length > 0 && raw[0] is not ((>= '0' and <= '9') or '-')
                && FlagCodec.ResolveValue(info, raw) is { Value: { } meant, Problems.Count: 0 })
            {
                sink.Add(new MetabaseDiagnostic(DiagnosticCodes.DwordNotANumber, DiagnosticSeverity.Error, property.ValueSpan,
                    $"{AnalysisText.Quote(raw)} is not a number; {property.Name} is stored as a decimal number, here {AnalysisText.Number(meant)}.")
                {
                    FixData = AnalysisText.Number(meant),
                });
                return;
            }
            sink.Add(PropertyValueRules.DwordParseProblem(property, error));
            return;
        }

        uint unknown = info.UnknownFlagBits(value);
        if (unknown == 0) return;
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.UnknownVerbBits, DiagnosticSeverity.Warning, property.ValueSpan,
            $"{AnalysisText.Quote(property.RawValue)} sets bits that are neither an ESMTP verb of KB 257569 nor an undocumented bit of the IIS default 7697601: " +
            $"{AnalysisText.Bits(unknown)}."));
    }

    private static IEnumerable<string> FlagNames(FlagTable table)
    {
        foreach (var flag in table.Flags) yield return flag.Name;
    }
}

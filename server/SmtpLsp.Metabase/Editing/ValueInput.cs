using System.Globalization;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Editing;

/// <summary>A value typed by a user (command line, property sheet), checked and put in the form IIS writes.</summary>
public sealed record ValueInputResult(string? Text, string? Error)
{
    public bool Succeeded => Text != null;
}

public static class ValueInput
{
    /// <summary>
    /// DWORD: decimal, <c>0x</c> hex or <c>-1</c>, or flag names for a flag-table property, written as IIS does
    /// (names for a symbolic table, decimal otherwise). BOOL: TRUE/FALSE in any case. MULTISZ: one item per
    /// argument, joined with <paramref name="newLine"/> and IIS's three-TAB indent. Other types: one value as is.
    /// A number outside the schema's StartingNumber..EndingNumber, or with bits no flag or verb names, is refused
    /// unless <paramref name="checkRange"/> is off; unnamed bits in <paramref name="keptBits"/> (those the value has
    /// already, which a flag turned on or off keeps) are not.
    /// </summary>
    public static ValueInputResult Parse(PropertyInfo info, IReadOnlyList<string> values, string newLine, bool checkRange = true, uint keptBits = 0)
    {
        if (values.Count == 0) return new(null, $"{info.Name} needs a value");
        foreach (var item in values)
        {
            if (CharacterProblem(info, item) is { } problem) return new(null, problem);
        }
        if (info.Type == PropertyType.MultiSz) return new(string.Join(newLine + "\t\t\t", values), null);
        if (values.Count > 1) return new(null, $"{info.Name} is {TypeName(info.Type)} and takes one value, got {values.Count}");
        string value = values[0];
        switch (info.Type)
        {
            case PropertyType.Dword:
                return ParseDword(info, value, checkRange, keptBits);
            case PropertyType.Bool:
                if (BoolValue.TryParse(value, out bool b, out var boolError)) return new(BoolValue.Format(b), null);
                return new(null, boolError == BoolParseError.Numeric
                    ? $"'{value}' is not a BOOL: IIS writes {BoolValue.Format(b)}, not {value}"
                    : $"'{value}' is not a BOOL: expected TRUE or FALSE");
            default:
                return new(value, null);
        }
    }

    private static ValueInputResult ParseDword(PropertyInfo info, string value, bool checkRange, uint keptBits)
    {
        uint number;
        if (value.Length > 0 && value[0] is (>= '0' and <= '9') or '-')
        {
            if (!DwordValue.TryParse(value, allowHex: true, out number, out var error))
                return new(null, error == DwordParseError.OutOfRange
                    ? $"'{value}' is out of range for a DWORD (0..4294967295, or -1)"
                    : $"'{value}' is not a DWORD: expected a decimal number, 0x hex, or -1");
        }
        else if (info.Flags is { } table)
        {
            var resolved = FlagCodec.ResolveValue(info, value);
            if (resolved.Value is not { } n)
            {
                var unknown = resolved.Problems.FirstOrDefault(p => p.Kind == FlagValueProblemKind.UnknownName);
                return new(null, unknown != null
                    ? UnknownFlagMessage(info, unknown.Text)
                    : $"'{value}' is not a value of {info.Name}: expected flag names joined with ' | ' or a number");
            }
            number = n;
        }
        else
        {
            return new(null, $"'{value}' is not a DWORD: expected a decimal number, 0x hex, or -1");
        }
        // The same judgement as the analyzer's MB3005, MB3008 and MB3009: what set writes, check accepts.
        if (checkRange && info.IsOutsideRange(number))
            return new(null, $"{number} is outside the schema range of {info.Name}; expected {AnalysisText.Range(info)}");
        if (checkRange && (info.UnknownFlagBits(number) & ~keptBits) is var unnamed and not 0)
            return new(null, $"{number} sets bits no {(info.Flags!.Kind == FlagTableKind.Numeric ? "ESMTP verb" : "flag")} of {info.Name} defines: {AnalysisText.Bits(unnamed)}");
        return new(ValueEdits.FormatFlags(info, number, asNumber: info.Flags is not { Kind: FlagTableKind.Symbolic }), null);
    }

    /// <summary>
    /// Why the text cannot be written as it is: a character XML cannot hold at all, or a line break or TAB that
    /// would not read back as typed (MULTISZ items are one per line, after IIS's indent). Null when it can.
    /// </summary>
    private static string? CharacterProblem(PropertyInfo info, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair) { i++; continue; }
            if (c is < ' ' and not ('\t' or '\r' or '\n') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
                return $"the value holds the character U+{(int)c:X4} at {i + 1}, which XML cannot hold";
        }
        if (info.Type == PropertyType.MultiSz)
        {
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
                return $"a MULTISZ item cannot hold a line break: give each item of {info.Name} as a value of its own";
            if (value.Length > 0 && value[0] is ' ' or '\t')
                return $"a MULTISZ item cannot start with a space or TAB: {info.Name} reads them as the line's indent";
            return null;
        }
        if (value.AsSpan().IndexOfAny("\t\r\n") >= 0)
            return $"{info.Name} is {TypeName(info.Type)} and cannot hold a line break or TAB: an XML parser reads one in a value as a space";
        return null;
    }

    /// <summary>"unknown flag 'X' for P (did you mean Y?); known: A, B, C".</summary>
    public static string UnknownFlagMessage(PropertyInfo info, string name)
    {
        var names = info.Flags?.Flags.Select(f => f.Name).ToList() ?? [];
        var suggestions = NameSuggester.Closest(name, names, 1);
        string kind = info.Flags?.Kind == FlagTableKind.Numeric ? "verb" : "flag";
        return $"unknown {kind} '{name}' for {info.Name}" + (suggestions.Count > 0 ? $" (did you mean {suggestions[0]}?)" : "")
            + $"; known: {string.Join(", ", names)}";
    }

    public static string TypeName(PropertyType type) => type switch
    {
        PropertyType.Dword => "DWORD",
        PropertyType.String => "STRING",
        PropertyType.Bool => "BOOL",
        PropertyType.MultiSz => "MULTISZ",
        PropertyType.Binary => "BINARY",
        PropertyType.ExpandSz => "EXPANDSZ",
        PropertyType.IpSecList => "IPSECLIST",
        PropertyType.NtAcl => "NTACL",
        PropertyType.MimeMap => "MIMEMAP",
        PropertyType.Wstr => "WSTR",
        _ => "UNKNOWN",
    };
}

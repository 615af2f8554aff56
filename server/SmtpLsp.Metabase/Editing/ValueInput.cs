using System.Globalization;
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
    /// A number outside the schema's StartingNumber..EndingNumber is refused unless <paramref name="checkRange"/> is off.
    /// </summary>
    public static ValueInputResult Parse(PropertyInfo info, IReadOnlyList<string> values, string newLine, bool checkRange = true)
    {
        if (values.Count == 0) return new(null, $"{info.Name} needs a value");
        if (info.Type == PropertyType.MultiSz) return new(string.Join(newLine + "\t\t\t", values), null);
        if (values.Count > 1) return new(null, $"{info.Name} is {TypeName(info.Type)} and takes one value, got {values.Count}");
        string value = values[0];
        switch (info.Type)
        {
            case PropertyType.Dword:
                return ParseDword(info, value, checkRange);
            case PropertyType.Bool:
                if (BoolValue.TryParse(value, out bool b, out var boolError)) return new(BoolValue.Format(b), null);
                return new(null, boolError == BoolParseError.Numeric
                    ? $"'{value}' is not a BOOL: IIS writes {BoolValue.Format(b)}, not {value}"
                    : $"'{value}' is not a BOOL: expected TRUE or FALSE");
            default:
                return new(value, null);
        }
    }

    private static ValueInputResult ParseDword(PropertyInfo info, string value, bool checkRange)
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
        if (checkRange && (info.StartingNumber is { } min && number < min || info.EndingNumber is { } max && number > max))
            return new(null, $"{number} is outside the range of {info.Name} ({info.StartingNumber ?? 0}..{info.EndingNumber?.ToString(CultureInfo.InvariantCulture) ?? "4294967295"})");
        return new(ValueEdits.FormatFlags(info, number, asNumber: info.Flags is not { Kind: FlagTableKind.Symbolic }), null);
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

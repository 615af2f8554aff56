using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Features;

/// <summary>One named bit of a bitmask value: whether the value sets it and whether the default does.</summary>
public sealed record FlagState(FlagInfo Flag, bool IsSet, bool InDefault)
{
    public string Name => Flag.Name;
    public uint Value => Flag.Value;
}

/// <summary>One bit set in the IIS default that no public source names; shown, never named.</summary>
public sealed record UndocumentedBit(uint Value, bool IsSet);

/// <summary>What the value of a property means. Kind says which members are filled.</summary>
public enum ValueReportKind { Bitmask, OpaqueBitmask, Enum, Bool, Dword, MultiSz, Text }

/// <summary>
/// The structured decoding of one property value, shared by hover and <c>smtplsp decode</c> so the two never
/// disagree. Build it with <see cref="Create"/>; render with <see cref="ToPlainText"/> or <see cref="ToMarkdown"/>.
/// </summary>
public sealed partial class ValueReport
{
    public required PropertyInfo Property { get; init; }
    public required string RawValue { get; init; }
    public required ValueReportKind Kind { get; init; }

    /// <summary>The numeric value (DWORD kinds), or null when the text does not give one.</summary>
    public uint? Number { get; init; }

    /// <summary>Why the value could not be read (empty when it could).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The schema default as a number (DWORD kinds).</summary>
    public uint? Default { get; init; }

    public IReadOnlyList<FlagState> Flags { get; init; } = [];
    public IReadOnlyList<UndocumentedBit> UndocumentedBits { get; init; } = [];

    /// <summary>Set bits neither a flag nor the default's undocumented bits account for.</summary>
    public uint UnknownBits { get; init; }

    public IReadOnlyList<FlagInfo> EnabledVsDefault { get; init; } = [];
    public IReadOnlyList<FlagInfo> DisabledVsDefault { get; init; } = [];

    /// <summary>The verb lines an EHLO answer would carry for this value (inbound verb table only).</summary>
    public IReadOnlyList<string> EhloLines { get; init; } = [];

    /// <summary>The enum label or known-value label of the number, when the catalog has one.</summary>
    public string? Label { get; init; }

    public bool? BoolValue { get; init; }
    public IReadOnlyList<string> MultiSzItems { get; init; } = [];
    public IReadOnlyList<EnumValueInfo> KnownValues { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Decodes a value as written in a file, judged as the analyzer judges it (no space around a number, verb names not
    /// a number), or as typed on the command line when <paramref name="typed"/> (hex such as <c>0x7574C1</c>, verb
    /// names, spaces around it forgiven). Never throws.
    /// </summary>
    public static ValueReport Create(PropertyInfo property, string? rawValue, bool typed = false)
    {
        var raw = rawValue ?? string.Empty;
        if (typed) raw = raw.Trim();
        return property.Type switch
        {
            PropertyType.Dword when property.Flags is { } table => CreateBitmask(property, table, raw, typed),
            PropertyType.Dword when property.KnownValues.Count > 0 => CreateOpaque(property, raw, typed),
            PropertyType.Dword when property.EnumValues.Count > 0 => CreateDword(property, raw, typed, ValueReportKind.Enum),
            PropertyType.Dword => CreateDword(property, raw, typed, ValueReportKind.Dword),
            PropertyType.Bool => CreateBool(property, raw),
            PropertyType.MultiSz => new ValueReport
            {
                Property = property, RawValue = raw, Kind = ValueReportKind.MultiSz,
                MultiSzItems = MultiSzValue.Split(raw).Select(item => item.Text).ToList(),
            },
            _ => new ValueReport { Property = property, RawValue = raw, Kind = ValueReportKind.Text },
        };
    }

    private static ValueReport CreateBitmask(PropertyInfo property, FlagTable table, string raw, bool typed)
    {
        uint? number;
        var problems = new List<string>();
        if (typed && TryParseNumber(raw, typed, out var parsed)) number = parsed;
        else
        {
            var resolution = FlagCodec.ResolveValue(property, raw);
            number = resolution.Value;
            foreach (var problem in resolution.Problems)
                problems.Add(problem.Kind switch
                {
                    // The verb mask is stored as a number; names are read only from the command line.
                    FlagValueProblemKind.UnknownName when table.Kind == FlagTableKind.Numeric => $"'{problem.Text}' is not a number or a verb of {property.Name}",
                    FlagValueProblemKind.UnknownName => $"'{problem.Text}' is not a flag of {property.Name}",
                    FlagValueProblemKind.EmptyItem => "empty item between '|'",
                    FlagValueProblemKind.OutOfRange => DwordValue.DoesNotFit(problem.Text),
                    FlagValueProblemKind.Empty => "the value is empty",
                    _ => $"'{problem.Text}' is not a number",
                });
            // Verb names are for the command line: IIS reads the verb mask in a file as a decimal number only (MB3003).
            if (!typed && table.Kind == FlagTableKind.Numeric && !resolution.WasNumeric && number is { } meant)
                problems.Add($"'{raw}' is not a number; {property.Name} is stored as a decimal number, here {meant}");
        }
        uint? defaultValue = property.DefaultNumber;
        if (number is not { } value)
            return new ValueReport { Property = property, RawValue = raw, Kind = ValueReportKind.Bitmask, Problems = problems, Default = defaultValue };

        var decoding = FlagCodec.Decode(table, value, defaultValue);
        var flags = table.Flags
            .Where(f => f.Value != 0)
            .Select(f => new FlagState(f, (value & f.Value) == f.Value, defaultValue is { } d && (d & f.Value) == f.Value))
            .ToList();
        var undocumented = new List<UndocumentedBit>();
        for (int bit = 0; bit < 32; bit++)
        {
            uint mask = 1u << bit;
            if ((table.UndocumentedDefaultBits & mask) != 0) undocumented.Add(new UndocumentedBit(mask, (value & mask) != 0));
        }
        return new ValueReport
        {
            Property = property,
            RawValue = raw,
            Kind = ValueReportKind.Bitmask,
            Number = value,
            Problems = problems,
            Default = defaultValue,
            Flags = flags,
            UndocumentedBits = undocumented,
            UnknownBits = decoding.UnknownBits,
            EnabledVsDefault = decoding.EnabledVsDefault,
            DisabledVsDefault = decoding.DisabledVsDefault,
            EhloLines = EhloPreview.Lines(decoding.Set),
        };
    }

    private static ValueReport CreateOpaque(PropertyInfo property, string raw, bool typed)
    {
        bool ok = TryParseNumber(raw, typed, out var value);
        return new ValueReport
        {
            Property = property,
            RawValue = raw,
            Kind = ValueReportKind.OpaqueBitmask,
            Number = ok ? value : null,
            Problems = ok ? [] : [NotADword(raw, typed)],
            Default = property.DefaultNumber,
            Label = ok ? property.KnownValues.FirstOrDefault(k => k.Value == value)?.Label : null,
            KnownValues = property.KnownValues,
            Notes = ["No bit table is published for this property; only the known values are documented."],
        };
    }

    private static ValueReport CreateDword(PropertyInfo property, string raw, bool typed, ValueReportKind kind)
    {
        bool ok = TryParseNumber(raw, typed, out var value);
        string? label = ok ? property.EnumValues.FirstOrDefault(e => e.Value == value)?.Label : null;
        var notes = new List<string>();
        if (ok && value == uint.MaxValue) notes.Add("4294967295 (-1) is the metabase's \"unlimited\".");
        // The analyzer's MB3005, so decode and hover agree with check.
        string[] problems = !ok ? [NotADword(raw, typed)]
            : property.IsOutsideRange(value) ? [$"{value} is outside the schema range of {property.Name}; expected {Analysis.AnalysisText.Range(property)}"]
            : [];
        return new ValueReport
        {
            Property = property,
            RawValue = raw,
            Kind = kind,
            Number = ok ? value : null,
            Problems = problems,
            Default = property.DefaultNumber,
            Label = label,
            KnownValues = property.EnumValues,
            Notes = notes,
        };
    }

    private static ValueReport CreateBool(PropertyInfo property, string raw)
    {
        bool ok = Values.BoolValue.TryParse(raw, out bool value, out var error);
        var problems = error switch
        {
            BoolParseError.None => Array.Empty<string>(),
            BoolParseError.Numeric => [$"'{raw}' means {Values.BoolValue.Format(value)}, but IIS writes TRUE or FALSE"],
            BoolParseError.Empty => ["the value is empty"],
            _ => [$"'{raw}' is not TRUE or FALSE"],
        };
        return new ValueReport
        {
            Property = property,
            RawValue = raw,
            Kind = ValueReportKind.Bool,
            BoolValue = ok || error == BoolParseError.Numeric ? value : null,
            Problems = problems,
        };
    }

    private static bool TryParseNumber(string raw, bool typed, out uint value) =>
        DwordValue.TryParse(raw, typed, out value, out _);

    private static string NotADword(string raw, bool typed) =>
        DwordValue.TryParse(raw, typed, out _, out var error) || error != DwordParseError.OutOfRange ? $"'{raw}' is not a DWORD" : DwordValue.DoesNotFit(raw);
}

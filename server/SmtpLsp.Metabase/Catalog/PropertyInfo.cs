namespace SmtpLsp.Metabase.Catalog;

/// <summary>A metabase property: schema facts plus the overlay's curated facts.</summary>
public sealed class PropertyInfo
{
    public required string Name { get; init; }
    public required int Id { get; init; }
    public required PropertyType Type { get; init; }
    public string? UserType { get; init; }

    /// <summary>Raw schema Attributes text, e.g. <c>INHERIT | SECURE</c>.</summary>
    public string? Attributes { get; init; }
    public string? MetaFlags { get; init; }
    public string? MetaFlagsEx { get; init; }

    /// <summary>Raw schema DefaultValue (null when the schema has none).</summary>
    public string? SchemaDefault { get; init; }

    /// <summary>The schema default as a number (symbolic defaults encoded); DWORD only.</summary>
    public uint? DefaultNumber { get; init; }

    public InstalledDefaultInfo? InstalledDefault { get; init; }
    public long? StartingNumber { get; init; }

    /// <summary>Upper bound, or null when absent or 0 (0 means unbounded in MBSchema).</summary>
    public long? EndingNumber { get; init; }

    public FlagTable? Flags { get; init; }
    public IReadOnlyList<EnumValueInfo> EnumValues { get; init; } = [];

    /// <summary>Documented values without a bit table (SmtpOutboundCommandSupportOptions).</summary>
    public IReadOnlyList<EnumValueInfo> KnownValues { get; init; } = [];

    public SourcedText? Description { get; init; }

    /// <summary>The msExch* AD attribute Exchange's DS2MB copies into this property, or null.</summary>
    public string? ExchangeAdAttribute { get; init; }
    public string? ExchangeSource { get; init; }

    /// <summary>Key types whose schema allows this property.</summary>
    public IReadOnlyList<string> AllowedOn { get; init; } = [];

    /// <summary>
    /// True when a DWORD lies outside StartingNumber..EndingNumber. IIS writes the schema default and the
    /// "unlimited" alias 4294967295 (-1) even where the range would exclude them, so those never are.
    /// </summary>
    public bool IsOutsideRange(uint value) =>
        value != DefaultNumber && value != uint.MaxValue && (value < (StartingNumber ?? 0) || value > (EndingNumber ?? uint.MaxValue));

    /// <summary>
    /// The bits of a flag value no source names: for a schema flag table, bits outside its flags (none when the value
    /// is the schema default); for the ESMTP verb table, bits neither a verb nor an undocumented bit of the IIS default.
    /// 0 for a property without a table.
    /// </summary>
    public uint UnknownFlagBits(uint value) => Flags switch
    {
        null => 0,
        { Kind: FlagTableKind.Numeric } table => value & ~table.DefinedMask & ~table.UndocumentedDefaultBits,
        { } table => value == DefaultNumber ? 0 : value & ~table.DefinedMask,
    };

    public bool IsInherit => (AttributeBits & InheritBit) != 0;
    public bool IsSecure => (AttributeBits & SecureBit) != 0;
    public bool IsVolatile => (AttributeBits & VolatileBit) != 0;

    /// <summary>
    /// Index in the owning catalog's property list, for per-property tables (set by <see cref="MetabaseCatalog"/>).
    /// </summary>
    internal int Index { get; set; } = -1;

    private const int InheritBit = 1, SecureBit = 2, VolatileBit = 4, ComputedBit = 8;
    // Attributes is init-only, so its words are split once: analysis asks IsSecure for every property it checks.
    private int _attributeBits;

    private int AttributeBits
    {
        get
        {
            int bits = _attributeBits;
            if (bits == 0)
            {
                bits = ComputedBit;
                if (HasAttribute("INHERIT")) bits |= InheritBit;
                if (HasAttribute("SECURE")) bits |= SecureBit;
                if (HasAttribute("VOLATILE")) bits |= VolatileBit;
                _attributeBits = bits; // idempotent, so a race between threads only repeats the work
            }
            return bits;
        }
    }

    private bool HasAttribute(string name) =>
        Attributes is not null && Attributes.Split('|', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal);

    public override string ToString() => $"{Name} ({Id}, {Type})";
}

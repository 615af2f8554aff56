namespace SmtpLsp.Metabase.Catalog;

/// <summary>
/// Symbolic: the schema's own Flag children, written <c>A | B</c> in files. Numeric: a bit table from the overlay
/// (SmtpInboundCommandSupportOptions), written as a decimal number.
/// </summary>
public enum FlagTableKind { Symbolic, Numeric }

/// <summary>One named bit. <see cref="EhloLines"/> lists the EHLO lines a verb bit controls (empty for schema flags).</summary>
public sealed record FlagInfo(string Name, uint Value, int? Id, string Source, string Confidence, IReadOnlyList<string> EhloLines);

/// <summary>The named bits of a bitmask property, ordered by value.</summary>
public sealed class FlagTable
{
    public FlagTable(FlagTableKind kind, IEnumerable<FlagInfo> flags, uint undocumentedDefaultBits = 0)
    {
        Kind = kind;
        Flags = flags.OrderBy(f => f.Value).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        _names = Flags.Select(f => f.Name).ToArray();
        DefinedMask = Flags.Aggregate(0u, (mask, f) => mask | f.Value);
        // Bits a flag names are never "undocumented".
        UndocumentedDefaultBits = undocumentedDefaultBits & ~DefinedMask;
    }

    // The flags' names in Flags' order, for HasName: an array read instead of an interface call per flag.
    private readonly string[] _names;

    public FlagTableKind Kind { get; }
    public IReadOnlyList<FlagInfo> Flags { get; }

    /// <summary>Bits set in the IIS default that no public source names (shown as undocumented, never as errors).</summary>
    public uint UndocumentedDefaultBits { get; }

    public uint DefinedMask { get; }

    /// <summary>Verb tables match names case-insensitively (the service writes <c>8bitmime</c>); schema flag names are exact.</summary>
    public StringComparison NameComparison => Kind == FlagTableKind.Numeric ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Whether a flag is named exactly this (as <see cref="NameComparison"/> compares), without the verb table's
    /// TURN/ATRN alternatives: what the analysis asks for every item of every symbolic value.
    /// </summary>
    internal bool HasName(ReadOnlySpan<char> name)
    {
        var comparison = NameComparison;
        foreach (var candidate in _names)
        {
            if (candidate.Length == name.Length && name.Equals(candidate, comparison)) return true;
        }
        return false;
    }

    /// <summary>Finds a flag by name. In a verb table <c>TURN</c> or <c>ATRN</c> alone finds the shared TURN/ATRN bit.</summary>
    public FlagInfo? Find(string name)
    {
        foreach (var f in Flags)
            if (string.Equals(f.Name, name, NameComparison)) return f;
        if (Kind == FlagTableKind.Numeric)
        {
            foreach (var f in Flags)
                if (f.Name.Contains('/') && f.Name.Split('/').Any(part => string.Equals(part, name, StringComparison.OrdinalIgnoreCase)))
                    return f;
        }
        return null;
    }
}

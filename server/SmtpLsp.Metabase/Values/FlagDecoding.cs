using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Values;

/// <summary>A bitmask value explained against its flag table.</summary>
public sealed record FlagDecoding(
    uint Value,
    IReadOnlyList<FlagInfo> Set,
    IReadOnlyList<FlagInfo> Unset,
    uint UndocumentedDefaultBits,
    uint UnknownBits,
    IReadOnlyList<FlagInfo> EnabledVsDefault,
    IReadOnlyList<FlagInfo> DisabledVsDefault,
    uint? Default);

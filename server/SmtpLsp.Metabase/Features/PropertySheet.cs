using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Features;

/// <summary>One bit of a bitmask as a property sheet shows it (a checkbox, or a read-only undocumented bit).</summary>
public sealed record SheetFlag(string Name, uint Value, bool Set, bool Undocumented);

/// <summary>The bitmask part of a sheet row: the table's kind, the effective number, the default and every bit.</summary>
public sealed record SheetFlags(FlagTableKind Kind, uint? Number, uint? Default, IReadOnlyList<SheetFlag> Items);

/// <summary>One property row: effective value, where it comes from, and its bits for flag properties.</summary>
public sealed record SheetProperty(EffectiveValue Effective, SheetFlags? Flags);

/// <summary>The property sheet of one key (what smtpLsp/effectiveProperties returns), protocol-free.</summary>
public sealed record PropertySheetResult(MetabaseKey Key, IReadOnlyList<SheetProperty> Properties);

public static class PropertySheet
{
    /// <summary>The sheet for the first key at <paramref name="location"/> (case-insensitive), or null.</summary>
    public static PropertySheetResult? For(MetabaseModel model, MetabaseCatalog catalog, string location)
    {
        var keys = model.FindByLocation(location);
        if (keys.Count == 0) return null;
        var key = keys[0];
        var rows = EffectiveValues.For(model, key, catalog)
            .Select(value => new SheetProperty(value, FlagsOf(value)))
            .ToList();
        return new PropertySheetResult(key, rows);
    }

    private static SheetFlags? FlagsOf(EffectiveValue value)
    {
        if (value.Info is not { Type: PropertyType.Dword, Flags: { } table } info) return null;
        uint? number = value.Value is { } raw ? FlagCodec.ResolveValue(info, raw.Trim()).Value : null;
        uint bits = number ?? 0;
        var items = new List<SheetFlag>();
        foreach (var flag in table.Flags)
        {
            if (flag.Value != 0) items.Add(new SheetFlag(flag.Name, flag.Value, number != null && (bits & flag.Value) == flag.Value, false));
        }
        for (int bit = 0; bit < 32; bit++)
        {
            uint mask = 1u << bit;
            if ((table.UndocumentedDefaultBits & mask) != 0)
                items.Add(new SheetFlag($"undocumented 0x{mask:X}", mask, (bits & mask) != 0, true));
        }
        uint unknown = bits & ~table.DefinedMask & ~table.UndocumentedDefaultBits;
        if (unknown != 0) items.Add(new SheetFlag("unknown bits", unknown, true, true));
        return new SheetFlags(table.Kind, number, info.DefaultNumber, items);
    }
}

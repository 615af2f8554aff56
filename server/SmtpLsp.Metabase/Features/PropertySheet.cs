using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Incremental;
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

/// <summary>
/// The property sheet of one key (what smtpLsp/effectiveProperties returns), protocol-free: the key's element and its
/// name's span where they stand in the document.
/// </summary>
public sealed record PropertySheetResult(MetabaseKey Key, TextSpan Span, TextSpan SelectionSpan, IReadOnlyList<SheetProperty> Properties);

public static class PropertySheet
{
    /// <summary>The sheet for the first key at <paramref name="location"/> (case-insensitive), or null.</summary>
    public static PropertySheetResult? For(MetabaseModel model, MetabaseCatalog catalog, string location)
    {
        if (model.CountByLocation(location).First is not { } key) return null;
        var rows = EffectiveValues.For(model, key, catalog)
            .Select(value => new SheetProperty(value, FlagsOf(value)))
            .ToList();
        return new PropertySheetResult(key, model.Place(key, key.Element.Span), model.Place(key, Navigation.KeyTarget.SelectionOf(key)), rows);
    }

    /// <summary>
    /// The same on a version reached by keystrokes, without its whole parse (about 0.2 s on 50 MB, which a sheet
    /// refreshed after every change would wait for): the keys now (<see cref="CurrentKeys"/>) are the keys a whole
    /// parse gives, with the same text, and spans are placed where they now stand. False when the state keeps no
    /// earlier whole parse to read them from (its own is built, or it came from a full pass).
    /// </summary>
    public static bool TryFor(IncrementalState state, string location, out PropertySheetResult? sheet)
    {
        sheet = null;
        if (state.KeysNow is not { } model) return false;
        sheet = For(model, state.Catalog, location);
        return true;
    }

    private static SheetFlags? FlagsOf(EffectiveValue value)
    {
        if (value.Info is not { Type: PropertyType.Dword, Flags: { } table } info) return null;
        // Untrimmed, as check and hover read it: " 7697601" is not a number there, so no box can be ticked here either.
        uint? number = value.Value is { } raw ? FlagCodec.ResolveValue(info, raw).Value : null;
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

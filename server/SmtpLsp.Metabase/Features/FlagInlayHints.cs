using System.Globalization;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Features;

/// <summary>A short label shown at <see cref="Offset"/> (just after a value's closing quote).</summary>
public sealed record FlagHint(int Offset, string Label, string Tooltip);

/// <summary>
/// Inlay hints for bitmask values: a number gets the names of its set flags (<c>DSN | ETRN | … | 8BITMIME +
/// 0x56001</c>, the default's unnamed bits as one hex sum, others as <c>unknown 0x2</c>), a symbolic value gets its
/// number (<c>= 5</c>).
/// </summary>
public static class FlagInlayHints
{
    public const int MaxLabelLength = 48;

    /// <summary>Editors ask for the visible range; a whole-document request on a huge file stops here.</summary>
    public const int MaxHints = 5000;

    public static IReadOnlyList<FlagHint> Compute(MetabaseModel model, MetabaseCatalog catalog, TextSpan range)
    {
        var hints = new List<FlagHint>();
        var keys = model.Keys;
        for (int i = FirstKeyEndingAtOrAfter(keys, range.Start); i < keys.Count && hints.Count < MaxHints; i++)
        {
            var key = keys[i];
            var extent = key.Element.Span;
            if (extent.Start > range.End) break;
            if (extent.End < range.Start) continue;
            // The attribute table, not key.Properties: a whole-document request walks thousands of keys, and their
            // property objects would be made and kept for each of them.
            var element = key.Element;
            for (int a = 0; a < element.AttributeCount; a++)
            {
                var attribute = element.AttributeAt(a);
                if (!attribute.HasValue || attribute.Quote == '\0' || !attribute.IsValueTerminated) continue;
                int offset = attribute.ValueSpan.End + 1; // after the closing quote
                if (offset < range.Start || offset > range.End) continue;
                if (MetabaseKey.IsLocationName(attribute.Name)) continue;
                if (catalog.FindProperty(attribute.Name) is not { Type: PropertyType.Dword, Flags: { } table } info) continue;
                // Decoded, as check and hover read it (a character reference in a number).
                if (Label(info, table, attribute.Value) is { } hint) hints.Add(new FlagHint(offset, hint.Label, hint.Tooltip));
            }
        }
        return hints;
    }

    // Keys are in document order, so the first key that can touch the range is found by binary search.
    private static int FirstKeyEndingAtOrAfter(IReadOnlyList<MetabaseKey> keys, int offset)
    {
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].Element.Span.Start + keys[mid].Element.Span.Length < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static (string Label, string Tooltip)? Label(PropertyInfo info, FlagTable table, string raw)
    {
        var resolved = FlagCodec.ResolveValue(info, raw);
        if (resolved.Value is not { } value) return null;
        if (!resolved.WasNumeric)
        {
            string number = value.ToString(CultureInfo.InvariantCulture);
            return ("= " + number, $"{info.Name} = {number} (0x{value:X})");
        }
        var names = new List<string>();
        uint covered = 0;
        foreach (var flag in table.Flags)
        {
            if (flag.Value == 0 || (value & flag.Value) != flag.Value || (covered & flag.Value) == flag.Value) continue;
            names.Add(flag.Name);
            covered |= flag.Value;
        }
        string rest = Unnamed(table, value & ~covered);
        string full = string.Join(" | ", names) + (rest.Length > 0 ? $"{(names.Count > 0 ? " + " : "")}{rest}" : "");
        if (full.Length == 0) full = "none";
        return (Shorten(names, rest, full), full);
    }

    /// <summary>
    /// The bits no name covers, as hover keeps them apart: the IIS default's undocumented ones, harmless, as one hex
    /// sum, and any others (MB3008, MB3009) after "unknown".
    /// </summary>
    private static string Unnamed(FlagTable table, uint bits)
    {
        uint undocumented = bits & table.UndocumentedDefaultBits;
        uint unknown = bits & ~undocumented;
        string text = undocumented != 0 ? $"0x{undocumented:X}" : "";
        if (unknown != 0) text += (text.Length > 0 ? " + " : "") + $"unknown 0x{unknown:X}";
        return text;
    }

    /// <summary>Keeps the first names and the last one around an ellipsis, so the hint never runs off the screen.</summary>
    private static string Shorten(List<string> names, string rest, string full)
    {
        if (full.Length <= MaxLabelLength) return full;
        string tail = (names.Count > 0 ? names[^1] : "") + (rest.Length > 0 ? $" + {rest}" : "");
        var head = new List<string>();
        int length = tail.Length + " | … | ".Length;
        for (int i = 0; i < names.Count - 1; i++)
        {
            if (length + names[i].Length + 3 > MaxLabelLength && head.Count > 0) break;
            head.Add(names[i]);
            length += names[i].Length + 3;
        }
        // Names left out of the middle, when that leaves one out at all and fits.
        if (head.Count < names.Count - 1 && head.Count > 0 && string.Join(" | ", head) + " | … | " + tail is var shortened
            && shortened.Length <= MaxLabelLength) return shortened;
        // Even one leading name does not fit beside the tail: keep the tail alone.
        return tail.Length + 2 <= MaxLabelLength ? "… " + tail : tail[..(MaxLabelLength - 1)] + "…";
    }
}

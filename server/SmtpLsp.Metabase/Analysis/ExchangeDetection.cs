using System.Buffers;
using System.Collections.Concurrent;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>What Exchange detection reads from a key above an SMTP server: its Location and whether it has Custom elements.</summary>
internal readonly record struct SmtpAncestor(string? Location, bool HasCustom);

/// <summary>Why an SMTP virtual server looks Exchange-managed; <see cref="IsManaged"/> when the evidence is enough.</summary>
public sealed record ExchangeVerdict(bool IsManaged, IReadOnlyList<string> Reasons);

/// <summary>
/// Weighs the catalog's Exchange signals for one IIsSmtpServer key. No signal is proof alone, so one strong signal
/// (mailroot "vsi N" path, Custom elements in SmtpSvc keys) or two medium ones (Exchange default values) are needed.
/// </summary>
public static class ExchangeDetection
{
    // Vectorised case-insensitive searches, one per path pattern: under invariant globalization a Contains with
    // OrdinalIgnoreCase is a scalar loop, and every attribute of every SMTP server is searched.
    private static readonly ConcurrentDictionary<string, SearchValues<string>> PathSearches = new();

    public static ExchangeVerdict Evaluate(MetabaseModel model, MetabaseKey server, ExchangeFacts facts) =>
        Evaluate(server, facts, location => model.FindByLocation(location) is { Count: > 0 } keys
            ? new SmtpAncestor(keys[0].Location, keys[0].HasCustomProperties)
            : null);

    /// <summary>
    /// The same verdict with the keys above the server given by <paramref name="firstKeyAt"/> (the first key at a
    /// path, or null), so the incremental analyzer can judge one server without a model of the whole file.
    /// </summary>
    internal static ExchangeVerdict Evaluate(MetabaseKey server, ExchangeFacts facts, Func<string, SmtpAncestor?> firstKeyAt)
    {
        int strong = 0, medium = 0;
        var reasons = new List<string>();
        foreach (var signal in facts.Signals)
        {
            int hits = signal.Kind switch
            {
                "mailrootPath" => MailrootPath(server, signal, reasons),
                "customInSmtpKey" => CustomInSmtpKey(server, firstKeyAt, reasons),
                "exchangeDefaultValues" => DefaultValues(server, signal, reasons),
                _ => 0, // weak or unknown kinds are not weighed
            };
            if (signal.Strength == "strong") strong += hits;
            else if (signal.Strength == "medium") medium += hits;
        }
        return new ExchangeVerdict(strong >= 1 || medium >= 2, reasons);
    }

    private static int MailrootPath(MetabaseKey server, ExchangeSignal signal, List<string> reasons)
    {
        if (string.IsNullOrEmpty(signal.PathPattern)) return 0;
        // The element's attributes, not server.Properties: every SMTP server is judged, and the property list would
        // then be built and kept for each of them.
        var search = PathSearches.GetOrAdd(signal.PathPattern, static p => SearchValues.Create([p], StringComparison.OrdinalIgnoreCase));
        var element = server.Element;
        for (int i = 0; i < element.AttributeCount; i++)
        {
            var attribute = element.AttributeAt(i);
            if (MetabaseKey.IsLocationName(attribute.Name)) continue;
            if (DecodedValue(attribute, out _).IndexOfAny(search) >= 0)
            {
                reasons.Add($"{attribute.Name} is under an Exchange mailroot 'vsi N' folder");
                return 1;
            }
        }
        return 0;
    }

    private static int CustomInSmtpKey(MetabaseKey server, Func<string, SmtpAncestor?> firstKeyAt, List<string> reasons)
    {
        if (!IsSmtpSvcKey(server)) return 0;
        if (server.HasCustomProperties)
        {
            reasons.Add($"<Custom> elements in {server.Location}");
            return 1;
        }
        // /LM/SmtpSvc is the last key that still belongs to the SMTP service.
        var location = server.Location;
        while (LocationPath.GetParent(location) is { } parent && IsSmtpSvcPath(parent))
        {
            if (firstKeyAt(parent) is not { Location: { } found } ancestor || !IsSmtpSvcPath(found)) break;
            if (ancestor.HasCustom)
            {
                reasons.Add($"<Custom> elements in {found}");
                return 1;
            }
            location = found;
        }
        return 0;
    }

    private static int DefaultValues(MetabaseKey server, ExchangeSignal signal, List<string> reasons)
    {
        int hits = 0;
        foreach (var pair in signal.Values)
        {
            if (server.FindPropertyAttribute(pair.Key) is { } attribute && DecodedValue(attribute, out _).SequenceEqual(pair.Value))
            {
                reasons.Add($"{pair.Key}={pair.Value} as Exchange sets it");
                hits++;
            }
        }
        return hits;
    }

    /// <summary>The entity-decoded value: the raw text itself when it has no '&amp;', so most values cut no string.</summary>
    private static ReadOnlySpan<char> DecodedValue(in AttributeView attribute, out string? decoded)
    {
        var raw = attribute.RawValueSpan;
        decoded = raw.Contains('&') ? attribute.Value : null;
        return decoded ?? raw;
    }

    private static bool IsSmtpSvcKey(MetabaseKey key) => key.HasLocation && ParentKeyRules.IsAncestorOrSelf("/LM/SmtpSvc", key.LocationText);

    internal static bool IsSmtpSvcPath(string location) =>
        ParentKeyRules.IsAncestorOrSelf("/LM/SmtpSvc", location);
}

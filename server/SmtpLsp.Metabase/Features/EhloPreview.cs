using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Features;

/// <summary>The EHLO verb lines a set of inbound verb bits produces, in the order the SMTP service sends them.</summary>
public static class EhloPreview
{
    // The service's order from KB257569 / TechNet bb124688 (research §6), verbs of other settings left out.
    private static readonly string[] ServiceOrder = ["TURN", "ATRN", "ETRN", "DSN", "ENHANCEDSTATUSCODES", "8bitmime", "BINARYMIME", "CHUNKING"];

    /// <summary>Lines as the server writes them (<c>250-DSN</c>); empty when no set flag names an EHLO line.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<FlagInfo> setFlags)
    {
        var verbs = setFlags.SelectMany(f => f.EhloLines).Distinct(StringComparer.Ordinal).ToList();
        return verbs
            .OrderBy(v => Rank(v))
            .Select(v => "250-" + v)
            .ToList();
    }

    private static int Rank(string verb)
    {
        int index = Array.FindIndex(ServiceOrder, v => string.Equals(v, verb, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? ServiceOrder.Length : index;
    }
}

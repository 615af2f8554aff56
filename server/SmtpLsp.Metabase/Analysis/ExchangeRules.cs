using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// MB5001: on an SMTP virtual server that looks Exchange-managed, each property Exchange's DS2MB owns is rewritten
/// from Active Directory, so editing it in the metabase does not last.
/// </summary>
public static class ExchangeRules
{
    public static void Analyze(MetabaseModel model, MetabaseCatalog catalog, ICollection<MetabaseDiagnostic> sink) =>
        Analyze(model, SmtpServers(model), catalog, sink);

    /// <summary>The same for the model's <see cref="SmtpServers"/>, when the caller needs that list too.</summary>
    internal static void Analyze(MetabaseModel model, IReadOnlyList<MetabaseKey> servers, MetabaseCatalog catalog, ICollection<MetabaseDiagnostic> sink)
    {
        var facts = catalog.Exchange;
        if (facts.AdAttributeByProperty.Count == 0) return;
        for (int i = 0; i < servers.Count; i++)
        {
            // Detection reads every value of a server's start tag (about 1,000 characters), which a large file's
            // parse left in memory long ago.
            if (i + ServersAhead < servers.Count) TextPrefetch.HintStartTag(servers[i + ServersAhead].Element, ServerTagChars);
            AnalyzeServer(servers[i], ExchangeDetection.Evaluate(model, servers[i], facts), facts, sink);
        }
    }

    /// <summary>The IIsSmtpServer keys in document order: the only keys Exchange detection judges.</summary>
    internal static List<MetabaseKey> SmtpServers(MetabaseModel model)
    {
        var servers = new List<MetabaseKey>();
        foreach (var key in model.Keys)
        {
            if (key.KeyType == SmtpServerType) servers.Add(key);
        }
        return servers;
    }

    internal const string SmtpServerType = "IIsSmtpServer";
    private const int ServersAhead = 2;
    private const int ServerTagChars = 2048;

    /// <summary>The MB5001 hints of one server, given its verdict.</summary>
    internal static void AnalyzeServer(MetabaseKey key, ExchangeVerdict verdict, ExchangeFacts facts, ICollection<MetabaseDiagnostic> sink)
    {
        if (!verdict.IsManaged) return;
        var why = Summary(verdict.Reasons);
        foreach (var property in key.Properties)
        {
            if (facts.AdAttributeFor(property.Name) is { } adAttribute)
                sink.Add(Owned(property.Name, property.NameSpan, adAttribute, why, facts));
        }
        foreach (var custom in key.CustomProperties)
        {
            if (custom.Name is { } name && custom.NameAttribute is { } attribute && facts.AdAttributeFor(name) is { } adAttribute)
                sink.Add(Owned(name, attribute.ValueSpan, adAttribute, why, facts));
        }
    }

    // Two reasons are enough to be convincing; the full list would repeat on every owned property.
    private static string Summary(IReadOnlyList<string> reasons) =>
        reasons.Count <= 2 ? string.Join("; ", reasons) : $"{reasons[0]}; {reasons[1]}; and {reasons.Count - 2} more signs";

    private static MetabaseDiagnostic Owned(string property, TextSpan span, string adAttribute, string why, ExchangeFacts facts) =>
        new(DiagnosticCodes.ExchangeManaged, DiagnosticSeverity.Information, span,
            $"{property} is owned by Exchange: this virtual server looks Exchange-managed ({why}). The Exchange metabase update service (DS2MB) " +
            $"rewrites it from the Active Directory attribute {adAttribute} every {facts.SyncIntervalMinutes} minutes; " +
            "change it in Exchange System Manager or with ADSI Edit instead.")
        {
            FixData = adAttribute,
        };
}

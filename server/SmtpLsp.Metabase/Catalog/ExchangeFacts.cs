namespace SmtpLsp.Metabase.Catalog;

/// <summary>A heuristic that a virtual server is managed by Exchange (DS2MB). None is proof alone.</summary>
public sealed record ExchangeSignal(
    string Kind,
    string Strength,
    string Text,
    string? PathPattern,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    string Source,
    string Confidence);

/// <summary>What Exchange 2000/2003 does to SMTP metabase settings and how to recognise an Exchange-managed server.</summary>
public sealed class ExchangeFacts
{
    public ExchangeFacts(SourcedText syncAgent, int syncIntervalMinutes, SourcedText syncInterval, SourcedText changeInstead,
        IReadOnlyList<ExchangeSignal> signals, IReadOnlyDictionary<string, string> adAttributeByProperty)
    {
        SyncAgent = syncAgent;
        SyncIntervalMinutes = syncIntervalMinutes;
        SyncInterval = syncInterval;
        ChangeInstead = changeInstead;
        Signals = signals;
        AdAttributeByProperty = adAttributeByProperty;
    }

    public SourcedText SyncAgent { get; }
    public int SyncIntervalMinutes { get; }
    public SourcedText SyncInterval { get; }
    public SourcedText ChangeInstead { get; }
    public IReadOnlyList<ExchangeSignal> Signals { get; }

    /// <summary>Metabase property name → the msExch* AD attribute DS2MB copies into it.</summary>
    public IReadOnlyDictionary<string, string> AdAttributeByProperty { get; }

    public string? AdAttributeFor(string propertyName) => AdAttributeByProperty.GetValueOrDefault(propertyName);
}

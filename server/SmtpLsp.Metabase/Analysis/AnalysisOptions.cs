namespace SmtpLsp.Metabase.Analysis;

/// <summary>Switches for <see cref="MetabaseAnalyzer"/>.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Report MB5001 on properties of Exchange-managed SMTP virtual servers.</summary>
    public bool ExchangeHints { get; init; } = true;
}

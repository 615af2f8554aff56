namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Settings from <c>initializationOptions</c> and the <c>smtpLsp</c> configuration section (same keys in both):
/// <c>schemaPath</c> (string), <c>exchangeHints</c> (bool), <c>diagnosticsDebounceMs</c> (int, default 200),
/// <c>inlayHints</c> (bool), <c>forceMetabase</c> (true, or a list of URI globs such as <c>"**/*.mbx"</c>,
/// to treat documents as metabase files even when their content does not look like one),
/// <c>maxDocumentSizeForFullAnalysis</c> (int, UTF-16 characters, default 64 Mi): a larger document gets only
/// syntax diagnostics and no hover, completion or other per-document features, and one <c>window/showMessage</c>
/// says so, so that a huge file cannot stall the editor.
/// </summary>
public sealed record ServerSettings
{
    public const int DefaultDiagnosticsDebounceMs = 200;
    public const int DefaultMaxDocumentSizeForFullAnalysis = 64 * 1024 * 1024;

    public static ServerSettings Default { get; } = new();

    public string? SchemaPath { get; init; }
    public bool ExchangeHints { get; init; } = true;
    public int DiagnosticsDebounceMs { get; init; } = DefaultDiagnosticsDebounceMs;
    public bool InlayHints { get; init; } = true;
    public bool ForceMetabaseAll { get; init; }
    public IReadOnlyList<string> ForceMetabaseGlobs { get; init; } = [];
    public int MaxDocumentSizeForFullAnalysis { get; init; } = DefaultMaxDocumentSizeForFullAnalysis;

    public bool IsTooLargeForFullAnalysis(int length) => length > MaxDocumentSizeForFullAnalysis;

    public bool IsForcedMetabase(string uri) =>
        ForceMetabaseAll || ForceMetabaseGlobs.Any(glob => UriGlob.IsMatch(glob, uri));
}

namespace SmtpLsp.Server.Lsp.Protocol;

public sealed record PublishDiagnosticsParams
{
    public string Uri { get; init; } = "";
    public int? Version { get; init; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}

public sealed record Diagnostic
{
    public Range Range { get; init; }
    public int? Severity { get; init; }
    [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public string Message { get; init; } = "";
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    /// <summary>
    /// Where the diagnostic is in the text it was published for ("start:length", UTF-16 offsets). Clients send it
    /// back unchanged, so a quick fix is found even by a client that reads the range in other units (Neovim 0.7 reads
    /// UTF-16 columns as bytes on a line with non-ASCII text before the diagnostic).
    /// </summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
    public string? Data { get; init; }
}

public sealed record CodeDescription
{
    public string Href { get; init; } = "";
}

public sealed record DiagnosticRelatedInformation
{
    public Location Location { get; init; } = new();
    public string Message { get; init; } = "";
}

public sealed record DocumentDiagnosticsParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}

public sealed record DocumentDiagnosticsResult
{
    public string Uri { get; init; } = "";
    public int Version { get; init; }
    public bool IsMetabase { get; init; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}

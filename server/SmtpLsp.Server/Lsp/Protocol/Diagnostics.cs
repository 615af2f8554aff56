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
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public string Message { get; init; } = "";
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
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

namespace SmtpLsp.Server.Lsp.Protocol;

/// <summary>The client's options are read but not used: IIS's layout (TABs) is the only correct one.</summary>
public sealed record FormattingOptions
{
    public int TabSize { get; init; }
    public bool InsertSpaces { get; init; }
}

public sealed record DocumentFormattingParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public FormattingOptions Options { get; init; } = new();
}

public sealed record DocumentRangeFormattingParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Range Range { get; init; }
    public FormattingOptions Options { get; init; } = new();
}

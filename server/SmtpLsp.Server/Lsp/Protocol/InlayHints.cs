namespace SmtpLsp.Server.Lsp.Protocol;

public sealed record InlayHintParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Range Range { get; init; }
}

public sealed record InlayHint
{
    public Position Position { get; init; }
    public string Label { get; init; } = "";
    public string? Tooltip { get; init; }
    public bool? PaddingLeft { get; init; }
}

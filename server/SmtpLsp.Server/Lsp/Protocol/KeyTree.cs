namespace SmtpLsp.Server.Lsp.Protocol;

// smtpLsp/keyChildren, exactly as docs/protocol.md describes it.

public sealed record KeyChildrenParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    // Null for the keys at the top.
    public string? Location { get; init; }
    public int Start { get; init; }
}

public sealed record KeyChildrenResult
{
    public IReadOnlyList<KeyTreeEntry> Keys { get; init; } = [];
    public int Total { get; init; }
}

public sealed record KeyTreeEntry
{
    public string Name { get; init; } = "";
    public string? Location { get; init; }
    public string KeyType { get; init; } = "";
    public Range Range { get; init; }
    public Range SelectionRange { get; init; }
    public int ChildCount { get; init; }
}

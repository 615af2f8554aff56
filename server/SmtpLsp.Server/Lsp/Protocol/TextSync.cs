namespace SmtpLsp.Server.Lsp.Protocol;

public sealed record DidOpenTextDocumentParams
{
    public TextDocumentItem TextDocument { get; init; } = new();
}

public sealed record DidChangeTextDocumentParams
{
    public VersionedTextDocumentIdentifier TextDocument { get; init; } = new();
    public IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; init; } = [];
}

/// <summary>An incremental change when <see cref="Range"/> is set, otherwise the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent
{
    public Range? Range { get; init; }
    [System.Text.Json.Serialization.JsonConverter(typeof(DocumentTextConverter))]
    public string Text { get; init; } = "";
}

public sealed record DidCloseTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}

namespace SmtpLsp.Server.Lsp.Protocol;

// Shared LSP structures. Shapes follow LSP 3.17; camelCase and null omission come from LspJson.

public readonly record struct Position(int Line, int Character);

public readonly record struct Range(Position Start, Position End);

public sealed record Location
{
    public string Uri { get; init; } = "";
    public Range Range { get; init; }
}

/// <summary>A request about one document; a request without its uri is answered as invalid params, not run.</summary>
public interface IDocumentRequest
{
    string? DocumentUri { get; }
}

public sealed record TextDocumentIdentifier
{
    public string Uri { get; init; } = "";
}

public sealed record VersionedTextDocumentIdentifier
{
    public string Uri { get; init; } = "";
    public int Version { get; init; }
}

public sealed record TextDocumentItem
{
    public string Uri { get; init; } = "";
    public string LanguageId { get; init; } = "";
    public int Version { get; init; }
    [System.Text.Json.Serialization.JsonConverter(typeof(DocumentTextConverter))]
    public string Text { get; init; } = "";
}

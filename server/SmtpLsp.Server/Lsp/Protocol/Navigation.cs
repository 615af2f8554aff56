namespace SmtpLsp.Server.Lsp.Protocol;

// Outline, workspace symbols, folding, selection ranges, definition and references.

/// <summary>LSP SymbolKind numbers the server uses (see <see cref="SmtpLsp.Server.Lsp.LspConversions.ToSymbolKind"/>).</summary>
public static class SymbolKind
{
    public const int Module = 2;
    public const int Namespace = 3;
    public const int Class = 5;
    public const int Object = 19;
}

public sealed record DocumentSymbolParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}

public sealed record DocumentSymbol
{
    public string Name { get; init; } = "";
    public string? Detail { get; init; }
    public int Kind { get; init; }
    public Range Range { get; init; }
    public Range SelectionRange { get; init; }
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

public sealed record WorkspaceSymbolParams
{
    public string Query { get; init; } = "";
}

public sealed record SymbolInformation
{
    public string Name { get; init; } = "";
    public int Kind { get; init; }
    public Location Location { get; init; } = new();
    public string? ContainerName { get; init; }
}

public sealed record FoldingRangeParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}

public static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Region = "region";
}

public sealed record FoldingRange
{
    public int StartLine { get; init; }
    public int EndLine { get; init; }
    public string? Kind { get; init; }
}

public sealed record SelectionRangeParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public IReadOnlyList<Position> Positions { get; init; } = [];
}

public sealed record SelectionRange
{
    public Range Range { get; init; }
    public SelectionRange? Parent { get; init; }
}

public sealed record DefinitionParams : TextDocumentPositionParams;

public sealed record ReferenceParams : TextDocumentPositionParams
{
    public ReferenceContext Context { get; init; } = new();
}

public sealed record ReferenceContext
{
    public bool IncludeDeclaration { get; init; }
}

public sealed record ShowMessageParams
{
    public int Type { get; init; }
    public string Message { get; init; } = "";
}

using System.Text.Json;

namespace SmtpLsp.Server.Lsp.Protocol;

public sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public string? RootUri { get; init; }
    public ClientCapabilities? Capabilities { get; init; }
    public JsonElement? InitializationOptions { get; init; }
    public string? Trace { get; init; }
    public ClientInfo? ClientInfo { get; init; }
}

public sealed record ClientInfo
{
    public string Name { get; init; } = "";
    public string? Version { get; init; }
}

/// <summary>Only the client capabilities the server reads; everything else is ignored on purpose.</summary>
public sealed record ClientCapabilities
{
    public GeneralClientCapabilities? General { get; init; }
    public TextDocumentClientCapabilities? TextDocument { get; init; }
    public WorkspaceClientCapabilities? Workspace { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    public RefreshClientCapabilities? InlayHint { get; init; }
}

public sealed record RefreshClientCapabilities
{
    public bool? RefreshSupport { get; init; }
}

public sealed record TextDocumentClientCapabilities
{
    public HoverClientCapabilities? Hover { get; init; }
    public CompletionClientCapabilities? Completion { get; init; }
}

public sealed record HoverClientCapabilities
{
    public IReadOnlyList<string>? ContentFormat { get; init; }
}

public sealed record CompletionClientCapabilities
{
    public CompletionItemClientCapabilities? CompletionItem { get; init; }
}

public sealed record CompletionItemClientCapabilities
{
    public bool? SnippetSupport { get; init; }
}

public sealed record GeneralClientCapabilities
{
    public IReadOnlyList<string>? PositionEncodings { get; init; }
}

public sealed record InitializeResult
{
    public ServerCapabilities Capabilities { get; init; } = new();
    public ServerInfo? ServerInfo { get; init; }
}

public sealed record ServerInfo
{
    public string Name { get; init; } = "";
    public string? Version { get; init; }
}

/// <summary>What the server advertises. Built only by <see cref="SmtpLsp.Server.Lsp.ServerCapabilitiesFactory"/>.</summary>
public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public bool? HoverProvider { get; init; }
    public CompletionOptions? CompletionProvider { get; init; }
    public bool? DefinitionProvider { get; init; }
    public bool? ReferencesProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public bool? DocumentFormattingProvider { get; init; }
    public bool? DocumentRangeFormattingProvider { get; init; }
    public bool? FoldingRangeProvider { get; init; }
    public bool? SelectionRangeProvider { get; init; }
    public bool? InlayHintProvider { get; init; }
    public bool? WorkspaceSymbolProvider { get; init; }
}

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public sealed record TextDocumentSyncOptions
{
    public bool? OpenClose { get; init; }
    public int? Change { get; init; }
}

public sealed record CompletionOptions
{
    public IReadOnlyList<string>? TriggerCharacters { get; init; }
    public bool? ResolveProvider { get; init; }
}

public sealed record SetTraceParams
{
    public string Value { get; init; } = "off";
}

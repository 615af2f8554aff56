namespace SmtpLsp.Server.Lsp.Protocol;

/// <summary>Every JSON-RPC method name the server handles or sends, in one place.</summary>
internal static class Methods
{
    // Lifecycle
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string SetTrace = "$/setTrace";

    // Text synchronisation
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";

    // Language features
    public const string Hover = "textDocument/hover";
    public const string Completion = "textDocument/completion";
    public const string CodeAction = "textDocument/codeAction";
    public const string InlayHint = "textDocument/inlayHint";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    public const string FoldingRange = "textDocument/foldingRange";
    public const string SelectionRange = "textDocument/selectionRange";
    public const string Definition = "textDocument/definition";
    public const string References = "textDocument/references";
    public const string Formatting = "textDocument/formatting";
    public const string RangeFormatting = "textDocument/rangeFormatting";

    // Workspace
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string WorkspaceSymbol = "workspace/symbol";

    // Server -> client
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string LogMessage = "window/logMessage";
    public const string ShowMessage = "window/showMessage";
    public const string InlayHintRefresh = "workspace/inlayHint/refresh";

    // SmtpLsp extensions
    /// <summary>Analyse an open document now and return its diagnostics (scripts, tests, client commands).</summary>
    public const string DocumentDiagnostics = "smtpLsp/documentDiagnostics";

    /// <summary>Read a file the editor cannot sync (VS Code shares none over 50 MB) from disk, as a read-only open document.</summary>
    public const string OpenFromDisk = "smtpLsp/openFromDisk";

    /// <summary>The property sheet of one key: effective values, origins and bits (docs/protocol.md).</summary>
    public const string EffectiveProperties = "smtpLsp/effectiveProperties";

    /// <summary>A WorkspaceEdit that stores one property value (docs/protocol.md).</summary>
    public const string SetPropertyValue = "smtpLsp/setPropertyValue";

    /// <summary>One page of one level of the key tree, for a tree view that loads what it shows (docs/protocol.md).</summary>
    public const string KeyChildren = "smtpLsp/keyChildren";
}

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

    // Workspace
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";

    // Server -> client
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string LogMessage = "window/logMessage";
    public const string ShowMessage = "window/showMessage";

    // SmtpLsp extensions
    /// <summary>Analyse an open document now and return its diagnostics (scripts, tests, client commands).</summary>
    public const string DocumentDiagnostics = "smtpLsp/documentDiagnostics";
}

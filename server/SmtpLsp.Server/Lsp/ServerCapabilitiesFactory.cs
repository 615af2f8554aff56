using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>The single place that decides what the server advertises: one line per implemented feature.</summary>
public static class ServerCapabilitiesFactory
{
    public const string Utf16 = "utf-16";

    public static ServerCapabilities Create(ClientCapabilities? client) => new()
    {
        PositionEncoding = NegotiatePositionEncoding(client),
        TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental },
        HoverProvider = true,
        // '<' starts a key, ' ' a property after the previous one, '|' the next flag, '"' a value.
        CompletionProvider = new CompletionOptions { TriggerCharacters = ["<", " ", "|", "\""] },
        DefinitionProvider = true,
        ReferencesProvider = true,
        DocumentSymbolProvider = true,
        CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        DocumentFormattingProvider = true,
        DocumentRangeFormattingProvider = true,
        FoldingRangeProvider = true,
        SelectionRangeProvider = true,
        InlayHintProvider = true,
        WorkspaceSymbolProvider = true,
    };

    // Documents are held as UTF-16 strings, and every client must support utf-16, so it is the only answer.
    public static string NegotiatePositionEncoding(ClientCapabilities? client) => Utf16;
}

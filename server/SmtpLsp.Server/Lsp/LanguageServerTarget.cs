using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// The JSON-RPC target: one partial file per feature (Lifecycle, TextSync, Diagnostics, Configuration, Logging).
/// Handlers only map protocol to the core; public members without <see cref="JsonRpcMethodAttribute"/> are marked
/// <see cref="JsonRpcIgnoreAttribute"/> so clients cannot call them.
/// </summary>
public sealed partial class LanguageServerTarget
{
    private readonly JsonRpc _rpc;
    private readonly ILanguageCore _core;
    private readonly TextWriter _log;

    // Guards lifecycle state, documents and settings; handlers and background analyses both touch them.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);

    private readonly ServerRequestLedger _requests;

    public LanguageServerTarget(JsonRpc rpc, ILanguageCore core, TextWriter log, ServerRequestLedger? requests = null)
    {
        _requests = requests ?? new ServerRequestLedger();
        _rpc = rpc;
        _core = core;
        _log = log;
        _settingsChangedHandlers.Add(OnInlayHintSettingChanged);
    }

    private sealed class OpenDocument(DocumentSnapshot snapshot)
    {
        public DocumentSnapshot Snapshot { get; set; } = snapshot;
        public CancellationTokenSource? Analysis { get; set; }
        public bool HasPublishedDiagnostics { get; set; }
        /// <summary>The version and list last sent, so the same list is not sent again for the same text.</summary>
        public DocumentSnapshot? PublishedSnapshot { get; set; }
        public IReadOnlyList<Protocol.Diagnostic>? Published { get; set; }
        public bool LargeDocumentNoticeSent { get; set; }
        /// <summary>Read from disk for a client that cannot sync it (smtpLsp/openFromDisk): read-only.</summary>
        public bool FromDisk { get; set; }
    }

    /// <summary>Runs a request handler: lifecycle checks, then the work; failures become LSP errors without stack traces.</summary>
    private async Task<T> RunRequestAsync<T>(string method, object? parameters, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        EnsureAcceptingRequests();
        // What the types allow but LSP does not (no params, a null textDocument or uri): the client's mistake, said as such.
        if (parameters is null or IDocumentRequest { DocumentUri: null })
        {
            throw new LocalRpcException(parameters is null ? $"Invalid params: {method} needs params" : $"Invalid params: {method} needs textDocument.uri")
            {
                ErrorCode = ErrorCodes.InvalidParams,
            };
        }
        try
        {
            // Off the dispatch thread, so a slow core does not hold up notifications such as $/cancelRequest.
            return await Task.Run(() => work(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // StreamJsonRpc answers -32800 RequestCancelled.
        }
        catch (LocalRpcException)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogException(method, ex);
            throw new LocalRpcException($"Internal error in {method}; see the server log.") { ErrorCode = ErrorCodes.InternalError };
        }
    }

    /// <summary>Runs a notification handler; notifications have no reply, so failures are only logged.</summary>
    private void RunNotification(string method, Action work)
    {
        if (!IsAcceptingNotifications(method)) return;
        try
        {
            work();
        }
        catch (Exception ex)
        {
            LogException(method, ex);
        }
    }
}

using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    private bool? _inlayHintsShown;

    private bool ClientSupportsInlayHintRefresh => _client.Workspace?.InlayHint?.RefreshSupport == true;

    /// <summary>Decoded flag names after bitmask values (and the number after symbolic ones), within the range.</summary>
    [JsonRpcMethod(Methods.InlayHint, UseSingleObjectParameterDeserialization = true)]
    public Task<InlayHint[]?> InlayHint(InlayHintParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.InlayHint, parameters, ct =>
        {
            if (!Settings.InlayHints || GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            var range = LspConversions.ToSpan(parameters.Range, snapshot);
            return (InlayHint[]?)_core.InlayHints(snapshot, range, ct).Select(hint => new InlayHint
            {
                Position = LspConversions.ToPosition(snapshot.Lines, hint.Offset),
                Label = hint.Label,
                Tooltip = hint.Tooltip,
                PaddingLeft = true,
            }).ToArray();
        }, cancellationToken);

    /// <summary>When the inlayHints setting flips, asks the client to re-request (if it can), so hints appear or vanish at once.</summary>
    private void OnInlayHintSettingChanged(ServerSettings settings)
    {
        bool? previous;
        lock (_lock)
        {
            previous = _inlayHintsShown;
            _inlayHintsShown = settings.InlayHints;
        }
        if (previous is null || previous == settings.InlayHints || !ClientSupportsInlayHintRefresh) return;
        _ = RequestInlayHintRefreshAsync();
    }

    private async Task RequestInlayHintRefreshAsync()
    {
        try
        {
            _requests.Issue();
            await _rpc.InvokeWithParameterObjectAsync(Methods.InlayHintRefresh).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A client that fails the refresh still re-requests on its own next time.
            LogToStderr($"{Methods.InlayHintRefresh} failed: {ex.Message}");
        }
    }
}

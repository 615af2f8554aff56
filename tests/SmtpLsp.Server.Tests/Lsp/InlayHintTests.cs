using System.Text.Json;
using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;
using LspRange = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>textDocument/inlayHint with the real core, and the inlayHints setting.</summary>
public sealed class InlayHintTests
{
    private static readonly LspRange Everything = new(new Position(0, 0), new Position(1000, 0));

    private static async Task<LspTestClient> OpenAsync(string options = """{"diagnosticsDebounceMs":0}""", bool refreshSupport = false)
    {
        var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync(options, new ClientCapabilities
        {
            Workspace = new WorkspaceClientCapabilities { InlayHint = new RefreshClientCapabilities { RefreshSupport = refreshSupport } },
        });
        await client.OpenAsync(DocUri, Smtp);
        return client;
    }

    private static Task<InlayHint[]?> HintsAsync(LspTestClient client, LspRange range) =>
        client.Rpc.InvokeWithParameterObjectAsync<InlayHint[]?>(Methods.InlayHint, new InlayHintParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = DocUri },
            Range = range,
        }).WaitAsync(LspTestClient.Timeout);

    [Fact]
    public async Task InlayHint_WholeDocument_NamesAfterVerbMaskAndNumberAfterSymbolicFlags()
    {
        await using var client = await OpenAsync();
        var hints = await HintsAsync(client, Everything);
        Assert.NotNull(hints);
        var verbs = Assert.Single(hints, h => h.Position == At(Smtp, "7697601\"", "7697601\"".Length));
        Assert.StartsWith("DSN | ETRN | ", verbs.Label);
        Assert.EndsWith("| 8BITMIME + 0x56001", verbs.Label);
        Assert.Contains("…", verbs.Label);
        Assert.True(verbs.Label.Length <= 48, verbs.Label);
        Assert.Contains("CHUNKING", verbs.Tooltip); // the full list stays available
        Assert.True(verbs.PaddingLeft);
        var auth = Assert.Single(hints, h => h.Position == At(Smtp, "AuthNTLM\"", "AuthNTLM\"".Length));
        Assert.Equal("= 5", auth.Label);
        Assert.Single(hints, h => h.Label == "= 3"); // AccessRead | AccessWrite
        Assert.Equal(3, hints.Length); // no hints on plain numbers, strings or BOOLs
    }

    [Fact]
    public async Task InlayHint_RangeOverServerOnly_OnlyItsValues()
    {
        await using var client = await OpenAsync();
        var range = new LspRange(At(Smtp, "<IIsSmtpServer"), At(Smtp, "</IIsSmtpServer>"));
        var hints = await HintsAsync(client, range);
        var hint = Assert.Single(hints!);
        Assert.Contains("8BITMIME", hint.Label);
    }

    [Fact]
    public async Task InlayHint_SettingOff_NoHints()
    {
        await using var client = await OpenAsync("""{"diagnosticsDebounceMs":0,"inlayHints":false}""");
        Assert.Null(await HintsAsync(client, Everything));
    }

    [Fact]
    public async Task InlayHint_SettingSwitchedOffWithRefreshSupport_ClientAskedToRefreshAndHintsStop()
    {
        await using var client = await OpenAsync(refreshSupport: true);
        Assert.NotEmpty((await HintsAsync(client, Everything))!);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Server.Target.OnSettingsChanged(_ => changed.TrySetResult());
        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, new DidChangeConfigurationParams
        {
            Settings = JsonDocument.Parse("""{"smtpLsp":{"inlayHints":false}}""").RootElement.Clone(),
        });
        await changed.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Null(await HintsAsync(client, Everything));
        using var timeout = new CancellationTokenSource(LspTestClient.Timeout);
        while (client.Received.InlayHintRefreshes == 0) await Task.Delay(10, timeout.Token);
        Assert.Equal(1, client.Received.InlayHintRefreshes);

        // The client's answer to the refresh request is expected, not treated as an invalid message.
        await client.DocumentDiagnosticsAsync(DocUri).WaitAsync(LspTestClient.Timeout);
        await Task.Delay(100);
        Assert.True(!client.ServerLog.ToString().Contains("did not send"), client.ServerLog.ToString());
        Assert.False(client.Received.Logs.Reader.TryPeek(out var log) && log.Message.Contains("invalid JSON-RPC message"), log?.Message);
    }

    [Fact]
    public async Task InlayHint_SettingUnchangedOrNoRefreshSupport_NoRefreshRequest()
    {
        await using var client = await OpenAsync(refreshSupport: false);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Server.Target.OnSettingsChanged(_ => changed.TrySetResult());
        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, new DidChangeConfigurationParams
        {
            Settings = JsonDocument.Parse("""{"smtpLsp":{"inlayHints":false}}""").RootElement.Clone(),
        });
        await changed.Task.WaitAsync(LspTestClient.Timeout);
        // A request after the change is answered after any refresh the server would have sent before it.
        Assert.Null(await HintsAsync(client, Everything));
        Assert.Equal(0, client.Received.InlayHintRefreshes);
    }
}

using System.Text.Json.Nodes;
using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

public sealed class LifecycleTests
{
    private const string Uri = "file:///srv/MetaBase.xml";
    private const string Metabase = "<configuration>\n<MBProperty>\n</MBProperty>\n</configuration>\n";

    [Fact]
    public async Task Initialize_AnyClient_AdvertisesUtf16IncrementalSyncHoverAndCompletion()
    {
        await using var client = LspTestClient.Create();
        var result = await client.InitializeAsync(capabilities: new ClientCapabilities
        {
            General = new GeneralClientCapabilities { PositionEncodings = ["utf-8", "utf-16"] },
        });

        Assert.Equal("utf-16", result.Capabilities.PositionEncoding);
        Assert.Equal(new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental }, result.Capabilities.TextDocumentSync);
        Assert.True(result.Capabilities.HoverProvider);
        Assert.Equal(["<", " ", "|", "\""], result.Capabilities.CompletionProvider?.TriggerCharacters);
        Assert.Equal([CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], result.Capabilities.CodeActionProvider?.CodeActionKinds);
        var advertised = new[]
        {
            result.Capabilities.DefinitionProvider, result.Capabilities.ReferencesProvider, result.Capabilities.DocumentSymbolProvider,
            result.Capabilities.DocumentFormattingProvider, result.Capabilities.DocumentRangeFormattingProvider,
            result.Capabilities.FoldingRangeProvider, result.Capabilities.SelectionRangeProvider, result.Capabilities.InlayHintProvider,
            result.Capabilities.WorkspaceSymbolProvider,
        };
        Assert.All(advertised, Assert.True);
        Assert.Equal("smtplsp", result.ServerInfo?.Name);
    }

    [Fact]
    public async Task Request_BeforeInitialize_FailsWithServerNotInitialized()
    {
        await using var client = LspTestClient.Create();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.DocumentDiagnosticsAsync(Uri));
        Assert.Equal(ErrorCodes.ServerNotInitialized, error.ErrorCode);

        var shutdown = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.Rpc.InvokeAsync<object?>(Methods.Shutdown));
        Assert.Equal(ErrorCodes.ServerNotInitialized, shutdown.ErrorCode);
    }

    [Fact]
    public async Task Notification_BeforeInitialize_IsDropped()
    {
        await using var client = LspTestClient.Create();
        await client.OpenAsync(Uri, Metabase);
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");

        Assert.Null(await client.DocumentDiagnosticsAsync(Uri));
        Assert.Equal(0, client.Core.AnalyzeCount);
    }

    [Fact]
    public async Task Initialize_SentTwice_FailsWithInvalidRequest()
    {
        await using var client = LspTestClient.Create();
        await client.InitializeAsync();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.InitializeAsync());
        Assert.Equal(ErrorCodes.InvalidRequest, error.ErrorCode);
        // Answered on purpose by a handler StreamJsonRpc calls synchronously: no stack trace in the server log.
        Assert.DoesNotContain("JsonRpc", client.ServerLog.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMethod_AfterInitialize_FailsWithMethodNotFound()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(
            () => client.Rpc.InvokeWithParameterObjectAsync<object?>("textDocument/linkedEditingRange", new DocumentDiagnosticsParams()));
        Assert.Equal(ErrorCodes.MethodNotFound, (int)error.ErrorCode);
    }

    [Theory]
    [InlineData("LogMessage")]
    [InlineData("GetDocument")]
    [InlineData("OnSettingsChanged")]
    [InlineData("get_Settings")]
    public async Task HostApiMember_CalledByClient_IsNotExposed(string method)
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.Rpc.InvokeAsync<object?>(method));
    }

    [Fact]
    public async Task Request_AfterShutdown_FailsWithInvalidRequest()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        Assert.Null(await client.Rpc.InvokeAsync<object?>(Methods.Shutdown));

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.DocumentDiagnosticsAsync(Uri));
        Assert.Equal(ErrorCodes.InvalidRequest, error.ErrorCode);
        var again = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.Rpc.InvokeAsync<object?>(Methods.Shutdown));
        Assert.Equal(ErrorCodes.InvalidRequest, again.ErrorCode);
    }

    [Fact]
    public async Task Exit_AfterShutdown_ExitCodeZero()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.Rpc.InvokeAsync<object?>(Methods.Shutdown);
        await client.Rpc.NotifyAsync(Methods.Exit);
        Assert.Equal(0, await client.Server.WaitForExitAsync().WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Exit_WithoutShutdown_ExitCodeOne()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.Rpc.NotifyAsync(Methods.Exit);
        Assert.Equal(1, await client.Server.WaitForExitAsync().WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task ConnectionClosed_WithoutExit_ServerStops()
    {
        var client = await LspTestClient.StartInitializedAsync();
        var exit = client.Server.WaitForExitAsync();
        client.Rpc.Dispose();
        client.ClientStream.Dispose();
        Assert.Equal(1, await exit.WaitAsync(LspTestClient.Timeout));
        client.Server.Dispose();
    }

    [Fact]
    public async Task SetTrace_Accepted_StoresValue()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.Rpc.NotifyWithParameterObjectAsync(Methods.SetTrace, new SetTraceParams { Value = "verbose" });
        await client.DocumentDiagnosticsAsync(Uri); // a round trip, so the notification has been handled
        Assert.Equal("verbose", client.Server.Target.Trace);
    }

    [Fact]
    public async Task CancelRequest_WhileCoreBlocks_AnswersRequestCancelled()
    {
        var core = new FakeLanguageCore();
        await using var client = LspTestClient.CreateRaw(core);
        var raw = new RawLspConnection(client.ClientStream, client.ClientStream);
        await raw.RequestAsync(1, Methods.Initialize, new JsonObject { ["capabilities"] = new JsonObject(), ["initializationOptions"] = new JsonObject { ["diagnosticsDebounceMs"] = 0 } });
        await raw.WaitForResponseAsync(1, LspTestClient.Timeout);
        await raw.NotifyAsync(Methods.Initialized, new JsonObject());
        await raw.NotifyAsync(Methods.DidOpen, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "xml", ["version"] = 1, ["text"] = "<configuration><MBProperty>BLOCK" },
        });
        await raw.RequestAsync(2, Methods.DocumentDiagnostics, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        // Both the open's analysis and the request's are now stuck inside the core.
        Assert.True(await core.BlockEntered.WaitAsync(LspTestClient.Timeout));
        Assert.True(await core.BlockEntered.WaitAsync(LspTestClient.Timeout));
        await raw.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 2 });

        var response = await raw.WaitForResponseAsync(2, LspTestClient.Timeout);
        Assert.Equal(ErrorCodes.RequestCancelled, (int?)response["error"]?["code"]);
        Assert.Null(response["result"]);
        await core.BlockCancelled.Task.WaitAsync(LspTestClient.Timeout);

        // Closing cancels the open's analysis too, and clears.
        await raw.NotifyAsync(Methods.DidClose, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        var cleared = await raw.WaitForAsync(m => (string?)m["method"] == Methods.PublishDiagnostics, LspTestClient.Timeout);
        Assert.Empty(cleared["params"]!["diagnostics"]!.AsArray());
    }
}

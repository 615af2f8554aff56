using System.Text.Json.Nodes;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// The real executable over stdio, JIT and Native AOT. Stdin stays open until the awaited answers arrive, since
/// closing it early drops queued work; every process is killed on failure or timeout.
/// </summary>
public sealed class StdioProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const string Uri = "file:///srv/MetaBase.xml";
    private const string Metabase = "<?xml version=\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n</MBProperty>\r\n</configuration>\r\n";

    [Fact] public Task Jit_FullSession_ExitCodeZeroAndCleanStdout() => FullSession(ServerProcess.StartJit);
    [Fact] public Task Jit_ExitWithoutShutdown_ExitCodeOne() => ExitWithoutShutdown(ServerProcess.StartJit);
    [Fact] public Task Jit_StdinClosed_ProcessExits() => StdinClosed(ServerProcess.StartJit);
    [Fact] public Task Jit_ExitRightBehindShutdown_ExitCodeZeroAndNoWarning() => ExitRightBehindShutdown(ServerProcess.StartJit);

    [AotFact] public Task Aot_FullSession_ExitCodeZeroAndCleanStdout() => FullSession(ServerProcess.StartAot);
    [AotFact] public Task Aot_ExitWithoutShutdown_ExitCodeOne() => ExitWithoutShutdown(ServerProcess.StartAot);
    [AotFact] public Task Aot_StdinClosed_ProcessExits() => StdinClosed(ServerProcess.StartAot);
    [AotFact] public Task Aot_ExitRightBehindShutdown_ExitCodeZeroAndNoWarning() => ExitRightBehindShutdown(ServerProcess.StartAot);

    private static async Task FullSession(Func<ServerProcess> start)
    {
        using var server = start();
        var rpc = server.Connection;
        var init = await InitializeAsync(rpc);
        Assert.Equal("utf-16", (string?)init["result"]?["capabilities"]?["positionEncoding"]);
        Assert.Equal(2, (int?)init["result"]?["capabilities"]?["textDocumentSync"]?["change"]);

        await rpc.NotifyAsync(Methods.DidOpen, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "xml", ["version"] = 3, ["text"] = Metabase },
        });
        var publish = await rpc.WaitForAsync(m => (string?)m["method"] == Methods.PublishDiagnostics, Timeout);
        Assert.Equal(Uri, (string?)publish["params"]?["uri"]);
        Assert.Equal(3, (int?)publish["params"]?["version"]);
        Assert.NotNull(publish["params"]?["diagnostics"] as JsonArray);

        // Unknown methods and cancellation plumbing must also work in this build (source-gen metadata only).
        int unknown = rpc.NextId();
        await rpc.RequestAsync(unknown, "textDocument/linkedEditingRange", new JsonObject());
        Assert.Equal(ErrorCodes.MethodNotFound, (int?)(await rpc.WaitForResponseAsync(unknown, Timeout))["error"]?["code"]);

        int shutdown = rpc.NextId();
        await rpc.RequestAsync(shutdown, Methods.Shutdown);
        var shutdownResponse = await rpc.WaitForResponseAsync(shutdown, Timeout);
        Assert.True(shutdownResponse.ContainsKey("result"));
        Assert.Null(shutdownResponse["error"]);

        await rpc.NotifyAsync(Methods.Exit);
        // Everything left on stdout must still be well-formed frames; the reader throws on anything else.
        await rpc.ReadToEndAsync(Timeout);
        Assert.Equal(0, await server.WaitForExitAsync(Timeout));
    }

    private static async Task ExitWithoutShutdown(Func<ServerProcess> start)
    {
        using var server = start();
        await InitializeAsync(server.Connection);
        await server.Connection.NotifyAsync(Methods.Exit);
        await server.Connection.ReadToEndAsync(Timeout);
        Assert.Equal(1, await server.WaitForExitAsync(Timeout));
    }

    /// <summary>
    /// Shutdown then exit without waiting for shutdown's answer, both with "params": null as eglot sends them: LSP's
    /// exit code follows the order they were sent in (the exit was handled first and gave 1 five times in six), and
    /// StreamJsonRpc's warning about null params stays out of the client's server log.
    /// </summary>
    private static async Task ExitRightBehindShutdown(Func<ServerProcess> start)
    {
        using var server = start();
        await InitializeAsync(server.Connection);
        await server.Connection.RequestAsync(server.Connection.NextId(), Methods.Shutdown, null);
        await server.Connection.NotifyAsync(Methods.Exit, null);
        await server.Connection.ReadToEndAsync(Timeout);
        Assert.Equal(0, await server.WaitForExitAsync(Timeout));
        Assert.DoesNotContain("JsonRpc Warning", server.Stderr);
    }

    private static async Task StdinClosed(Func<ServerProcess> start)
    {
        using var server = start();
        await InitializeAsync(server.Connection);
        server.CloseStdin();
        await server.Connection.ReadToEndAsync(Timeout);
        Assert.Equal(1, await server.WaitForExitAsync(Timeout));
    }

    private static async Task<JsonObject> InitializeAsync(RawLspConnection rpc)
    {
        int id = rpc.NextId();
        await rpc.RequestAsync(id, Methods.Initialize, new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["capabilities"] = new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16") } },
            ["initializationOptions"] = new JsonObject { ["diagnosticsDebounceMs"] = 0 },
        });
        var response = await rpc.WaitForResponseAsync(id, Timeout);
        await rpc.NotifyAsync(Methods.Initialized, new JsonObject());
        return response;
    }
}

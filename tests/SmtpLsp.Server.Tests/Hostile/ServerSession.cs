using System.Text;
using System.Text.Json.Nodes;
using SmtpLsp.Server.Lsp.Protocol;
using SmtpLsp.Server.Tests.Lsp;

namespace SmtpLsp.Server.Tests.Hostile;

/// <summary>
/// A real server process (JIT, or the AOT binary from SMTPLSP_AOT_BINARY) with raw stdin access for malformed
/// frames, its process id for memory figures, and a few LSP calls. Disposing kills it if still running.
/// </summary>
internal sealed class ServerSession : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ServerProcess _process;

    public RawLspConnection Rpc => _process.Connection;

    private ServerSession(ServerProcess process) => _process = process;

    public static ServerSession Start(bool aot) => new(aot ? ServerProcess.StartAot() : ServerProcess.StartJit());

    public string Stderr => _process.Stderr;

    public bool HasExited => _process.HasExited;

    /// <summary>Peak resident memory (VmHWM) of the server, in bytes; 0 where /proc is missing.</summary>
    public long PeakResidentBytes()
    {
        string status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>Writes bytes as they are, for broken frames.</summary>
    public async Task WriteRawAsync(byte[] bytes)
    {
        var stdin = _process.Stdin;
        await stdin.WriteAsync(bytes);
        await stdin.FlushAsync();
    }

    public Task WriteRawAsync(string text) => WriteRawAsync(Encoding.UTF8.GetBytes(text));

    public async Task<JsonObject> InitializeAsync(JsonObject? options = null)
    {
        options ??= new JsonObject();
        options["diagnosticsDebounceMs"] ??= 0;
        var response = await RequestAsync(Methods.Initialize, new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["capabilities"] = new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16") } },
            ["initializationOptions"] = options,
        });
        await Rpc.NotifyAsync(Methods.Initialized, new JsonObject());
        return response;
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        int id = Rpc.NextId();
        await Rpc.RequestAsync(id, method, parameters);
        return await Rpc.WaitForResponseAsync(id, Timeout);
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        Rpc.NotifyAsync(Methods.DidOpen, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "xml", ["version"] = version, ["text"] = text },
        });

    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public Task<JsonObject> PublishFor(string uri, int? version = null) =>
        Rpc.WaitForAsync(m => (string?)m["method"] == Methods.PublishDiagnostics && (string?)m["params"]?["uri"] == uri
                              && (version is null || (int?)m["params"]?["version"] == version), Timeout);

    /// <summary>shutdown + exit; returns the exit code and checks stdout stayed well-formed to the end.</summary>
    public async Task<int> ShutdownAsync()
    {
        var response = await RequestAsync(Methods.Shutdown, null);
        Assert.Null(response["error"]);
        await Rpc.NotifyAsync(Methods.Exit);
        await Rpc.ReadToEndAsync(Timeout);
        return await _process.WaitForExitAsync(Timeout);
    }

    public void Dispose() => _process.Dispose();
}

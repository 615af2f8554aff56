using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>Wires a <see cref="LanguageServerTarget"/> to a JSON-RPC connection and runs it until exit.</summary>
public sealed class LanguageServerHost : IDisposable
{
    private readonly JsonRpc _rpc;
    private readonly LspFrameSanitizer _input;

    public LanguageServerTarget Target { get; }

    private LanguageServerHost(JsonRpc rpc, LanguageServerTarget target, LspFrameSanitizer input)
    {
        _rpc = rpc;
        Target = target;
        _input = input;
    }

    /// <summary>
    /// Serves LSP over this process's stdin/stdout until <c>exit</c> or end of input. Returns the process exit code:
    /// 0 after shutdown, 1 otherwise. <paramref name="configure"/> runs before the first message is read.
    /// </summary>
    public static int RunStdio(ILanguageCore core, Action<LanguageServerTarget>? configure = null)
    {
        // Grab raw stdout first, then send every stray Console.Write to stderr: stdout is the JSON-RPC channel only.
        Stream stdout = Console.OpenStandardOutput();
        Stream stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        // Analyses of large documents hold pool threads for seconds; on a 2-core machine the pool would then add a
        // thread only every half second or so, and a hover would wait for it. Start with enough threads.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), io);
        using var host = Start(stdin, stdout, core, Console.Error, configure);
        return host.WaitForExitAsync().GetAwaiter().GetResult();
    }

    /// <summary>Starts serving over the given streams (stdio, or an in-memory pipe in tests).</summary>
    public static LanguageServerHost Start(
        Stream input, Stream output, ILanguageCore core, TextWriter log, Action<LanguageServerTarget>? configure = null)
    {
        var ledger = new ServerRequestLedger();
        var sanitizer = new LspFrameSanitizer(input, ledger);
        var rpc = new LspJsonRpc(new HeaderDelimitedMessageHandler(output, sanitizer, LspJson.CreateFormatter()));
        rpc.TraceSource.Switch.Level = SourceLevels.Warning;
        rpc.TraceSource.Listeners.Clear(); // the default listener is Debug output; never stdout
        rpc.TraceSource.Listeners.Add(new TextWriterTraceListener(log) { Filter = new AnsweredErrorFilter() });
        var target = new LanguageServerTarget(rpc, core, log, ledger);
        AddTarget(rpc, target);
        configure?.Invoke(target);
        rpc.StartListening();
        return new LanguageServerHost(rpc, target, sanitizer);
    }

    /// <summary>Completes on <c>exit</c> or when the connection closes, with the exit code LSP prescribes.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await Task.WhenAny(Target.ExitRequested, _rpc.Completion).ConfigureAwait(false);
        return Target.ShutdownReceived || _input.ShutdownRead ? 0 : 1;
    }

    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode",
        Justification = "The target's handler signatures are closed types listed in LspJsonContext; the AOT end-to-end test covers every handler.")]
    private static void AddTarget(JsonRpc rpc, LanguageServerTarget target) =>
        rpc.AddLocalRpcTarget(
            RpcTargetMetadata.FromClass(typeof(LanguageServerTarget)),
            target,
            new JsonRpcTargetOptions { NotifyClientOfEvents = false, DisposeOnDisconnect = false });

    public void Dispose() => _rpc.Dispose();
}

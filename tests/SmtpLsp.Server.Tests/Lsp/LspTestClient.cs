using System.Text.Json;
using System.Threading.Channels;
using Nerdbank.Streams;
using StreamJsonRpc;
using SmtpLsp.Server.Lsp;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// An in-process server and a StreamJsonRpc client over a full-duplex pipe, both using the server's formatter, so
/// every message crosses the real JSON shape.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public ILanguageCore CoreUnderTest { get; }
    public FakeLanguageCore Core => (FakeLanguageCore)CoreUnderTest;
    public LanguageServerHost Server { get; }
    public JsonRpc Rpc { get; }
    public ClientTarget Received { get; } = new();
    public StringWriter ServerLog { get; } = new();
    public Stream ClientStream { get; }

    private LspTestClient(ILanguageCore core, bool attachRpcClient, Action<LanguageServerTarget>? configure = null)
    {
        CoreUnderTest = core;
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        ClientStream = clientStream;
        Server = LanguageServerHost.Start(serverStream, serverStream, core, TextWriter.Synchronized(ServerLog), configure);
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, LspJson.CreateFormatter()));
        Rpc.AddLocalRpcTarget(Received);
        if (attachRpcClient) Rpc.StartListening();
    }

    public static LspTestClient Create(FakeLanguageCore? core = null) => new(core ?? new FakeLanguageCore(), attachRpcClient: true);

    /// <summary>A server with the real language core, wired as Program wires it.</summary>
    public static LspTestClient CreateWithRealCore(MetabaseLanguageCore? core = null)
    {
        core ??= new MetabaseLanguageCore();
        return new LspTestClient(core, attachRpcClient: true, core.AttachTo);
    }

    /// <summary>A server whose client side is left raw, for tests that need exact wire messages.</summary>
    public static LspTestClient CreateRaw(FakeLanguageCore core) => new(core, attachRpcClient: false);

    public static async Task<LspTestClient> StartInitializedAsync(string initializationOptions = """{"diagnosticsDebounceMs":0}""", FakeLanguageCore? core = null)
    {
        var client = Create(core);
        await client.InitializeAsync(initializationOptions);
        return client;
    }

    public async Task<InitializeResult> InitializeAsync(string? initializationOptions = null, ClientCapabilities? capabilities = null)
    {
        var result = await Rpc.InvokeWithParameterObjectAsync<InitializeResult>(Methods.Initialize, new InitializeParams
        {
            ProcessId = Environment.ProcessId,
            Capabilities = capabilities ?? new ClientCapabilities(),
            InitializationOptions = initializationOptions is null ? null : JsonDocument.Parse(initializationOptions).RootElement.Clone(),
        }).WaitAsync(Timeout);
        await Rpc.NotifyAsync(Methods.Initialized);
        return result;
    }

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "xml") =>
        Rpc.NotifyWithParameterObjectAsync(Methods.DidOpen, new DidOpenTextDocumentParams
        {
            TextDocument = new TextDocumentItem { Uri = uri, LanguageId = languageId, Version = version, Text = text },
        });

    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        Rpc.NotifyWithParameterObjectAsync(Methods.DidChange, new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = uri, Version = version },
            ContentChanges = changes,
        });

    public Task CloseAsync(string uri) =>
        Rpc.NotifyWithParameterObjectAsync(Methods.DidClose, new DidCloseTextDocumentParams { TextDocument = new TextDocumentIdentifier { Uri = uri } });

    public Task<DocumentDiagnosticsResult?> DocumentDiagnosticsAsync(string uri, CancellationToken cancellationToken = default) =>
        Rpc.InvokeWithParameterObjectAsync<DocumentDiagnosticsResult?>(Methods.DocumentDiagnostics,
            new DocumentDiagnosticsParams { TextDocument = new TextDocumentIdentifier { Uri = uri } }, cancellationToken);

    public async Task<PublishDiagnosticsParams> NextPublishAsync() =>
        await Received.Diagnostics.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>Asserts that nothing is published within the given quiet period.</summary>
    public async Task AssertNoPublishAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        Assert.False(Received.Diagnostics.Reader.TryRead(out var unexpected),
            $"unexpected publish for {unexpected?.Uri} v{unexpected?.Version}");
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        Server.Dispose();
        await Task.CompletedTask;
    }

    public sealed class ClientTarget
    {
        public Channel<PublishDiagnosticsParams> Diagnostics { get; } = Channel.CreateUnbounded<PublishDiagnosticsParams>();
        public Channel<LogMessageParams> Logs { get; } = Channel.CreateUnbounded<LogMessageParams>();

        [JsonRpcMethod(Methods.PublishDiagnostics, UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(PublishDiagnosticsParams parameters) => Diagnostics.Writer.TryWrite(parameters);

        [JsonRpcMethod(Methods.LogMessage, UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(LogMessageParams parameters) => Logs.Writer.TryWrite(parameters);

        public Channel<ShowMessageParams> Messages { get; } = Channel.CreateUnbounded<ShowMessageParams>();

        private int _inlayHintRefreshes;

        public int InlayHintRefreshes => Volatile.Read(ref _inlayHintRefreshes);

        [JsonRpcMethod(Methods.ShowMessage, UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(ShowMessageParams parameters) => Messages.Writer.TryWrite(parameters);

        [JsonRpcMethod(Methods.InlayHintRefresh)]
        public object? InlayHintRefresh()
        {
            Interlocked.Increment(ref _inlayHintRefreshes);
            return null;
        }

        public async Task<LogMessageParams> WaitForLogAsync(Func<LogMessageParams, bool> match)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            while (true)
            {
                var log = await Logs.Reader.ReadAsync(timeout.Token);
                if (match(log)) return log;
            }
        }
    }
}

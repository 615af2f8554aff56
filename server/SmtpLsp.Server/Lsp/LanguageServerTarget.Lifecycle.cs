using System.Reflection;
using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    private enum LifecycleState { Created, Initialized, ShutDown }

    private LifecycleState _state = LifecycleState.Created;
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>Completes when the client sends <c>exit</c>.</summary>
    public Task ExitRequested => _exitRequested.Task;
    private readonly TaskCompletionSource _exitRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool ShutdownReceived { get; private set; }

    // What the client said it supports; features adapt (Markdown, snippets) instead of assuming.
    private ClientCapabilities _client = new();

    private bool ClientSupportsMarkdownHover =>
        _client.TextDocument?.Hover?.ContentFormat?.Contains(MarkupKind.Markdown) == true;

    private bool ClientSupportsSnippets =>
        _client.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;

    public string Trace { get; private set; } = "off";

    [JsonRpcMethod(Methods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        ServerSettings settings;
        var problems = new List<string>();
        lock (_lock)
        {
            if (_state != LifecycleState.Created)
                throw new LocalRpcException("initialize may only be sent once.") { ErrorCode = ErrorCodes.InvalidRequest };
            settings = ServerSettingsReader.Merge(_settings, parameters.InitializationOptions, problems);
            _settings = settings;
            _state = LifecycleState.Initialized;
            Trace = parameters.Trace ?? "off";
            _client = parameters.Capabilities ?? new ClientCapabilities();
        }
        ReportSettingsProblems("initializationOptions", problems);
        RaiseSettingsChanged(settings);
        return new InitializeResult
        {
            Capabilities = ServerCapabilitiesFactory.Create(parameters.Capabilities),
            ServerInfo = new ServerInfo { Name = "smtplsp", Version = ServerVersion },
        };
    }

    [JsonRpcMethod(Methods.Initialized)]
    public void Initialized()
    {
    }

    [JsonRpcMethod(Methods.Shutdown)]
    public object? Shutdown()
    {
        EnsureAcceptingRequests();
        lock (_lock)
        {
            _state = LifecycleState.ShutDown;
            ShutdownReceived = true;
            foreach (var document in _documents.Values) document.Analysis?.Cancel();
        }
        _shutdown.Cancel();
        return null;
    }

    [JsonRpcMethod(Methods.Exit)]
    public void Exit() => _exitRequested.TrySetResult();

    [JsonRpcMethod(Methods.SetTrace, UseSingleObjectParameterDeserialization = true)]
    public void SetTrace(SetTraceParams parameters) => Trace = parameters.Value;

    private void EnsureAcceptingRequests()
    {
        lock (_lock)
        {
            if (_state == LifecycleState.Created)
                throw new LocalRpcException("The server has not been initialized.") { ErrorCode = ErrorCodes.ServerNotInitialized };
            if (_state == LifecycleState.ShutDown)
                throw new LocalRpcException("The server is shutting down.") { ErrorCode = ErrorCodes.InvalidRequest };
        }
    }

    private bool IsAcceptingNotifications(string method)
    {
        lock (_lock)
        {
            if (_state == LifecycleState.Initialized) return true;
        }
        // LSP: notifications before initialize (other than exit) are dropped.
        LogToStderr($"ignored {method}: the server is not initialized or is shutting down");
        return false;
    }

    private static string ServerVersion =>
        typeof(LanguageServerTarget).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}

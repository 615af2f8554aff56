using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    private ServerSettings _settings = ServerSettings.Default;

    public ServerSettings Settings
    {
        get { lock (_lock) return _settings; }
    }

    // Not a C# event: StreamJsonRpc would try to turn it into a notification to the client.
    private readonly List<Action<ServerSettings>> _settingsChangedHandlers = [];

    /// <summary>
    /// Registers a callback run after initialize and after every configuration change (for example to load
    /// <c>schemaPath</c>). It runs before diagnostics are re-published, so it can swap what the core uses first.
    /// </summary>
    [JsonRpcIgnore]
    public void OnSettingsChanged(Action<ServerSettings> handler)
    {
        lock (_lock) _settingsChangedHandlers.Add(handler);
    }

    [JsonRpcMethod(Methods.DidChangeConfiguration, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(DidChangeConfigurationParams parameters) => RunNotification(Methods.DidChangeConfiguration, () =>
    {
        ServerSettings settings;
        var problems = new List<string>();
        lock (_lock)
        {
            settings = ServerSettingsReader.Merge(_settings, parameters.Settings, problems);
            _settings = settings;
        }
        ReportSettingsProblems(ServerSettingsReader.Section, problems);
        RaiseSettingsChanged(settings);
        lock (_lock)
        {
            foreach (var document in _documents.Values) ScheduleAnalysis(document, TimeSpan.Zero);
        }
    });

    private void RaiseSettingsChanged(ServerSettings settings)
    {
        Action<ServerSettings>[] handlers;
        lock (_lock) handlers = [.. _settingsChangedHandlers];
        foreach (var handler in handlers)
        {
            try
            {
                handler(settings);
            }
            catch (Exception ex)
            {
                LogException("settings change handler", ex);
            }
        }
    }

    private void ReportSettingsProblems(string origin, List<string> problems)
    {
        foreach (var problem in problems) LogMessage(MessageType.Warning, $"{origin}: {problem}; ignored");
    }
}

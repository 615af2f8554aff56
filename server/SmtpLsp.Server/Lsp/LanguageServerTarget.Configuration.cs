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

    /// <summary>
    /// Raised after initialize and after every configuration change (for example to load <c>schemaPath</c>).
    /// Runs before diagnostics are re-published, so a handler can swap what the core uses first.
    /// </summary>
    public event Action<ServerSettings>? SettingsChanged;

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
        try
        {
            SettingsChanged?.Invoke(settings);
        }
        catch (Exception ex)
        {
            LogException("settings change handler", ex);
        }
    }

    private void ReportSettingsProblems(string origin, List<string> problems)
    {
        foreach (var problem in problems) LogMessage(MessageType.Warning, $"{origin}: {problem}; ignored");
    }
}

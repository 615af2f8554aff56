using System.Diagnostics.CodeAnalysis;
using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>
    /// Tells the administrator something (catalog loaded, schema file unreadable, a bad setting): written to stderr
    /// and sent as <c>window/logMessage</c>. Never throws; safe from any thread.
    /// </summary>
    /// <param name="type">A <see cref="MessageType"/> value.</param>
    [JsonRpcIgnore]
    public void LogMessage(int type, string message)
    {
        LogToStderr(message, type);
        _ = NotifyAsync(Methods.LogMessage, new LogMessageParams { Type = type, Message = message });
    }

    private void LogException(string context, Exception exception)
    {
        // Full details (with stack) go to stderr only; the client sees one line.
        LogToStderr($"{context} failed: {exception}", MessageType.Error);
        _ = NotifyAsync(Methods.LogMessage, new LogMessageParams
        {
            Type = MessageType.Error,
            Message = $"{context} failed: {exception.GetType().Name}: {exception.Message}",
        });
    }

    private void LogToStderr(string message, int type = MessageType.Log)
    {
        string level = type switch
        {
            MessageType.Error => "error",
            MessageType.Warning => "warning",
            MessageType.Info => "info",
            _ => "log",
        };
        try
        {
            lock (_log) _log.WriteLine($"[smtplsp {level}] {message}");
        }
        catch (Exception)
        {
            // stderr gone: nothing left to tell.
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "Every argument type is in LspJsonContext, the formatter's only resolver; the AOT end-to-end test covers it.")]
    private async Task NotifyAsync(string method, object argument)
    {
        try
        {
            await _rpc.NotifyWithParameterObjectAsync(method, argument).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or ConnectionLostException or IOException)
        {
            // The client went away; the host notices through JsonRpc.Completion.
        }
        catch (Exception ex)
        {
            // Never back through NotifyAsync: a message that cannot be sent must not loop.
            LogToStderr($"sending {method} failed: {ex}", MessageType.Error);
        }
    }
}

using System.Diagnostics;
using StreamJsonRpc;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Keeps StreamJsonRpc's trace from logging a stack trace for every error the server answers on purpose (a stale
/// version, an unknown property, a cancelled request, params of the wrong type): the client already has the message, and a log full of
/// "JsonRpc Error" traces for clicks made while typing hides the real problems. Other trace events pass, and the
/// server logs its own internal errors itself (LanguageServerTarget.LogException) before answering them.
/// </summary>
internal sealed class AnsweredErrorFilter : TraceFilter
{
    public override bool ShouldTrace(TraceEventCache? cache, string source, TraceEventType eventType, int id,
        string? formatOrMessage, object?[]? args, object? data1, object?[]? data)
    {
        if (id == (int)JsonRpc.TraceEvents.ExceptionNotSerializable) return false;
        // LSP clients send "params": null for shutdown and exit (eglot does); StreamJsonRpc reads it as omitted and
        // warns once, which a client shows in its server log as if something went wrong.
        if (eventType == TraceEventType.Warning && formatOrMessage?.Contains("null \"params\"", StringComparison.Ordinal) == true) return false;
        if (id != (int)JsonRpc.TraceEvents.LocalInvocationError) return true;
        return !(IsAnswered(data1) || Any(args) || Any(data));
    }

    private static bool Any(object?[]? items)
    {
        if (items == null) return false;
        foreach (var item in items)
        {
            if (IsAnswered(item)) return true;
        }
        return false;
    }

    // An async handler's exception arrives in an AggregateException, a synchronous one's (initialize, shutdown) in the
    // TargetInvocationException of the reflection call.
    private static bool IsAnswered(object? item) => item switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsAnswered),
        System.Reflection.TargetInvocationException invocation => IsAnswered(invocation.InnerException),
        // Params that did not deserialize are answered as invalid params (LspJsonRpc).
        LocalRpcException or OperationCanceledException or System.Text.Json.JsonException => true,
        _ => false,
    };
}

using System.Text.Json;

namespace SmtpLsp.Server.Lsp.Protocol;

public sealed record DidChangeConfigurationParams
{
    public JsonElement? Settings { get; init; }
}

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

public sealed record LogMessageParams
{
    public int Type { get; init; }
    public string Message { get; init; } = "";
}

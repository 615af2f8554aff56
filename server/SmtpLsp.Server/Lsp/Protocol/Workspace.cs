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

/// <summary>What <see cref="LspFrameSanitizer"/> sends in place of a frame it could not pass on.</summary>
public sealed record InvalidMessageParams
{
    public string? Reason { get; init; }
    public int Code { get; init; }
    public bool Request { get; init; }
}

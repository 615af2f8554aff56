using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>
    /// A frame the client sent broken, replaced by <see cref="LspFrameSanitizer"/>: logged, and answered with a
    /// JSON-RPC parse error (-32700) or invalid request (-32600) when its id could be read.
    /// </summary>
    [JsonRpcMethod(LspFrameSanitizer.InvalidMessageMethod, UseSingleObjectParameterDeserialization = true)]
    public void InvalidMessage(InvalidMessageParams parameters)
    {
        string reason = parameters.Reason ?? "unknown";
        LogMessage(MessageType.Error, $"dropped an invalid message from the client: {reason}");
        if (parameters.Request)
            throw new LocalRpcException(reason) { ErrorCode = parameters.Code == ErrorCodes.InvalidRequest ? ErrorCodes.InvalidRequest : ErrorCodes.ParseError };
    }
}

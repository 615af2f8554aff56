using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// StreamJsonRpc's connection, but params it cannot deserialize (a string for a position, 1.5 for a line) are the
/// client's mistake: invalid params (-32602) saying what did not convert, rather than -32000 with the server's stack
/// trace in the error's data.
/// </summary>
internal sealed class LspJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        for (var e = exception; e != null; e = e.InnerException)
        {
            if (e is JsonException json)
                return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InvalidParams, Message = $"Invalid params: {json.Message}" };
        }
        return base.CreateErrorDetails(request, exception);
    }
}

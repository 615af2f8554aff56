using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    [JsonRpcMethod(Methods.Hover, UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> Hover(HoverParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.Hover, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            bool markdown = ClientSupportsMarkdownHover;
            var result = _core.Hover(snapshot, ToOffset(snapshot, parameters.Position), markdown, ct);
            if (result is null) return null;
            return (Hover?)new Hover
            {
                Contents = new MarkupContent { Kind = markdown ? MarkupKind.Markdown : MarkupKind.PlainText, Value = result.Content },
                Range = LspConversions.ToRange(result.Span, snapshot),
            };
        }, cancellationToken);
}

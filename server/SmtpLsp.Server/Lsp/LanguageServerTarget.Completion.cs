using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;
using CoreCompletion = SmtpLsp.Metabase.Features;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    [JsonRpcMethod(Methods.Completion, UseSingleObjectParameterDeserialization = true)]
    public Task<CompletionList?> Completion(CompletionParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.Completion, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            var options = new CoreCompletion.CompletionOptions { Snippets = ClientSupportsSnippets };
            var result = _core.Complete(snapshot, ToOffset(snapshot, parameters.Position), options, ct);
            var range = LspConversions.ToRange(result.ReplaceSpan, snapshot);
            return (CompletionList?)new CompletionList
            {
                IsIncomplete = result.IsIncomplete,
                Items = result.Items.Select(item => new CompletionItem
                {
                    Label = item.Label,
                    Kind = LspConversions.ToCompletionKind(item.Kind),
                    Detail = item.Detail,
                    Documentation = item.Documentation is null ? null : new MarkupContent
                    {
                        Kind = ClientSupportsMarkdownHover ? MarkupKind.Markdown : MarkupKind.PlainText,
                        Value = item.Documentation,
                    },
                    SortText = item.SortText,
                    FilterText = item.FilterText,
                    InsertTextFormat = item.IsSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
                    TextEdit = new TextEdit { Range = range, NewText = item.InsertText },
                }).ToArray(),
            };
        }, cancellationToken);
}

using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>
    /// One page of one level of the key tree (docs/protocol.md): what the VS Code explorer shows, loaded as it is
    /// expanded, where the outline stops at 5000 keys. Null when the document is not open or no key has the Location.
    /// </summary>
    [JsonRpcMethod(Methods.KeyChildren, UseSingleObjectParameterDeserialization = true)]
    public Task<KeyChildrenResult?> KeyChildren(KeyChildrenParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.KeyChildren, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            if (_core.KeyChildren(snapshot, parameters.Location, parameters.Start, ct) is not { } page) return null;
            return (KeyChildrenResult?)new KeyChildrenResult
            {
                Keys = page.Items.Select(item => new KeyTreeEntry
                {
                    Name = item.Name,
                    Location = item.Key.Location,
                    KeyType = item.Key.KeyType,
                    Range = LspConversions.ToRange(item.Span, snapshot),
                    SelectionRange = LspConversions.ToRange(item.SelectionSpan, snapshot),
                    ChildCount = item.ChildCount,
                }).ToArray(),
                Total = page.Total,
            };
        }, cancellationToken);
}

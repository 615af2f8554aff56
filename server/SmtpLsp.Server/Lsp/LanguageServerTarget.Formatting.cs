using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>IIS's layout; no edits while the document has syntax errors (a guess could lose text).</summary>
    [JsonRpcMethod(Methods.Formatting, UseSingleObjectParameterDeserialization = true)]
    public Task<TextEdit[]?> Formatting(DocumentFormattingParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.Formatting, ct => Format(parameters.TextDocument.Uri, null, ct), cancellationToken);

    [JsonRpcMethod(Methods.RangeFormatting, UseSingleObjectParameterDeserialization = true)]
    public Task<TextEdit[]?> RangeFormatting(DocumentRangeFormattingParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.RangeFormatting, ct => Format(parameters.TextDocument.Uri, parameters.Range, ct), cancellationToken);

    private TextEdit[]? Format(string uri, Protocol.Range? range, CancellationToken cancellationToken)
    {
        if (GetMetabaseDocument(uri) is not { } snapshot) return null;
        var span = range is { } r ? LspConversions.ToSpan(r, snapshot) : (Metabase.Text.TextSpan?)null;
        return _core.Format(snapshot, span, cancellationToken).Select(e => LspConversions.ToTextEdit(e, snapshot)).ToArray();
    }
}

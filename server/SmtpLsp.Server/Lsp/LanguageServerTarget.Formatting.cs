using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>IIS's layout; no edits while the document has syntax errors (a guess could lose text).</summary>
    [JsonRpcMethod(Methods.Formatting, UseSingleObjectParameterDeserialization = true)]
    public Task<TextEdit[]?> Formatting(DocumentFormattingParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.Formatting, parameters, ct => Format(parameters.TextDocument.Uri, null, ct), cancellationToken);

    [JsonRpcMethod(Methods.RangeFormatting, UseSingleObjectParameterDeserialization = true)]
    public Task<TextEdit[]?> RangeFormatting(DocumentRangeFormattingParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.RangeFormatting, parameters, ct => Format(parameters.TextDocument.Uri, parameters.Range, ct), cancellationToken);

    private TextEdit[]? Format(string uri, Protocol.Range? range, CancellationToken cancellationToken)
    {
        if (GetMetabaseDocument(uri) is not { } snapshot) return null;
        var span = range is { } r ? LspConversions.ToSpan(r, snapshot) : (Metabase.Text.TextSpan?)null;
        var edits = _core.Format(snapshot, span, cancellationToken);
        var result = new TextEdit[edits.Count];
        for (int i = 0; i < result.Length; i++)
        {
            // A whole document of one-line keys makes hundreds of thousands of edits; a cancelled request stops here too.
            if ((i & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            result[i] = LspConversions.ToTextEdit(edits[i], snapshot);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }
}

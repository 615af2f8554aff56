using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    [JsonRpcMethod(Methods.FoldingRange, UseSingleObjectParameterDeserialization = true)]
    public Task<FoldingRange[]?> FoldingRange(FoldingRangeParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.FoldingRange, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            return (FoldingRange[]?)_core.Folding(snapshot, ct).Ranges.Select(r => new FoldingRange
            {
                StartLine = r.StartLine,
                EndLine = r.EndLine,
                Kind = r.Kind == Metabase.Navigation.FoldingKind.Comment ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
            }).ToArray();
        }, cancellationToken);

    [JsonRpcMethod(Methods.SelectionRange, UseSingleObjectParameterDeserialization = true)]
    public Task<SelectionRange[]?> SelectionRange(SelectionRangeParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.SelectionRange, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            return (SelectionRange[]?)(parameters.Positions ?? []).Select(position =>
            {
                var spans = _core.SelectionRanges(snapshot, ToOffset(snapshot, position), ct);
                // LSP wants one answer per position; an empty chain still gets the caret itself.
                SelectionRange? chain = null;
                for (int i = spans.Count - 1; i >= 0; i--)
                    chain = new SelectionRange { Range = LspConversions.ToRange(spans[i], snapshot), Parent = chain };
                return chain ?? new SelectionRange { Range = new Protocol.Range(position, position) };
            }).ToArray();
        }, cancellationToken);

    /// <summary>On a key's name or Location: its parent key. On a property name: the ancestor's value it overrides.</summary>
    [JsonRpcMethod(Methods.Definition, UseSingleObjectParameterDeserialization = true)]
    public Task<Location?> Definition(DefinitionParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.Definition, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            if (_core.Definition(snapshot, ToOffset(snapshot, parameters.Position), ct) is not { } target) return null;
            return (Location?)new Location { Uri = snapshot.Uri, Range = LspConversions.ToRange(target.SelectionSpan, snapshot) };
        }, cancellationToken);

    /// <summary>On a key: its child keys. On a property name: the keys below that override it.</summary>
    [JsonRpcMethod(Methods.References, UseSingleObjectParameterDeserialization = true)]
    public Task<Location[]?> References(ReferenceParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.References, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            var spans = _core.References(snapshot, ToOffset(snapshot, parameters.Position), parameters.Context?.IncludeDeclaration == true, ct);
            return (Location[]?)spans.Select(span => new Location { Uri = snapshot.Uri, Range = LspConversions.ToRange(span, snapshot) }).ToArray();
        }, cancellationToken);
}

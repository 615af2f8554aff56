using StreamJsonRpc;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>
    /// The property sheet of one key, by Location or of the key at a position (docs/protocol.md); null when the
    /// document is not open or has no such key.
    /// </summary>
    [JsonRpcMethod(Methods.EffectiveProperties, UseSingleObjectParameterDeserialization = true)]
    public Task<EffectivePropertiesResult?> EffectiveProperties(EffectivePropertiesParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.EffectiveProperties, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            string? location = parameters.Position is { } position ? _core.LocationAt(snapshot, ToOffset(snapshot, position), ct) : parameters.Location;
            if (location == null || _core.EffectiveProperties(snapshot, location, ct) is not { } sheet) return null;
            var key = sheet.Key;
            return (EffectivePropertiesResult?)new EffectivePropertiesResult
            {
                Version = snapshot.Version,
                Location = key.Location ?? "",
                KeyType = key.KeyType,
                Range = LspConversions.ToRange(sheet.Span, snapshot),
                SelectionRange = LspConversions.ToRange(sheet.SelectionSpan, snapshot),
                Properties = sheet.Properties.Select(row => ToEffectiveProperty(row, snapshot)).ToArray(),
            };
        }, cancellationToken);

    /// <summary>A WorkspaceEdit storing one value; -32801 when the client's version is stale, -32602 for what cannot be stored.</summary>
    [JsonRpcMethod(Methods.SetPropertyValue, UseSingleObjectParameterDeserialization = true)]
    public Task<WorkspaceEdit> SetPropertyValue(SetPropertyValueParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.SetPropertyValue, parameters, ct =>
        {
            var uri = parameters.TextDocument?.Uri ?? "";
            if (GetMetabaseDocument(uri) is not { } snapshot)
                throw new LocalRpcException($"{uri} is not an open metabase document") { ErrorCode = ErrorCodes.InvalidParams };
            if (IsFromDisk(uri))
                throw new LocalRpcException($"{uri} was read from disk because the editor does not share it (VS Code shares no file over 50 MB " +
                                            "with extensions), so an edit made here could not be followed: change the value in the editor, or run `smtplsp set`")
                {
                    ErrorCode = ErrorCodes.InvalidParams,
                };
            if (parameters.TextDocument!.Version != snapshot.Version)
                throw new LocalRpcException($"{uri} is at version {snapshot.Version}, not {parameters.TextDocument.Version}")
                {
                    ErrorCode = ErrorCodes.ContentModified,
                };
            var result = _core.SetPropertyValue(snapshot, parameters.Location ?? "", parameters.Property ?? "", parameters.Value ?? "", ct);
            if (result.Edit is not { } edit)
                throw new LocalRpcException(result.Error ?? "the value cannot be stored") { ErrorCode = ErrorCodes.InvalidParams };
            return LspConversions.ToWorkspaceEdit([edit], snapshot);
        }, cancellationToken);

    private static EffectiveProperty ToEffectiveProperty(SheetProperty row, DocumentSnapshot snapshot)
    {
        var value = row.Effective;
        return new EffectiveProperty
        {
            Name = value.Name,
            Id = value.Info?.Id,
            Type = value.Info is { } info ? ValueInput.TypeName(info.Type) : "UNKNOWN",
            Value = value.Value,
            Origin = value.Origin switch
            {
                ValueOrigin.SetHere => PropertyOrigin.Here,
                ValueOrigin.Inherited => PropertyOrigin.Inherited,
                _ => PropertyOrigin.Default,
            },
            InheritedFrom = value.Origin == ValueOrigin.Inherited ? value.SourceKey?.Location : null,
            Range = value.Origin == ValueOrigin.SetHere && value.SourceSpan is { } span ? LspConversions.ToRange(span, snapshot) : null,
            Description = value.Info?.Description?.Text,
            Flags = row.Flags is { } flags ? new PropertyFlags
            {
                Kind = flags.Kind == FlagTableKind.Numeric ? "numeric" : "symbolic",
                Number = flags.Number,
                Default = flags.Default,
                Items = flags.Items.Select(i => new PropertyFlagItem { Name = i.Name, Value = i.Value, Set = i.Set, Undocumented = i.Undocumented }).ToArray(),
            } : null,
        };
    }
}

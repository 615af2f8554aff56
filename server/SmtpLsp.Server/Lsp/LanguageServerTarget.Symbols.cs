using StreamJsonRpc;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>Most symbols one answer carries; beyond it the outline keeps the upper levels and says so once.</summary>
    internal int SymbolCap { get; set; } = Metabase.Navigation.DocumentSymbols.DefaultMax;

    private readonly HashSet<string> _cappedNoticeSent = new(StringComparer.Ordinal);

    [JsonRpcMethod(Methods.DocumentSymbol, UseSingleObjectParameterDeserialization = true)]
    public Task<DocumentSymbol[]?> DocumentSymbol(DocumentSymbolParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.DocumentSymbol, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            var tree = _core.DocumentSymbols(snapshot, SymbolCap, ct);
            if (tree.Capped) NoticeCapped(snapshot.Uri, $"The outline of {snapshot.Uri} shows the first {tree.Count} keys only.");
            return (DocumentSymbol[]?)tree.Symbols.Select(s => ToDocumentSymbol(s, snapshot)).ToArray();
        }, cancellationToken);

    /// <summary>
    /// Keys whose Location or key type contains the query, across every open metabase document; the cap is shared out evenly, so a
    /// large metabase cannot crowd a small one out (the VS Code key picker filters to one document).
    /// </summary>
    [JsonRpcMethod(Methods.WorkspaceSymbol, UseSingleObjectParameterDeserialization = true)]
    public Task<SymbolInformation[]?> WorkspaceSymbol(WorkspaceSymbolParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.WorkspaceSymbol, parameters, ct =>
        {
            List<DocumentSnapshot> snapshots;
            lock (_lock) snapshots = _documents.Values.Select(d => d.Snapshot).ToList();
            snapshots.RemoveAll(snapshot => GetMetabaseDocument(snapshot.Uri) is null);
            int share = SymbolCap / Math.Max(1, snapshots.Count);
            var result = new List<SymbolInformation>();
            foreach (var snapshot in snapshots)
            {
                ct.ThrowIfCancellationRequested();
                var found = _core.FindKeys(snapshot, parameters.Query ?? "", share, ct);
                result.AddRange(found.Matches.Select(target => new SymbolInformation
                {
                    Name = target.Key.Location ?? target.Key.KeyType,
                    Kind = LspConversions.ToSymbolKind(target.Key.KeyType),
                    Location = new Location { Uri = snapshot.Uri, Range = LspConversions.ToRange(target.SelectionSpan, snapshot) },
                    ContainerName = target.Key.KeyType,
                }));
            }
            return (SymbolInformation[]?)result.ToArray();
        }, cancellationToken);

    private static DocumentSymbol ToDocumentSymbol(KeySymbol symbol, DocumentSnapshot snapshot) => new()
    {
        Name = symbol.Name,
        Detail = symbol.Detail,
        Kind = LspConversions.ToSymbolKind(symbol.Detail),
        Range = LspConversions.ToRange(symbol.Span, snapshot),
        SelectionRange = LspConversions.ToRange(symbol.SelectionSpan, snapshot),
        Children = symbol.Children.Count > 0 ? symbol.Children.Select(c => ToDocumentSymbol(c, snapshot)).ToArray() : null,
    };

    /// <summary>Tells the user once per document that a result was cut, instead of on every keystroke.</summary>
    private void NoticeCapped(string uri, string message)
    {
        lock (_lock)
        {
            if (!_cappedNoticeSent.Add(uri)) return;
        }
        LogToStderr(message, MessageType.Warning);
        _ = NotifyAsync(Methods.ShowMessage, new ShowMessageParams { Type = MessageType.Warning, Message = message });
    }
}

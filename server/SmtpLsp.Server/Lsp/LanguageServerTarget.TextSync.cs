using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    // State changes happen synchronously, before any await, so messages apply in the order they arrived.

    [JsonRpcMethod(Methods.DidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters) => RunNotification(Methods.DidOpen, () =>
    {
        var item = parameters.TextDocument;
        lock (_lock)
        {
            var snapshot = DocumentSnapshot.Create(item.Uri, item.LanguageId, item.Version, item.Text ?? "");
            if (_documents.TryGetValue(item.Uri, out var existing))
            {
                // A document read from disk (smtpLsp/openFromDisk) that the editor now syncs is the editor's from here.
                if (!existing.FromDisk) LogToStderr($"didOpen for a document already open, replacing it: {item.Uri}");
                existing.Snapshot = snapshot;
                existing.FromDisk = false;
                ScheduleAnalysis(existing, TimeSpan.Zero);
                return;
            }
            var document = new OpenDocument(snapshot);
            _documents.Add(item.Uri, document);
            ScheduleAnalysis(document, TimeSpan.Zero);
        }
    });

    [JsonRpcMethod(Methods.DidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters) => RunNotification(Methods.DidChange, () =>
    {
        var uri = parameters.TextDocument.Uri;
        var problems = new List<string>();
        lock (_lock)
        {
            if (!_documents.TryGetValue(uri, out var document))
            {
                LogMessage(MessageType.Warning, $"didChange for a document that is not open, ignored: {uri}");
                return;
            }
            document.Snapshot = TextChangeApplier.Apply(document.Snapshot, parameters.ContentChanges ?? [], parameters.TextDocument.Version, problems);
            ScheduleAnalysis(document, TimeSpan.FromMilliseconds(_settings.DiagnosticsDebounceMs));
        }
        foreach (var problem in problems) LogMessage(MessageType.Warning, $"didChange {uri}: {problem}");
    });

    [JsonRpcMethod(Methods.DidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams parameters) => RunNotification(Methods.DidClose, () =>
    {
        var uri = parameters.TextDocument.Uri;
        OpenDocument? document;
        lock (_lock)
        {
            if (!_documents.Remove(uri, out document))
            {
                LogToStderr($"didClose for a document that is not open, ignored: {uri}");
                return;
            }
            document.Analysis?.Cancel();
        }
        _core.Forget(uri);
        _ = ClearDiagnosticsAsync(document.Snapshot);
    });

    /// <summary>The current text of an open document, or null.</summary>
    [JsonRpcIgnore]
    public DocumentSnapshot? GetDocument(string uri)
    {
        lock (_lock) return _documents.TryGetValue(uri, out var document) ? document.Snapshot : null;
    }

    /// <summary>
    /// An open document the server treats as a metabase (by content or the forceMetabase setting), else null; also
    /// null past maxDocumentSizeForFullAnalysis, where per-document features step back.
    /// </summary>
    private DocumentSnapshot? GetMetabaseDocument(string uri)
    {
        var snapshot = GetDocument(uri);
        if (snapshot is null) return null;
        var settings = Settings;
        if (settings.IsTooLargeForFullAnalysis(snapshot.Length)) return null;
        return settings.IsForcedMetabase(uri) || _core.LooksLikeMetabase(snapshot) ? snapshot : null;
    }

    private static int ToOffset(DocumentSnapshot snapshot, Position position) =>
        snapshot.Lines.GetOffset(new Metabase.Text.LinePosition(position.Line, position.Character));
}

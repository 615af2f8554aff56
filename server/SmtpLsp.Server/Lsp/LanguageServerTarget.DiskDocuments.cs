using StreamJsonRpc;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>
    /// Reads a file the editor shows but does not sync (VS Code shares no model over 50 MiB characters with
    /// extensions, so no didOpen ever comes) and holds it as an open document: diagnostics are published for its URI,
    /// and the outline and the property sheet answer for it. Read-only, since no edit of the editor's copy reaches the
    /// server; the client asks again when the file changes on disk, and didClose forgets it. A document the editor
    /// syncs is left as it is, and a file that is not a metabase is not kept.
    /// </summary>
    [JsonRpcMethod(Methods.OpenFromDisk, UseSingleObjectParameterDeserialization = true)]
    public Task<OpenFromDiskResult> OpenFromDisk(OpenFromDiskParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.OpenFromDisk, parameters, ct =>
        {
            var uri = parameters.TextDocument.Uri;
            if (GetDocument(uri) is { } synced && !IsFromDisk(uri))
                return Opened(synced, readFromDisk: false);
            var file = ReadFile(uri);
            ct.ThrowIfCancellationRequested();
            OpenDocument? dropped = null;
            DocumentSnapshot snapshot;
            lock (_lock)
            {
                _documents.TryGetValue(uri, out var existing);
                // The editor started syncing it while the file was read: its text wins.
                if (existing is { FromDisk: false }) return Opened(existing.Snapshot, readFromDisk: false);
                snapshot = DocumentSnapshot.Create(uri, "xml", (existing?.Snapshot.Version ?? 0) + 1, file.Text);
                if (!Settings.IsForcedMetabase(uri) && !_core.LooksLikeMetabase(snapshot))
                {
                    if (existing != null) _documents.Remove(uri, out dropped);
                }
                else if (existing != null)
                {
                    existing.Snapshot = snapshot;
                    ScheduleAnalysis(existing, TimeSpan.Zero);
                }
                else
                {
                    var document = new OpenDocument(snapshot) { FromDisk = true };
                    _documents.Add(uri, document);
                    ScheduleAnalysis(document, TimeSpan.Zero);
                }
            }
            if (dropped != null)
            {
                dropped.Analysis?.Cancel();
                _core.Forget(uri);
                _ = ClearDiagnosticsAsync(dropped.Snapshot);
            }
            return Opened(snapshot, readFromDisk: true);
        }, cancellationToken);

    private OpenFromDiskResult Opened(DocumentSnapshot snapshot, bool readFromDisk) => new()
    {
        Uri = snapshot.Uri,
        Version = snapshot.Version,
        ReadFromDisk = readFromDisk,
        IsMetabase = Settings.IsForcedMetabase(snapshot.Uri) || _core.LooksLikeMetabase(snapshot),
        Length = snapshot.Length,
    };

    private bool IsFromDisk(string uri)
    {
        lock (_lock) return _documents.TryGetValue(uri, out var document) && document.FromDisk;
    }

    /// <summary>The file behind a file: URI, decoded as the CLI reads it; a clear InvalidParams error otherwise.</summary>
    private static MetabaseFile ReadFile(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
            throw new LocalRpcException($"{uri} is not a file: URI, so it cannot be read from disk") { ErrorCode = ErrorCodes.InvalidParams };
        try
        {
            // Opening a FIFO waits for a writer, and a device may never end: either would hold the request for good.
            Files.SpecialFiles.ThrowIfUnreadable(parsed.LocalPath, streams: false);
            return MetabaseFile.Read(parsed.LocalPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            throw new LocalRpcException($"{parsed.LocalPath} cannot be read: {ex.Message}") { ErrorCode = ErrorCodes.InvalidParams };
        }
    }
}

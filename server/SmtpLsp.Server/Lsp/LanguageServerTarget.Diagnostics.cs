using StreamJsonRpc;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    // After a keystroke the features need a full parse of the new text (hundreds of ms on 50 MB). Building it once
    // the user pauses this long makes the next hover fast without adding that work to every keystroke; a newer
    // change cancels it before it starts.
    private static readonly TimeSpan PrepareFeaturesAfter = TimeSpan.FromMilliseconds(300);
    // About 8 MB of text: below it a collection is cheap whenever the GC chooses to run one.
    private const int IdleCollectionMinLength = 4 * 1024 * 1024;

    // The most sent for one document: a hostile file's million (300 MB of JSON) would hang the editor that receives them.
    // A list that long, about 1 MB, is still kept to compare the next one with.
    internal const int MaxPublishedDiagnostics = 10_000;

    // Serialises publishing, so a cancelled analysis can never publish after the one that replaced it.
    private readonly SemaphoreSlim _publishGate = new(1, 1);

    /// <summary>Cancels whatever is pending or running for the document and schedules a fresh analysis. Call under _lock.</summary>
    private void ScheduleAnalysis(OpenDocument document, TimeSpan delay)
    {
        document.Analysis?.Cancel();
        var analysis = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        document.Analysis = analysis;
        var snapshot = document.Snapshot;
        _ = Task.Run(() => AnalyzeAndPublishAsync(document, snapshot, delay, analysis.Token));
    }

    private async Task AnalyzeAndPublishAsync(OpenDocument document, DocumentSnapshot snapshot, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            NoticeIfTooLarge(document, snapshot);
            var (isMetabase, diagnostics) = Analyze(snapshot, cancellationToken);
            await PublishAsync(document, snapshot, diagnostics, onlyIfClearing: !isMetabase, cancellationToken).ConfigureAwait(false);
            if (isMetabase && !Settings.IsTooLargeForFullAnalysis(snapshot.Length))
                await PrepareFeaturesWhenIdleAsync(snapshot, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Superseded by a newer version, closed, or shutting down.
        }
        catch (Exception ex)
        {
            LogException($"analysis of {snapshot.Uri}", ex);
            // Old diagnostics would point at stale ranges; clearing is the honest fallback.
            try { await PublishAsync(document, snapshot, [], onlyIfClearing: true, cancellationToken).ConfigureAwait(false); }
            catch (Exception publishError) { LogException(Methods.PublishDiagnostics, publishError); }
        }
    }

    /// <summary>Builds what features need once the user pauses; a failure here is logged, it does not clear diagnostics.</summary>
    private async Task PrepareFeaturesWhenIdleAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        await Task.Delay(PrepareFeaturesAfter, cancellationToken).ConfigureAwait(false);
        try
        {
            _core.PrepareFeatures(snapshot, cancellationToken);
            CollectWhileIdle(snapshot, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogException($"preparing features for {snapshot.Uri}", ex);
        }
    }

    /// <summary>
    /// After a large document's full pass the heap holds its garbage (the message, the previous version's parse), and
    /// the first requests that tip the GC budget would pay for a full collection (80 ms on 50 MB). The user has paused,
    /// so collect now, in the idle time a request would otherwise spend waiting. Twice: after only one, the GC chose a
    /// blocking gen 2 collection again at its second own collection (about the 31st outline request on 50 MB, 48 to
    /// 58 ms), as if still sizing its budgets by the garbage the first one freed; after a second one (about 10 ms,
    /// idle) it did not within 100 requests (docs/performance.md).
    /// </summary>
    private static void CollectWhileIdle(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Length < IdleCollectionMinLength || cancellationToken.IsCancellationRequested) return;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        if (cancellationToken.IsCancellationRequested) return;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    private (bool IsMetabase, IReadOnlyList<Protocol.Diagnostic> Diagnostics) Analyze(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        bool isMetabase = Settings.IsForcedMetabase(snapshot.Uri) || _core.LooksLikeMetabase(snapshot);
        if (!isMetabase) return (false, []);
        IReadOnlyList<MetabaseDiagnostic> found = Settings.IsTooLargeForFullAnalysis(snapshot.Length)
            ? _core.AnalyzeSyntax(snapshot, cancellationToken)
            : _core.Analyze(snapshot, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (found.Count <= MaxPublishedDiagnostics) return (true, found.Select(d => LspConversions.ToDiagnostic(d, snapshot)).ToArray());
        var shown = new Protocol.Diagnostic[MaxPublishedDiagnostics + 1];
        for (int i = 0; i < MaxPublishedDiagnostics; i++) shown[i] = LspConversions.ToDiagnostic(found[i], snapshot);
        // Where the list stops, so the problems after it are not taken for none.
        shown[^1] = new Protocol.Diagnostic
        {
            Range = LspConversions.ToRange(found[MaxPublishedDiagnostics].Span, snapshot),
            Severity = (int)DiagnosticSeverity.Information,
            Source = LspConversions.Source,
            Message = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{MaxPublishedDiagnostics:N0} of {found.Count:N0} problems are shown, up to here; `smtplsp check` lists them all."),
        };
        return (true, shown);
    }

    /// <summary>One window/showMessage per document when it grows past maxDocumentSizeForFullAnalysis.</summary>
    private void NoticeIfTooLarge(OpenDocument document, DocumentSnapshot snapshot)
    {
        var settings = Settings;
        bool tooLarge = settings.IsTooLargeForFullAnalysis(snapshot.Length);
        lock (_lock)
        {
            if (!tooLarge || document.LargeDocumentNoticeSent)
            {
                document.LargeDocumentNoticeSent = tooLarge;
                return;
            }
            document.LargeDocumentNoticeSent = true;
        }
        string message = $"{snapshot.Uri} has {snapshot.Length:N0} characters, more than maxDocumentSizeForFullAnalysis " +
                         $"({settings.MaxDocumentSizeForFullAnalysis:N0}): only syntax errors are reported, and hover, completion " +
                         "and the other features are off for this document.";
        LogToStderr(message, MessageType.Warning);
        _ = NotifyAsync(Methods.ShowMessage, new LogMessageParams { Type = MessageType.Warning, Message = message });
    }

    /// <param name="onlyIfClearing">Publish an empty list only when the client currently shows something.</param>
    private async Task PublishAsync(
        OpenDocument document, DocumentSnapshot snapshot, IReadOnlyList<Protocol.Diagnostic> diagnostics, bool onlyIfClearing,
        CancellationToken cancellationToken)
    {
        await _publishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (onlyIfClearing && !document.HasPublishedDiagnostics) return;
            // A settings change re-analyses every document; when that changes nothing for a text the client already
            // has, sending the list again only costs the client (Emacs's eglot takes seconds per list on 20 MB).
            if (ReferenceEquals(document.PublishedSnapshot, snapshot) && document.Published is { } published &&
                DiagnosticLists.Same(published, diagnostics)) return;
            document.HasPublishedDiagnostics = diagnostics.Count > 0;
            document.PublishedSnapshot = snapshot;
            document.Published = diagnostics;
            await SendDiagnosticsAsync(snapshot, diagnostics).ConfigureAwait(false);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    private async Task ClearDiagnosticsAsync(DocumentSnapshot snapshot)
    {
        await _publishGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await SendDiagnosticsAsync(snapshot, []).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogException(Methods.PublishDiagnostics, ex);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    private Task SendDiagnosticsAsync(DocumentSnapshot snapshot, IReadOnlyList<Protocol.Diagnostic> diagnostics) =>
        NotifyAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams
        {
            Uri = snapshot.Uri,
            Version = snapshot.Version,
            Diagnostics = diagnostics,
        });

    /// <summary>Analyses an open document now and returns what would be published; null when it is not open.</summary>
    [JsonRpcMethod(Methods.DocumentDiagnostics, UseSingleObjectParameterDeserialization = true)]
    public Task<DocumentDiagnosticsResult?> DocumentDiagnostics(DocumentDiagnosticsParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.DocumentDiagnostics, parameters, ct =>
        {
            var snapshot = GetDocument(parameters.TextDocument.Uri);
            if (snapshot is null) return null;
            var (isMetabase, diagnostics) = Analyze(snapshot, ct);
            return (DocumentDiagnosticsResult?)new DocumentDiagnosticsResult
            {
                Uri = snapshot.Uri,
                Version = snapshot.Version,
                IsMetabase = isMetabase,
                Diagnostics = diagnostics,
            };
        }, cancellationToken);
}

using System.Collections.Concurrent;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// A core with just enough behaviour to observe the adapter: every "BAD" is an MB3001 warning (later ones point
/// back at the first), "BLOCK" waits until cancelled, "BOOM" throws. Metabase = root configuration + MBProperty.
/// </summary>
internal sealed class FakeLanguageCore : ILanguageCore
{
    public const string Marker = "BAD";

    private int _analyzeCount;

    public int AnalyzeCount => Volatile.Read(ref _analyzeCount);

    public ConcurrentQueue<int> AnalyzedVersions { get; } = new();

    /// <summary>Released once each time an analysis of a "BLOCK" document starts waiting.</summary>
    public SemaphoreSlim BlockEntered { get; } = new(0);

    /// <summary>Set when a blocked analysis saw its token cancelled.</summary>
    public TaskCompletionSource BlockCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool LooksLikeMetabase(DocumentSnapshot document) => LooksLikeMetabase(document.Text);

    private static bool LooksLikeMetabase(string text) =>
        text.Contains("<configuration", StringComparison.Ordinal) && text.Contains("<MBProperty", StringComparison.Ordinal);

    public IReadOnlyList<MetabaseDiagnostic> Analyze(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _analyzeCount);
        AnalyzedVersions.Enqueue(document.Version);
        string text = document.Text;
        if (text.Contains("BOOM", StringComparison.Ordinal)) throw new InvalidOperationException("fake core exploded");
        if (text.Contains("BLOCK", StringComparison.Ordinal))
        {
            BlockEntered.Release();
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(20));
            if (cancellationToken.IsCancellationRequested) BlockCancelled.TrySetResult();
            cancellationToken.ThrowIfCancellationRequested();
        }

        var found = new List<MetabaseDiagnostic>();
        TextSpan? first = null;
        for (int at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            var span = new TextSpan(at, Marker.Length);
            var related = first is { } f ? new[] { new RelatedLocation(f, "first marker") } : null;
            found.Add(new MetabaseDiagnostic(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning, span, "marker found", related));
            first ??= span;
        }
        return found;
    }
}

using SmtpLsp.Metabase.Analysis;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Placeholder until the real core is wired in Program.cs: recognises metabase documents by their root and
/// reports no diagnostics, so the protocol can be exercised end to end. Replace, do not extend.
/// </summary>
public sealed class PendingLanguageCore : ILanguageCore
{
    public bool LooksLikeMetabase(string text)
    {
        // Deliberately rough: the real core scans the tree; here the two names near the start are enough.
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        return head.Contains("<configuration", StringComparison.Ordinal) && head.Contains("<MBProperty", StringComparison.Ordinal);
    }

    public IReadOnlyList<MetabaseDiagnostic> Analyze(DocumentSnapshot document, CancellationToken cancellationToken) => [];
}

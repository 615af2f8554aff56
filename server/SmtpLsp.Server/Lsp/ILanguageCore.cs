using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Features;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// The seam between the protocol adapter and the language core. The server owns documents, positions and
/// timing; everything about metabase files happens behind this interface. Implementations must be safe to call
/// from several threads at once (different snapshots) and should honour the token promptly.
/// Features a test double does not care about have empty defaults.
/// </summary>
public interface ILanguageCore
{
    /// <summary>Cheap content check: root <c>configuration</c> holding <c>MBProperty</c>, whatever the file is called.</summary>
    bool LooksLikeMetabase(string text);

    /// <summary>All diagnostics for one version of a document. May throw <see cref="OperationCanceledException"/>.</summary>
    IReadOnlyList<MetabaseDiagnostic> Analyze(DocumentSnapshot document, CancellationToken cancellationToken);

    /// <summary>Only the cheap syntax diagnostics, for documents too large for <see cref="Analyze"/>.</summary>
    IReadOnlyList<MetabaseDiagnostic> AnalyzeSyntax(DocumentSnapshot document, CancellationToken cancellationToken) => [];

    HoverResult? Hover(DocumentSnapshot document, int offset, bool markdown, CancellationToken cancellationToken) => null;

    CompletionResult Complete(DocumentSnapshot document, int offset, CompletionOptions options, CancellationToken cancellationToken) =>
        CompletionResult.Empty(offset);
}

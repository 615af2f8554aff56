using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// The seam between the protocol adapter and the language core. The server owns documents, positions and
/// timing; everything about metabase files happens behind this interface. Implementations must be safe to call
/// from several threads at once (different snapshots) and should honour the token promptly.
/// Features a test double does not care about have empty defaults.
/// </summary>
public interface ILanguageCore
{
    /// <summary>
    /// Cheap content check: root <c>configuration</c> holding <c>MBProperty</c>, whatever the file is called. Read just
    /// the head of the snapshot: the whole string of an edited document is not built for this.
    /// </summary>
    bool LooksLikeMetabase(DocumentSnapshot document);

    /// <summary>All diagnostics for one version of a document. May throw <see cref="OperationCanceledException"/>.</summary>
    IReadOnlyList<MetabaseDiagnostic> Analyze(DocumentSnapshot document, CancellationToken cancellationToken);

    /// <summary>Only the cheap syntax diagnostics, for documents too large for <see cref="Analyze"/>.</summary>
    IReadOnlyList<MetabaseDiagnostic> AnalyzeSyntax(DocumentSnapshot document, CancellationToken cancellationToken) => [];

    HoverResult? Hover(DocumentSnapshot document, int offset, bool markdown, CancellationToken cancellationToken) => null;

    CompletionResult Complete(DocumentSnapshot document, int offset, CompletionOptions options, CancellationToken cancellationToken) =>
        CompletionResult.Empty(offset);

    /// <summary>Diagnostics of this very text that intersect the range, each with its safe quick fixes.</summary>
    IReadOnlyList<(MetabaseDiagnostic Diagnostic, IReadOnlyList<DiagnosticFix> Fixes)> QuickFixes(
        DocumentSnapshot document, TextSpan range, CancellationToken cancellationToken) => [];

    /// <summary>Value refactorings at the offset (flip a flag, reset to default, change form).</summary>
    IReadOnlyList<ValueAction> ValueActionsAt(DocumentSnapshot document, int offset, CancellationToken cancellationToken) => [];

    IReadOnlyList<FlagHint> InlayHints(DocumentSnapshot document, TextSpan range, CancellationToken cancellationToken) => [];

    SymbolTree DocumentSymbols(DocumentSnapshot document, int maxSymbols, CancellationToken cancellationToken) => new([], 0, false);

    KeySearchResult FindKeys(DocumentSnapshot document, string query, int max, CancellationToken cancellationToken) => new([], false);

    FoldingResult Folding(DocumentSnapshot document, CancellationToken cancellationToken) => new([], false);

    /// <summary>Expand-selection steps at the offset, innermost first.</summary>
    IReadOnlyList<TextSpan> SelectionRanges(DocumentSnapshot document, int offset, CancellationToken cancellationToken) => [];

    /// <summary>On a key: its parent key.</summary>
    KeyTarget? Definition(DocumentSnapshot document, int offset, CancellationToken cancellationToken) => null;

    /// <summary>On a key: its child keys. On a property name: the keys below that set the property themselves.</summary>
    IReadOnlyList<TextSpan> References(DocumentSnapshot document, int offset, bool includeDeclaration, CancellationToken cancellationToken) => [];

    /// <summary>IIS layout for the whole document, or the keys the range touches; none on syntax errors.</summary>
    IReadOnlyList<TextEdit> Format(DocumentSnapshot document, TextSpan? range, CancellationToken cancellationToken) => [];

    PropertySheetResult? EffectiveProperties(DocumentSnapshot document, string location, CancellationToken cancellationToken) => null;

    /// <summary>A page of the keys at the top (location null) or below the first key at a Location; null when none is there.</summary>
    KeyTreePage? KeyChildren(DocumentSnapshot document, string? location, int start, CancellationToken cancellationToken) => null;

    /// <summary>The Location of the key whose element holds the offset; null outside keys or for a key without one.</summary>
    string? LocationAt(DocumentSnapshot document, int offset, CancellationToken cancellationToken) => null;

    PropertyUpdateResult SetPropertyValue(DocumentSnapshot document, string location, string property, string value,
        CancellationToken cancellationToken) => new(null, "editing is not supported");

    /// <summary>
    /// Builds ahead what the features need for this version (after an incremental analysis, a full parse), so the
    /// next request does not wait for it. Called when the user has paused; may do nothing.
    /// </summary>
    void PrepareFeatures(DocumentSnapshot document, CancellationToken cancellationToken)
    {
    }

    /// <summary>The document was closed: drop what is kept for it.</summary>
    void Forget(string uri)
    {
    }
}

using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Syntax;
using MessageType = SmtpLsp.Server.Lsp.Protocol.MessageType;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// The real core behind the server: parses each document version once (cached per snapshot), analyses it with the
/// catalog in force (embedded, or the user's MBSchema.xml from the <c>schemaPath</c> setting), and answers features.
/// </summary>
public sealed class MetabaseLanguageCore : ILanguageCore
{
    // Keyed by snapshot identity: a new version is a new snapshot, and old ones are collected with their documents.
    private readonly ConditionalWeakTable<DocumentSnapshot, MetabaseDocument> _documents = new();
    private volatile MetabaseCatalog _catalog;
    private volatile AnalysisOptions _options = AnalysisOptions.Default;
    private string? _schemaPath;
    private bool _settingsApplied;

    public MetabaseLanguageCore(MetabaseCatalog? catalog = null) => _catalog = catalog ?? MetabaseCatalog.Embedded;

    public MetabaseCatalog Catalog => _catalog;

    /// <summary>
    /// Applies settings. Returns messages for the administrator (catalog in use, schema errors); on a broken schema
    /// the previous catalog keeps serving.
    /// </summary>
    public IReadOnlyList<(int Type, string Message)> ApplySettings(ServerSettings settings)
    {
        var messages = new List<(int, string)>();
        _options = new AnalysisOptions { ExchangeHints = settings.ExchangeHints };
        // The first call always reports the catalog in use, so a client can show it from the start.
        if (_settingsApplied && string.Equals(settings.SchemaPath, _schemaPath, StringComparison.Ordinal)) return messages;
        _settingsApplied = true;
        _schemaPath = settings.SchemaPath;
        if (string.IsNullOrWhiteSpace(settings.SchemaPath))
        {
            _catalog = MetabaseCatalog.Embedded;
            messages.Add((MessageType.Info, $"catalog: {_catalog.SourceDescription}"));
            return messages;
        }
        var result = MetabaseCatalog.LoadSchemaFile(settings.SchemaPath);
        foreach (var error in result.Errors)
            messages.Add((MessageType.Error, $"schemaPath {settings.SchemaPath}: {error}"));
        if (result.Catalog is { } catalog)
        {
            _catalog = catalog;
            messages.Add((MessageType.Info, $"catalog: {catalog.SourceDescription}"));
        }
        else
        {
            messages.Add((MessageType.Warning, $"schemaPath {settings.SchemaPath} cannot be used; still serving {_catalog.SourceDescription}"));
        }
        return messages;
    }

    /// <summary>Settings reach the core before diagnostics are re-published; what it reports goes to the client's log.</summary>
    public void AttachTo(LanguageServerTarget target) =>
        target.OnSettingsChanged(settings =>
        {
            foreach (var (type, message) in ApplySettings(settings)) target.LogMessage(type, message);
        });

    public bool LooksLikeMetabase(string text) => MetabaseDocument.LooksLikeMetabase(text);

    public IReadOnlyList<MetabaseDiagnostic> Analyze(DocumentSnapshot document, CancellationToken cancellationToken) =>
        MetabaseAnalyzer.Analyze(Get(document).Model, _catalog, _options, cancellationToken);

    public IReadOnlyList<MetabaseDiagnostic> AnalyzeSyntax(DocumentSnapshot document, CancellationToken cancellationToken) =>
        SyntaxTree.Parse(document.Text).Diagnostics;

    public HoverResult? Hover(DocumentSnapshot document, int offset, bool markdown, CancellationToken cancellationToken) =>
        HoverService.GetHover(Get(document), offset, markdown);

    public CompletionResult Complete(DocumentSnapshot document, int offset, CompletionOptions options, CancellationToken cancellationToken) =>
        CompletionService.GetCompletions(Get(document), offset, options);

    /// <summary>The parsed document for a snapshot, built once per version and catalog.</summary>
    public MetabaseDocument Get(DocumentSnapshot snapshot)
    {
        var catalog = _catalog;
        if (_documents.TryGetValue(snapshot, out var cached) && ReferenceEquals(cached.Catalog, catalog)) return cached;
        var document = MetabaseDocument.Create(snapshot.Text, catalog);
        _documents.AddOrUpdate(snapshot, document);
        return document;
    }
}

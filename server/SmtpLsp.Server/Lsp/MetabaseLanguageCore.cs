using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Navigation;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
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
    // The last analysis per open document, kept per key so a keystroke re-analyses only the key it touched.
    // The buffer is the snapshot's: after a full pass the state holds its own buffer over the same string.
    private readonly ConcurrentDictionary<string, (int Version, TextBuffer Buffer, IncrementalState State)> _states = new(StringComparer.Ordinal);
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
        // A FIFO here would hold initialize until something wrote to it: the server would never start.
        CatalogLoadResult result;
        try
        {
            Files.SpecialFiles.ThrowIfUnreadable(settings.SchemaPath, streams: false);
            result = MetabaseCatalog.LoadSchemaFile(settings.SchemaPath);
        }
        catch (IOException e)
        {
            result = new CatalogLoadResult(null, [new SchemaError(0, 0, $"cannot read '{settings.SchemaPath}': {e.Message}")]);
        }
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

    public bool LooksLikeMetabase(DocumentSnapshot document) => MetabaseDocument.LooksLikeMetabase(document.Buffer);

    public IReadOnlyList<MetabaseDiagnostic> Analyze(DocumentSnapshot document, CancellationToken cancellationToken) =>
        StateFor(document, cancellationToken).Diagnostics;

    public void Forget(string uri) => _states.TryRemove(uri, out _);

    public void PrepareFeatures(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return;
        var parsed = Get(document);
        // Editors ask for the outline right after opening or editing; on 50 MB the key tree is most of that request.
        if (!cancellationToken.IsCancellationRequested) KeyHierarchy.Build(parsed.Model);
    }

    /// <summary>
    /// The analysis of this version: reused when current, updated from the last one (just the changed key when the
    /// snapshot says which span one keystroke replaced), or made afresh for a new document, catalog or options.
    /// </summary>
    private IncrementalState StateFor(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var catalog = _catalog;
        var options = _options;
        IncrementalState state;
        if (_states.TryGetValue(document.Uri, out var last) && ReferenceEquals(last.State.Catalog, catalog) && last.State.Options == options)
        {
            // By reference: comparing two 100 MB texts on every keystroke would cost more than the update.
            if (ReferenceEquals(last.Buffer, document.Buffer)) return last.State;
            // The edits since the version analysed last (several when a debounce skipped some) as one span.
            state = document.ChangedSince(last.Version) is { } span
                ? IncrementalAnalyzer.Update(last.State, document.Buffer, span, cancellationToken)
                : IncrementalAnalyzer.Update(last.State, document.Text, cancellationToken);
        }
        else
        {
            state = IncrementalAnalyzer.Create(document.Text, catalog, options, cancellationToken);
        }
        _states[document.Uri] = (document.Version, document.Buffer, state);
        return state;
    }

    public IReadOnlyList<MetabaseDiagnostic> AnalyzeSyntax(DocumentSnapshot document, CancellationToken cancellationToken) =>
        SyntaxTree.Parse(document.Text).Diagnostics;

    public HoverResult? Hover(DocumentSnapshot document, int offset, bool markdown, CancellationToken cancellationToken)
    {
        if (StateWithoutDocument(document, cancellationToken) is { } state)
        {
            // The window declines on a key's name, whose hover lists its parent, children and inherited values.
            if (KeyWindow.At(state, offset) is { } window && window.TryHover(offset, markdown, out var hover)) return hover;
            if (HoverService.TryKeyName(state, offset, markdown, out hover)) return hover;
        }
        return HoverService.GetHover(Get(document), offset, markdown);
    }

    public CompletionResult Complete(DocumentSnapshot document, int offset, CompletionOptions options, CancellationToken cancellationToken)
    {
        if (WindowFor(document, offset, cancellationToken) is { } window && window.TryComplete(offset, options, out var completion)) return completion;
        return CompletionService.GetCompletions(Get(document), offset, options);
    }

    /// <summary>
    /// Right after a keystroke the whole parse of the new version is not built yet (about 0.2 s on 50 MB): then the
    /// key around the offset answers alone (<see cref="KeyWindow"/>), from the incremental analysis of this version,
    /// which the diagnostics need anyway. Null when the whole document is at hand or cheap (after a full pass).
    /// </summary>
    private KeyWindow? WindowFor(DocumentSnapshot snapshot, int offset, CancellationToken cancellationToken) =>
        StateWithoutDocument(snapshot, cancellationToken) is { } state ? KeyWindow.At(state, offset) : null;

    /// <summary>This version's incremental analysis when its whole document is not built yet, else null.</summary>
    private IncrementalState? StateWithoutDocument(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(snapshot, out var cached) && ReferenceEquals(cached.Catalog, _catalog)) return null;
        var state = StateFor(snapshot, cancellationToken);
        return state.Kind == UpdateKind.Incremental && !state.HasDocument ? state : null;
    }

    public IReadOnlyList<(MetabaseDiagnostic Diagnostic, IReadOnlyList<DiagnosticFix> Fixes)> QuickFixes(
        DocumentSnapshot document, TextSpan range, CancellationToken cancellationToken)
    {
        var touching = Analyze(document, cancellationToken).Where(d => d.Span.Start <= range.End && range.Start <= d.Span.End).ToList();
        // Editors ask for the code actions at the cursor after every keystroke (the light bulb).
        if (StateWithoutDocument(document, cancellationToken) is { } state && KeyWindow.Over(state, range) is { } window
            && window.TryQuickFixes(touching, out var fixes))
            return fixes;
        var parsed = Get(document);
        return touching
            .Select(d => (d, DiagnosticFixes.For(parsed.Model, parsed.Catalog, d)))
            .Where(pair => pair.Item2.Count > 0)
            .ToList();
    }

    public IReadOnlyList<ValueAction> ValueActionsAt(DocumentSnapshot document, int offset, CancellationToken cancellationToken)
    {
        if (WindowFor(document, offset, cancellationToken) is { } window) return window.ValueActionsAt(offset);
        var parsed = Get(document);
        return ValueActions.For(parsed.Model, offset, parsed.Catalog);
    }

    public IReadOnlyList<FlagHint> InlayHints(DocumentSnapshot document, TextSpan range, CancellationToken cancellationToken)
    {
        if (StateWithoutDocument(document, cancellationToken) is { } state && KeyWindow.Over(state, range) is { } window)
            return window.InlayHints(range);
        var parsed = Get(document);
        return FlagInlayHints.Compute(parsed.Model, parsed.Catalog, range);
    }

    /// <summary>Right after a keystroke, moved from the last whole parse (<see cref="MovedOutline"/>): editors ask after every change.</summary>
    public SymbolTree DocumentSymbols(DocumentSnapshot document, int maxSymbols, CancellationToken cancellationToken) =>
        MovedOutlineFor(document, cancellationToken)?.DocumentSymbols(maxSymbols)
        ?? Metabase.Navigation.DocumentSymbols.Build(Get(document).Model, maxSymbols);

    public KeySearchResult FindKeys(DocumentSnapshot document, string query, int max, CancellationToken cancellationToken) =>
        KeySearch.Find(NavigationModel(document, cancellationToken), query, max);

    public FoldingResult Folding(DocumentSnapshot document, CancellationToken cancellationToken) =>
        MovedOutlineFor(document, cancellationToken)?.Folding(document.Lines)
        ?? FoldingRanges.Compute(Get(document).Tree, document.Lines);

    private MovedOutline? MovedOutlineFor(DocumentSnapshot snapshot, CancellationToken cancellationToken) =>
        StateWithoutDocument(snapshot, cancellationToken) is { } state ? MovedOutline.For(state) : null;

    public IReadOnlyList<TextSpan> SelectionRanges(DocumentSnapshot document, int offset, CancellationToken cancellationToken) =>
        MovedOutlineFor(document, cancellationToken)?.SelectionRanges(offset)
        ?? Metabase.Navigation.SelectionRanges.At(Get(document).Tree, offset);

    public KeyTarget? Definition(DocumentSnapshot document, int offset, CancellationToken cancellationToken) =>
        KeyNavigation.Definition(NavigationModel(document, cancellationToken), offset, _catalog);

    public IReadOnlyList<TextSpan> References(DocumentSnapshot document, int offset, bool includeDeclaration, CancellationToken cancellationToken) =>
        KeyNavigation.ReferenceSpans(NavigationModel(document, cancellationToken), offset, includeDeclaration);

    /// <summary>Right after a keystroke the keys now, placed over the last whole parse; else the whole parse's.</summary>
    private MetabaseModel NavigationModel(DocumentSnapshot document, CancellationToken cancellationToken) =>
        StateWithoutDocument(document, cancellationToken)?.KeysNow ?? Get(document).Model;

    /// <summary>A range (format selection, format on paste) right after a keystroke from the keys now; the whole document from its parse.</summary>
    public IReadOnlyList<TextEdit> Format(DocumentSnapshot document, TextSpan? range, CancellationToken cancellationToken)
    {
        if (range is { } asked && StateWithoutDocument(document, cancellationToken) is { } state &&
            Formatter.TryFormatRange(state, asked, out var edits)) return edits;
        var parsed = Get(document);
        cancellationToken.ThrowIfCancellationRequested();
        return range is { } r ? Formatter.FormatRange(parsed.Model, r, parsed.Catalog) : Formatter.FormatDocument(parsed.Model, parsed.Catalog, cancellationToken);
    }

    /// <summary>
    /// A property sheet asks again after every change, and a click on it asks for an edit: right after a keystroke
    /// both are answered from the keys now, read over the last whole parse (<see cref="PropertySheet.TryFor"/>).
    /// </summary>
    public PropertySheetResult? EffectiveProperties(DocumentSnapshot document, string location, CancellationToken cancellationToken)
    {
        if (StateWithoutDocument(document, cancellationToken) is { } state && PropertySheet.TryFor(state, location, out var sheet)) return sheet;
        var parsed = Get(document);
        return PropertySheet.For(parsed.Model, parsed.Catalog, location);
    }

    /// <summary>From the whole parse: a tree view asks after a pause, when the idle build has made it.</summary>
    public KeyTreePage? KeyChildren(DocumentSnapshot document, string? location, int start, CancellationToken cancellationToken) =>
        KeyTreeLevel.Page(Get(document).Model, location, start);

    /// <summary>From the keys now right after a keystroke, as navigation: the commands at the cursor ask it first.</summary>
    public string? LocationAt(DocumentSnapshot document, int offset, CancellationToken cancellationToken) =>
        NavigationModel(document, cancellationToken).FindKeyAt(offset)?.Location;

    public PropertyUpdateResult SetPropertyValue(DocumentSnapshot document, string location, string property, string value,
        CancellationToken cancellationToken)
    {
        if (StateWithoutDocument(document, cancellationToken) is { } state && PropertyUpdate.TryPlan(state, location, property, value, out var update))
            return update!;
        var parsed = Get(document);
        return PropertyUpdate.Plan(parsed.Model, parsed.Catalog, location, property, value);
    }

    /// <summary>The parsed document for a snapshot, built once per version and catalog.</summary>
    public MetabaseDocument Get(DocumentSnapshot snapshot)
    {
        var catalog = _catalog;
        if (_documents.TryGetValue(snapshot, out var cached) && ReferenceEquals(cached.Catalog, catalog)) return cached;
        if (_states.TryGetValue(snapshot.Uri, out var last) && ReferenceEquals(last.Buffer, snapshot.Buffer)
            && ReferenceEquals(last.State.Catalog, catalog))
        {
            _documents.AddOrUpdate(snapshot, last.State.Document);
            return last.State.Document;
        }
        var document = MetabaseDocument.Create(snapshot.Text, catalog);
        _documents.AddOrUpdate(snapshot, document);
        return document;
    }
}

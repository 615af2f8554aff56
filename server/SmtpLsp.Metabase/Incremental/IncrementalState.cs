using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>How <see cref="IncrementalAnalyzer"/> produced a state.</summary>
public enum UpdateKind
{
    /// <summary>The whole text was parsed and analysed.</summary>
    Full,
    /// <summary>Only the edited key was re-parsed and re-analysed; everything else was reused and moved.</summary>
    Incremental,
}

/// <summary>
/// One version of a document as the incremental analyzer sees it: the text, its diagnostics (always equal to a full
/// <see cref="MetabaseAnalyzer.Analyze"/>) and, on demand, the full <see cref="MetabaseDocument"/> for features. Immutable.
/// </summary>
public sealed class IncrementalState
{
    private readonly Lazy<MetabaseDocument> _document;
    // Dropped once this version's own document is built, so the earlier one can be collected.
    private EarlierDocument? _earlier;
    // Made on first use from _earlier, and dropped with it.
    private MetabaseModel? _keysNow;

    internal IncrementalState(string text, MetabaseCatalog catalog, AnalysisOptions options, UpdateKind kind,
        KeySlot[] slots, MetabaseDiagnostic[] syntaxDiagnostics, MetabaseDiagnostic[] crossKeyDiagnostics,
        IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys, IReadOnlyList<MetabaseDiagnostic> diagnostics,
        Lazy<MetabaseDocument> document)
        : this(TextBuffer.From(text), catalog, options, kind, SlotTable.From(slots), syntaxDiagnostics, crossKeyDiagnostics, smtpKeys, diagnostics, document)
    {
    }

    internal IncrementalState(TextBuffer text, MetabaseCatalog catalog, AnalysisOptions options, UpdateKind kind,
        SlotTable slots, MetabaseDiagnostic[] syntaxDiagnostics, MetabaseDiagnostic[] crossKeyDiagnostics,
        IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys, IReadOnlyList<MetabaseDiagnostic> diagnostics,
        Lazy<MetabaseDocument> document, EarlierDocument? earlier = null)
    {
        Buffer = text;
        Catalog = catalog;
        Options = options;
        Kind = kind;
        Slots = slots;
        SyntaxDiagnostics = syntaxDiagnostics;
        CrossKeyDiagnostics = crossKeyDiagnostics;
        SmtpKeys = smtpKeys;
        Diagnostics = diagnostics;
        _document = document;
        _earlier = earlier;
    }

    /// <summary>The text without copying it: an incremental update leaves it as edited chunks.</summary>
    public TextBuffer Buffer { get; }

    /// <summary>The whole text as one string, built on first use after an incremental update (see <see cref="TextBuffer.ToString()"/>).</summary>
    public string Text => Buffer.ToString();

    public MetabaseCatalog Catalog { get; }

    public AnalysisOptions Options { get; }

    /// <summary>Whether this state came from a full pass or from re-analysing one key.</summary>
    public UpdateKind Kind { get; }

    /// <summary>Every diagnostic in document order, exactly as a full analysis of <see cref="Text"/> gives them.</summary>
    public IReadOnlyList<MetabaseDiagnostic> Diagnostics { get; }

    /// <summary>
    /// The full parse for hover, completion and navigation. After an incremental update it is built on first use
    /// (one full parse), so a burst of keystrokes costs one parse when the user next asks for a feature.
    /// </summary>
    public MetabaseDocument Document
    {
        get
        {
            var document = _document.Value;
            _earlier = null;
            _keysNow = null;
            return document;
        }
    }

    /// <summary>
    /// Until <see cref="Document"/> is built, after an incremental update: the last earlier version whose whole parse
    /// exists, and the slots edited since, so the outline and folding can be moved from it instead of parsing again.
    /// </summary>
    public EarlierDocument? Earlier => HasDocument ? null : _earlier;

    /// <summary>
    /// Until <see cref="Document"/> is built, after an incremental update: this version's keys as a model over the
    /// earlier whole parse, each placed where it now stands (<see cref="MetabaseModel.Place"/>), made on first use and
    /// kept with the state; null otherwise. What the property sheet, navigation and the hover on a key's name read
    /// right after a keystroke instead of parsing the whole version.
    /// </summary>
    public MetabaseModel? KeysNow
    {
        get
        {
            if (Earlier == null) return null;
            var model = Volatile.Read(ref _keysNow);
            if (model != null) return model;
            model = CurrentKeys.ModelOf(this);
            return model == null ? null : Interlocked.CompareExchange(ref _keysNow, model, null) ?? model;
        }
    }

    /// <summary>True once <see cref="Document"/> has been built for this version.</summary>
    public bool HasDocument => _document.IsValueCreated;

    internal SlotTable Slots { get; }

    // Syntax diagnostics of the whole tree, absolute.
    internal MetabaseDiagnostic[] SyntaxDiagnostics { get; }

    // DocumentRules output (duplicate Locations, parent links), absolute, in the order the full analyzer produces them.
    internal MetabaseDiagnostic[] CrossKeyDiagnostics { get; }

    // Every normalised path under /LM/SmtpSvc above an SMTP server, which Exchange detection asks about, with the
    // first key there as it sees it (null when none). An incremental update never changes a server or a key at one of
    // these paths (it falls back instead), so it is carried over unchanged.
    internal IReadOnlyDictionary<string, SmtpAncestor?> SmtpKeys { get; }
}

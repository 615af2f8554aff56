using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// One immutable version of an open document: what the core analyses and what positions map through. The text is
/// a <see cref="TextBuffer"/>, so a keystroke does not copy the whole document; <see cref="Text"/> builds (and caches)
/// the full string for the features that need one.
/// </summary>
public sealed record DocumentSnapshot(string Uri, string LanguageId, int Version, TextBuffer Buffer, LineIndex Lines)
{
    /// <summary>
    /// The ranged edits that made this version, newest first, linked back a few versions: a core that last saw an
    /// older version can fold them into one changed span. Null after didOpen or a whole-text replacement.
    /// </summary>
    public DocumentEdit? LastEdit { get; init; }

    /// <summary>The whole text; after an edit the first call builds it (one copy of the document), later calls reuse it.</summary>
    public string Text => Buffer.ToString();

    public int Length => Buffer.Length;

    public static DocumentSnapshot Create(string uri, string languageId, int version, string text) =>
        new(uri, languageId, version, TextBuffer.From(text), new LineIndex(text));

    /// <summary>
    /// The one span of version <paramref name="version"/> that the edits since then replaced, or null when that
    /// version is not in the chain (a whole-text replacement, or too long ago).
    /// </summary>
    public TextSpan? ChangedSince(int version)
    {
        var chain = new List<DocumentEdit>();
        for (var edit = LastEdit; edit != null; edit = edit.Previous)
        {
            chain.Add(edit);
            if (edit.BaseVersion != version) continue;
            var range = new ChangedRange();
            for (int i = chain.Count - 1; i >= 0; i--) range.Add(chain[i].Replaced, chain[i].InsertedLength);
            return range.Original;
        }
        return null;
    }
}

/// <summary>
/// One didChange's ranged changes folded into one: <paramref name="Replaced"/> is a span of version
/// <paramref name="BaseVersion"/>, now <paramref name="InsertedLength"/> characters long. Only offsets, no text.
/// </summary>
public sealed record DocumentEdit(int BaseVersion, TextSpan Replaced, int InsertedLength, DocumentEdit? Previous)
{
    /// <summary>How many edits the chain keeps: enough for a debounce's worth of keystrokes.</summary>
    public const int MaxChain = 256;

    public int Depth { get; } = Previous is null ? 1 : Previous.Depth + 1;

    /// <summary>This edit after <paramref name="previous"/>, dropping the chain beyond <see cref="MaxChain"/>.</summary>
    public static DocumentEdit After(DocumentEdit? previous, int baseVersion, TextSpan replaced, int insertedLength) =>
        new(baseVersion, replaced, insertedLength, previous is { Depth: < MaxChain } ? previous : null);
}

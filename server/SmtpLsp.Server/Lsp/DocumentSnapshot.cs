using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Server.Lsp;

/// <summary>One immutable version of an open document: what the core analyses and what positions map through.</summary>
public sealed record DocumentSnapshot(string Uri, string LanguageId, int Version, string Text, LineIndex Lines)
{
    /// <summary>When this version came from one ranged change: the version it changed, and the replaced span there.</summary>
    public int? BaseVersion { get; init; }

    public TextSpan? ChangedSpan { get; init; }

    public static DocumentSnapshot Create(string uri, string languageId, int version, string text) =>
        new(uri, languageId, version, text, new LineIndex(text));
}

using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// What the cross-key rules read from one key (Exchange detection reads Custom elements of the keys above a server):
/// if it is unchanged after an edit, their results for other keys are too.
/// </summary>
internal readonly record struct KeySummary(string KeyType, string? Location, bool HasLocationAttribute, TextSpan RelativeLocationValueSpan,
    bool HasCustom);

/// <summary>
/// One top-level element under MBProperty (a key, with any keys wrongly nested in it), the per-key diagnostics of
/// its keys and the Exchange hints on its SMTP servers, with spans relative to <see cref="Start"/> so slots after an
/// edit only move their start.
/// </summary>
internal readonly record struct KeySlot(
    int Start,
    int Length,
    MetabaseDiagnostic[] LocalDiagnostics,
    KeySummary[] Summaries,
    MetabaseDiagnostic[] ExchangeDiagnostics,
    bool Clean)
{
    public int End => Start + Length;
}

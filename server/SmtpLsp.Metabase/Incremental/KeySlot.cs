using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>What the cross-key rules read from one key: if it is unchanged after an edit, their results are too.</summary>
internal readonly record struct KeySummary(string KeyType, string? Location, bool HasLocationAttribute, TextSpan RelativeLocationValueSpan);

/// <summary>
/// One top-level element under MBProperty (a key, with any keys wrongly nested in it) and the per-key diagnostics of
/// its keys, with spans relative to <see cref="Start"/> so slots after an edit only move their start.
/// </summary>
internal readonly record struct KeySlot(
    int Start,
    int Length,
    MetabaseDiagnostic[] LocalDiagnostics,
    KeySummary[] Summaries,
    bool Clean,
    bool ExchangeRelevant)
{
    public int End => Start + Length;
}

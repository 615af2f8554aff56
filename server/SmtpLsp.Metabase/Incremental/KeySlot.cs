using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// What the cross-key rules read from one key (Exchange detection reads Custom elements of the keys above a server):
/// if it is unchanged after an edit, their results for other keys are too. Computed from a parse of one key element
/// (spans relative to it) when an edit is judged, never stored.
/// </summary>
internal readonly record struct KeySummary(string KeyType, string? Location, bool HasLocationAttribute, TextSpan RelativeLocationValueSpan,
    bool HasCustom)
{
    /// <summary>The summary of a key parsed from its own element text (offsets already relative to the element).</summary>
    public static KeySummary Of(MetabaseKey key)
    {
        var attribute = key.LocationView;
        var valueSpan = attribute is { } location ? location.ValueSpan : default;
        return new KeySummary(key.KeyType, key.Location, attribute != null, valueSpan, key.HasCustomProperties);
    }
}

/// <summary>
/// One top-level element under MBProperty (a key, with any keys wrongly nested in it), the per-key diagnostics of
/// its keys and the Exchange hints on its SMTP servers, with spans relative to <see cref="Start"/> so slots after an
/// edit only move their start.
/// </summary>
internal readonly record struct KeySlot(
    int Start,
    int Length,
    MetabaseDiagnostic[] LocalDiagnostics,
    MetabaseDiagnostic[] ExchangeDiagnostics,
    bool Clean)
{
    public int End => Start + Length;
}

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
/// edit only move their start. 16 bytes (a large file has one per key): the two diagnostic arrays share one
/// reference, null for the usual slot without any, and ParsesAlone rides in the length's sign bit.
/// </summary>
internal readonly record struct KeySlot
{
    private static readonly MetabaseDiagnostic[] None = [];

    // null: no diagnostics; MetabaseDiagnostic[]: per-key ones only; Both: per-key and Exchange hints.
    private readonly object? _diagnostics;
    private readonly int _lengthAndFlag;

    public KeySlot(int Start, int Length, MetabaseDiagnostic[] LocalDiagnostics, MetabaseDiagnostic[] ExchangeDiagnostics, bool ParsesAlone)
    {
        this.Start = Start;
        _lengthAndFlag = (Length & int.MaxValue) | (ParsesAlone ? int.MinValue : 0);
        _diagnostics = Pack(LocalDiagnostics, ExchangeDiagnostics);
    }

    public int Start { get; init; }

    public int Length => _lengthAndFlag & int.MaxValue;

    /// <summary>
    /// The element's text parses alone exactly as it does in place (same elements, attributes and syntax diagnostics,
    /// nothing reaching past it), so an edit inside it may be handled incrementally and features may read it alone.
    /// </summary>
    public bool ParsesAlone => _lengthAndFlag < 0;

    public int End => Start + Length;

    public MetabaseDiagnostic[] LocalDiagnostics => _diagnostics switch
    {
        MetabaseDiagnostic[] local => local,
        Both both => both.Local,
        _ => None,
    };

    public MetabaseDiagnostic[] ExchangeDiagnostics
    {
        get => _diagnostics is Both both ? both.Exchange : None;
        init => _diagnostics = Pack(LocalDiagnostics, value);
    }

    private static object? Pack(MetabaseDiagnostic[] local, MetabaseDiagnostic[] exchange) =>
        exchange.Length > 0 ? new Both(local, exchange) : local.Length > 0 ? local : null;

    private sealed record Both(MetabaseDiagnostic[] Local, MetabaseDiagnostic[] Exchange);
}

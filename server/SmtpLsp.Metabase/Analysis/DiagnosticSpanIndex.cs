using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Answers "does any of these diagnostics touch this span?" in O(log n), so asking it once per key stays linear
/// overall even when a broken file has as many syntax errors as keys. Diagnostics must be sorted by start.
/// </summary>
internal sealed class DiagnosticSpanIndex
{
    private readonly int[] _starts;
    // _maxEnds[i]: the largest end among the first i + 1 diagnostics (a long one can reach past later ones).
    private readonly int[] _maxEnds;

    public DiagnosticSpanIndex(IReadOnlyList<MetabaseDiagnostic> sortedByStart)
    {
        _starts = new int[sortedByStart.Count];
        _maxEnds = new int[sortedByStart.Count];
        int maxEnd = int.MinValue;
        for (int i = 0; i < _starts.Length; i++)
        {
            var span = sortedByStart[i].Span;
            _starts[i] = span.Start;
            maxEnd = Math.Max(maxEnd, span.End);
            _maxEnds[i] = maxEnd;
        }
    }

    /// <summary>True when a diagnostic overlaps or touches the span (an empty span at a boundary may belong to either side).</summary>
    public bool Touches(TextSpan span)
    {
        // The diagnostics that start at or before span.End are the only candidates; one of them must end at or after span.Start.
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_starts[mid] <= span.End) lo = mid + 1;
            else hi = mid;
        }
        return lo > 0 && _maxEnds[lo - 1] >= span.Start;
    }
}

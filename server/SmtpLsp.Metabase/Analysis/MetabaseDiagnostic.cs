using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Analysis;

public enum DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>Another place in the same document that explains a diagnostic (for example the first of two duplicate Locations).</summary>
public sealed record RelatedLocation(TextSpan Span, string Message);

/// <summary>
/// One finding of the core. <see cref="Code"/> is stable (see <see cref="DiagnosticCodes"/>), the message quotes the
/// offending text and says what is expected, and <see cref="Span"/> covers exactly that text.
/// </summary>
public sealed record MetabaseDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    TextSpan Span,
    string Message,
    IReadOnlyList<RelatedLocation>? Related = null)
{
    /// <summary>Data a quick fix needs (for example the suggested name); never shown to the user.</summary>
    public string? FixData { get; init; }
}

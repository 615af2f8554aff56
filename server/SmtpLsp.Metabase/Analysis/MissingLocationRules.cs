using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>MB2002: every key needs a non-empty Location.</summary>
internal static class MissingLocationRules
{
    public static void Check(MetabaseKey key, ICollection<MetabaseDiagnostic> sink)
    {
        if (key.LocationView is not { } attribute)
        {
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.MissingLocation, DiagnosticSeverity.Error, key.Element.NameSpan,
                $"Key {AnalysisText.Quote(key.KeyType)} has no Location; expected Location =\"/LM/...\"."));
            return;
        }
        if (!key.LocationText.IsWhiteSpace()) return;

        // An empty value has no text to underline: point at the whole attribute instead.
        TextSpan span = attribute.ValueSpan.Length > 0 ? attribute.ValueSpan : attribute.Span;
        sink.Add(new MetabaseDiagnostic(DiagnosticCodes.MissingLocation, DiagnosticSeverity.Error, span,
            $"Key {AnalysisText.Quote(key.KeyType)} has an empty Location {AnalysisText.Quote(attribute.RawValue)}; expected a path such as \"/LM/SmtpSvc/1\"."));
    }
}

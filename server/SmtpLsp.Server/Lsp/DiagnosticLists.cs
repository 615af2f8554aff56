using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Lsp;

/// <summary>Whether two published lists say the same thing (records compare their lists by reference, so not Equals).</summary>
internal static class DiagnosticLists
{
    public static bool Same(IReadOnlyList<Diagnostic> a, IReadOnlyList<Diagnostic> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (!Same(a[i], b[i])) return false;
        }
        return true;
    }

    private static bool Same(Diagnostic a, Diagnostic b) =>
        a.Range == b.Range && a.Severity == b.Severity && a.Code == b.Code && a.CodeDescription == b.CodeDescription &&
        a.Source == b.Source && a.Message == b.Message && SameRelated(a.RelatedInformation, b.RelatedInformation);

    private static bool SameRelated(IReadOnlyList<DiagnosticRelatedInformation>? a, IReadOnlyList<DiagnosticRelatedInformation>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}

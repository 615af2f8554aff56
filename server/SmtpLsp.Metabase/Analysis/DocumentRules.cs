using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>Rules that relate keys to each other by Location; they must re-run when any key's Location changes.</summary>
public static class DocumentRules
{
    public static void Analyze(MetabaseModel model, ICollection<MetabaseDiagnostic> sink)
    {
        DuplicateLocationRules.Check(model, sink);
        ParentKeyRules.Check(model, sink);
    }
}

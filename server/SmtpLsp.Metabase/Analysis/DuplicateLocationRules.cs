using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>MB2003: two keys with the same Location (case-insensitive, as IIS compares paths).</summary>
internal static class DuplicateLocationRules
{
    public static void Check(MetabaseModel model, ICollection<MetabaseDiagnostic> sink)
    {
        if (!model.HasDuplicateLocations) return;
        // Only the keys that share a Location, in key order as a pass over every key would meet them: after a keystroke
        // in a Location the rule runs again over 146k keys on 50 MB, and asked about each it took 50 to 100 ms.
        foreach (int number in model.DuplicatedKeys())
        {
            var key = model.Keys[number];
            if (key.LocationView is not { } attribute || key.LocationText.IsWhiteSpace()) continue;
            var (first, count) = model.CountByLocation(key.LocationText);
            if (count < 2 || first == null || ReferenceEquals(first, key)) continue;
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.DuplicateLocation, DiagnosticSeverity.Error, model.Place(key, attribute.ValueSpan),
                $"Duplicate Location {AnalysisText.Quote(key.Location!)}; the {first.KeyType} key before it already has this path (paths compare case-insensitively).",
                [new RelatedLocation(model.Place(first, first.LocationView!.Value.ValueSpan), $"First key with Location {AnalysisText.Quote(first.Location!)}")]));
        }
    }
}

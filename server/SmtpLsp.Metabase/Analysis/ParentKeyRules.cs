using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// MB2004: no key at the parent path. An iiscnfg /export file holds only a subtree, so a parent that is an ancestor
/// of every key in the file (the part above the exported subtree) is not reported.
/// </summary>
internal static class ParentKeyRules
{
    public static void Check(MetabaseModel model, ICollection<MetabaseDiagnostic> sink)
    {
        // Only asked once a parent is missing: most files have every parent.
        string? common = null;
        bool commonKnown = false;
        var keys = model.Keys;
        for (int k = 0; k < keys.Count; k++)
        {
            // Most keys' parents were seen as the model was built; the rest are looked up, as spans until there is
            // something to report.
            if (model.ParentListedBefore(k)) continue;
            var key = keys[k];
            if (!key.HasLocation || !LocationPath.TryGetParent(key.LocationText, out var parentPath)) continue;
            if (key.LocationView is not { } attribute) continue;
            if (model.CountByLocation(parentPath).Count > 0) continue;
            if (!commonKnown)
            {
                common = CommonAncestor(model);
                commonKnown = true;
            }
            if (common != null && IsAncestorOrSelf(parentPath, common)) continue;
            var parent = parentPath.ToString();
            sink.Add(new MetabaseDiagnostic(DiagnosticCodes.ParentKeyMissing, DiagnosticSeverity.Information, model.Place(key, attribute.ValueSpan),
                $"No key at the parent path {AnalysisText.Quote(parent)} of {AnalysisText.Quote(key.Location!)}; IIS accepts this, " +
                "but properties are then inherited from further up."));
        }
    }

    /// <summary>The deepest path that is an ancestor-or-self of every absolute Location, or null when there is none.</summary>
    internal static string? CommonAncestor(MetabaseModel model)
    {
        string? common = null;
        foreach (var key in model.Keys)
        {
            var location = key.LocationText;
            // "." (IIS_Global) and relative paths are outside the path tree.
            if (location.Length == 0 || location[0] != '/') continue;
            var path = LocationPath.Normalize(location);
            if (common == null) { common = path.ToString(); continue; }
            while (!IsAncestorOrSelf(common, path)) common = LocationPath.GetParent(common) ?? "/";
            // Every absolute path is under the root: no later key can change it (a whole metabase gets here at once).
            if (common == "/") break;
        }
        return common;
    }

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="path"/> or one of its ancestors, by whole segments.</summary>
    internal static bool IsAncestorOrSelf(string ancestor, string path) => IsAncestorOrSelf(ancestor.AsSpan(), path.AsSpan());

    internal static bool IsAncestorOrSelf(ReadOnlySpan<char> ancestor, ReadOnlySpan<char> path)
    {
        ancestor = LocationPath.Normalize(ancestor);
        path = LocationPath.Normalize(path);
        if (ancestor is "/") return path.Length > 0 && path[0] == '/';
        // The length and the '/' after the ancestor first: they settle most pairs without comparing the text.
        if (path.Length < ancestor.Length || (path.Length > ancestor.Length && path[ancestor.Length] != '/')) return false;
        return LocationPath.StartsWithPath(path, ancestor);
    }
}

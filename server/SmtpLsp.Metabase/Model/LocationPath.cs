namespace SmtpLsp.Metabase.Model;

/// <summary>
/// Metabase Location paths ("/LM/SmtpSvc/1"). IIS matches them case-insensitively; callers keep the original case.
/// </summary>
public static class LocationPath
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// The parent path: "/LM/SmtpSvc/1" -> "/LM/SmtpSvc", "/LM" -> "/", "/" -> null, "." (IIS_Global) -> null.
    /// Trailing slashes are ignored. A relative path without '/' has no parent.
    /// </summary>
    public static string? GetParent(string? location)
    {
        if (location == null || !TryGetParent(location, out var parent)) return null;
        return parent.Length == 1 && parent[0] == '/' ? "/" : parent.ToString();
    }

    /// <summary>The same as <see cref="GetParent"/> on a span, without allocating: false when there is no parent.</summary>
    internal static bool TryGetParent(ReadOnlySpan<char> location, out ReadOnlySpan<char> parent)
    {
        parent = default;
        var trimmed = Normalize(location);
        if (trimmed.Length == 0 || trimmed is "/" or ".") return false;
        int slash = trimmed.LastIndexOf('/');
        if (slash < 0) return false;
        parent = slash == 0 ? "/" : trimmed[..slash];
        return true;
    }

    /// <summary>The path without trailing slashes ("/" stays "/"); the form used for lookups.</summary>
    public static string Normalize(string location)
    {
        int end = location.Length;
        while (end > 1 && location[end - 1] == '/') end--;
        return end == location.Length ? location : location[..end];
    }

    /// <summary>The same as <see cref="Normalize(string)"/> on a span.</summary>
    internal static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> location)
    {
        int end = location.Length;
        while (end > 1 && location[end - 1] == '/') end--;
        return location[..end];
    }

    /// <summary>The same on memory, so a walk can keep the normalised path.</summary>
    internal static ReadOnlyMemory<char> Normalize(ReadOnlyMemory<char> location) =>
        location[..Normalize(location.Span).Length];

    public static bool AreEqual(string? a, string? b) =>
        a != null && b != null && string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Paths compared as IIS compares them (case-insensitively), trying the exact comparison first: a file spells a
    /// path the same way nearly everywhere, and comparing bytes costs a fraction of comparing case-folded text.
    /// </summary>
    internal static bool SamePath(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.Length == b.Length && (a.SequenceEqual(b) || a.Equals(b, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="path"/> starts with <paramref name="prefix"/>, as <see cref="SamePath"/> compares.</summary>
    internal static bool StartsWithPath(ReadOnlySpan<char> path, ReadOnlySpan<char> prefix) =>
        path.Length >= prefix.Length && SamePath(path[..prefix.Length], prefix);
}

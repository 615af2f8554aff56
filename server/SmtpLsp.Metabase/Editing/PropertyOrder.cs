namespace SmtpLsp.Metabase.Editing;

/// <summary>The order IIS writes a key's properties in: Location first, then alphabetical.</summary>
public static class PropertyOrder
{
    public static int Compare(string a, string b)
    {
        bool aLocation = a == "Location", bLocation = b == "Location";
        if (aLocation || bLocation) return aLocation == bLocation ? 0 : aLocation ? -1 : 1;
        int c = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return c != 0 ? c : StringComparer.Ordinal.Compare(a, b);
    }

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);
}

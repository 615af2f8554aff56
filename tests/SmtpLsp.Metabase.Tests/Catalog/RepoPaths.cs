namespace SmtpLsp.Metabase.Tests.Catalog;

/// <summary>Finds files of the repository (the folder holding SmtpLsp.sln) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string MbSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "MBSchema.xml"));
    public static string CommittedCatalog => Path.Combine(Root, "schemas", "iis6.catalog.json");
    public static string Overlay => Path.Combine(Root, "schemas", "iis6.overlay.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SmtpLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("SmtpLsp.sln not found above " + AppContext.BaseDirectory);
    }
}

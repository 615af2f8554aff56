namespace SmtpLsp.Server.Tests;

/// <summary>Finds the repository (the folder holding SmtpLsp.sln) from the test's build output.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "tests", "samples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SmtpLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("SmtpLsp.sln not found above " + AppContext.BaseDirectory);
    }
}

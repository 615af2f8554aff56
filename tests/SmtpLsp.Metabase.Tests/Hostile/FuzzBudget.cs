namespace SmtpLsp.Metabase.Tests.Hostile;

/// <summary>
/// How many fuzz cases each fuzz test runs. CI runs the default; a long run sets SMTPLSP_FUZZ_CASES (total across
/// the fuzz tests, e.g. 1000000) and SMTPLSP_FUZZ_SEED to replay a failure CsCheck printed.
/// </summary>
internal static class FuzzBudget
{
    public const string CasesVariable = "SMTPLSP_FUZZ_CASES";
    public const int DefaultTotalCases = 24_000;

    public static int TotalCases { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out int n) && n > 0 ? n : DefaultTotalCases;

    /// <summary>The share of the total a test runs; the fuzz tests together spend <see cref="TotalCases"/>.</summary>
    public static int Share(double fraction) => Math.Max(1, (int)(TotalCases * fraction));

    public static string? Seed => Environment.GetEnvironmentVariable("SMTPLSP_FUZZ_SEED") is { Length: > 0 } s ? s : null;
}

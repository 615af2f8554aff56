using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Server.Cli;

/// <summary>`smtplsp check FILE...`: validates metabase files the way the editor does.</summary>
public static class CheckCommand
{
    public const string Help = """
        Usage: smtplsp check FILE... [--format text|json|sarif] [--schema PATH] [--no-exchange-hints]

        Validates IIS 6 metabase files (MetaBase.xml, iiscnfg /export files) and prints what IIS would reject or misread.
          --format text    file:line:col: severity CODE: message (default)
          --format json    a JSON array of diagnostics
          --format sarif   SARIF 2.1.0, for code-scanning tools
          --schema PATH    validate against this MBSchema.xml instead of the embedded IIS 6 catalog
          --no-exchange-hints   do not report properties owned by Exchange (MB5001)
        Exit code: 0 no errors, 1 errors found, 2 usage error or unreadable file.
        Codes are documented in docs/diagnostics.md.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLineArgs.Parse(args, Help, ["--format", "--schema"], ["--no-exchange-hints"]);
        if (cl.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (cl.Positional.Count == 0) throw new UsageException("check needs at least one FILE", Help);
        string format = cl.Get("--format") ?? "text";
        if (format is not ("text" or "json" or "sarif"))
            throw new UsageException($"unknown format '{format}' (expected text, json or sarif)", Help);

        var catalog = CatalogOption.Load(cl.Get("--schema"), stderr);
        if (catalog == null) return CliApp.Usage;
        var options = new AnalysisOptions { ExchangeHints = !cl.Has("--no-exchange-hints") };

        var results = new List<CheckedFile>();
        bool unreadable = false;
        foreach (string path in cl.Positional)
        {
            MetabaseFile file;
            try
            {
                file = InputFile.Read(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"smtplsp: cannot read {path}: {Describe(e)}");
                unreadable = true;
                continue;
            }
            var document = MetabaseDocument.Create(file.Text, catalog);
            var diagnostics = MetabaseAnalyzer.Analyze(document.Model, catalog, options, CancellationToken.None);
            // An editor leaves a new empty buffer quiet; a file on disk with nothing in it is a truncated metabase.
            if (document.Tree.Root == null && diagnostics.Count == 0) diagnostics = [EmptyFile];
            results.Add(new CheckedFile(path, document.Lines, diagnostics));
        }

        stdout.Write(format switch
        {
            "json" => DiagnosticFormatter.Json(results),
            "sarif" => DiagnosticFormatter.Sarif(results, CliApp.Version),
            _ => DiagnosticFormatter.Text(results),
        });
        if (format == "text")
        {
            int errors = results.Sum(r => r.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            int warnings = results.Sum(r => r.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            stderr.WriteLine($"{results.Count} file(s) checked: {errors} error(s), {warnings} warning(s)");
        }
        if (unreadable) return CliApp.Usage;
        return results.Any(r => r.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) ? CliApp.Findings : CliApp.Ok;
    }

    private static readonly MetabaseDiagnostic EmptyFile = new(DiagnosticCodes.InvalidRoot, DiagnosticSeverity.Error, new TextSpan(0, 0),
        "The file is empty; expected a metabase, with '<configuration>' as its root element");

    internal static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}

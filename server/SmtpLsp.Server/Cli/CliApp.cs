namespace SmtpLsp.Server.Cli;

/// <summary>
/// The command line: `smtplsp check|decode|encode|get|set|generate-catalog`. Exit codes follow compilers and linters:
/// 0 clean, 1 errors found, 2 usage errors or unreadable input.
/// </summary>
public static class CliApp
{
    public const int Ok = 0, Findings = 1, Usage = 2;

    public const string Help = """
        smtplsp: editor tooling for IIS 6 metabase files (MetaBase.xml)

        Usage:
          smtplsp check FILE... [--format text|json|sarif] [--schema PATH] [--no-exchange-hints]
          smtplsp decode PROPERTY VALUE [--schema PATH]
          smtplsp encode PROPERTY NAME... [--schema PATH]
          smtplsp get FILE LOCATION [PROPERTY] [--all] [--schema PATH]
          smtplsp set FILE LOCATION PROPERTY (VALUE... | --enable NAME... | --disable NAME...)
                      [--dry-run] [--no-backup] [--force] [--schema PATH]
          smtplsp --stdio | serve          run the language server on stdin/stdout
          smtplsp generate-catalog MBSCHEMA.XML OUT.json
          smtplsp COMMAND --help           help for one command
          smtplsp --version
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Help);
            return args.Length == 0 ? Usage : Ok;
        }
        if (args[0] is "--version") { stdout.WriteLine(Version); return Ok; }
        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "check" => CheckCommand.Run(rest, stdout, stderr),
                "decode" => DecodeCommand.Run(rest, stdout, stderr),
                "encode" => EncodeCommand.Run(rest, stdout, stderr),
                "get" => GetCommand.Run(rest, stdout, stderr),
                "set" => SetCommand.Run(rest, stdout, stderr),
                "generate-catalog" => GenerateCatalogCommand.Run(rest, stdout, stderr),
                _ => UsageError(stderr, $"unknown command '{args[0]}'", Help),
            };
        }
        catch (UsageException e)
        {
            return UsageError(stderr, e.Message, e.CommandHelp);
        }
    }

    public static string Version =>
        typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    internal static int UsageError(TextWriter stderr, string message, string help)
    {
        stderr.WriteLine($"smtplsp: {message}");
        stderr.WriteLine();
        stderr.WriteLine(help);
        return Usage;
    }
}

/// <summary>A wrong command line; CliApp prints the message and the command's help and exits 2.</summary>
public sealed class UsageException(string message, string commandHelp) : Exception(message)
{
    public string CommandHelp { get; } = commandHelp;
}

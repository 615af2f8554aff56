namespace SmtpLsp.Server.Cli;

/// <summary>
/// Splits a command's arguments into positionals and `--options`. Only `--name` forms are options, so values
/// such as `-1` stay positional; `--` ends the options.
/// </summary>
internal sealed class CommandLineArgs
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string?> Options { get; } = new(StringComparer.Ordinal);
    public bool HelpRequested { get; private set; }

    public static CommandLineArgs Parse(string[] args, string help, string[] valueOptions, string[] flagOptions)
    {
        var result = new CommandLineArgs();
        bool optionsEnded = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (optionsEnded || !a.StartsWith("--", StringComparison.Ordinal) && a is not "-h")
            {
                result.Positional.Add(a);
                continue;
            }
            if (a == "--") { optionsEnded = true; continue; }
            if (a is "--help" or "-h") { result.HelpRequested = true; continue; }
            string name = a, inline = "";
            int eq = a.IndexOf('=');
            if (eq > 0) { name = a[..eq]; inline = a[(eq + 1)..]; }
            if (valueOptions.Contains(name))
            {
                if (eq > 0) result.Options[name] = inline;
                else if (i + 1 < args.Length) result.Options[name] = args[++i];
                else throw new UsageException($"{name} needs a value", help);
            }
            else if (flagOptions.Contains(name) && eq < 0)
            {
                result.Options[name] = null;
            }
            else
            {
                throw new UsageException($"unknown option '{a}'", help);
            }
        }
        return result;
    }

    public string? Get(string name) => Options.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => Options.ContainsKey(name);
}

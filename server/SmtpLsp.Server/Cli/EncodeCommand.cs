using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Server.Cli;

/// <summary>`smtplsp encode PROPERTY NAME...`: the number a set of verbs or flags is stored as.</summary>
public static class EncodeCommand
{
    public const string Help = """
        Usage: smtplsp encode PROPERTY NAME... [--schema PATH]

        Prints the decimal value that enables exactly the named verbs or flags, as MetaBase.xml stores it.
        Names may be separate arguments or one "A | B" list. Verb names ignore case; TURN or ATRN alone is the
        TURN/ATRN bit. Example: smtplsp encode AuthFlags AuthBasic AuthNTLM   ->  6
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLineArgs.Parse(args, Help, ["--schema"], []);
        if (cl.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (cl.Positional.Count < 1) throw new UsageException("encode needs a PROPERTY and NAMEs", Help);
        var catalog = CatalogOption.Load(cl.Get("--schema"), stderr);
        if (catalog == null) return CliApp.Usage;
        var property = CatalogOption.FindProperty(catalog, cl.Positional[0], Help);
        if (property.Flags is not { } table)
            throw new UsageException($"{property.Name} has no flag or verb table; write its value directly", Help);

        var names = cl.Positional.Skip(1)
            .SelectMany(a => FlagCodec.ParseSymbolic(a).Tokens.Select(t => t.Text))
            .ToList();
        var result = FlagCodec.Encode(table, names);
        if (!result.Succeeded)
        {
            var suggestions = NameSuggester.Closest(result.UnknownName!, table.Flags.Select(f => f.Name), 3);
            throw new UsageException(
                $"{property.Name} has no flag '{result.UnknownName}'" +
                (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "") +
                $" (known: {string.Join(", ", table.Flags.Select(f => f.Name))})", Help);
        }
        stdout.WriteLine(result.Value);
        return CliApp.Ok;
    }
}

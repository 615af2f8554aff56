using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Server.Cli;

/// <summary>`smtplsp encode PROPERTY NAME...`: the number a set of verbs or flags is stored as.</summary>
public static class EncodeCommand
{
    public const string Help = """
        Usage: smtplsp encode PROPERTY NAME... [--schema PATH]

        Prints the decimal value that MetaBase.xml stores for the named verbs or flags. Each NAME, left to right:
          NAME        turns the verb or flag on (verb names ignore case; TURN or ATRN alone is the TURN/ATRN bit)
          -NAME       turns it off
          default     starts from the property's IIS default, undocumented bits included
          NUMBER      adds raw bits (decimal, -1 or 0x hex)
        Names may also be given as one "A | B" list.
        Examples:
          smtplsp encode AuthFlags AuthBasic AuthNTLM                                   ->  6
          smtplsp encode SmtpInboundCommandSupportOptions default -8BITMIME              ->  3503297
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLineArgs.Parse(args, Help, ["--schema"], []);
        if (cl.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (cl.Positional.Count < 2) throw new UsageException("encode needs a PROPERTY and at least one NAME", Help);
        var catalog = CatalogOption.Load(cl.Get("--schema"), stderr);
        if (catalog == null) return CliApp.Usage;
        var property = CatalogOption.FindProperty(catalog, cl.Positional[0], Help);
        if (property.Flags is not { } table)
            throw new UsageException($"{property.Name} has no flag or verb table; write its value directly", Help);

        uint value = 0;
        foreach (string word in cl.Positional.Skip(1).SelectMany(a => FlagCodec.ParseSymbolic(a).Tokens.Select(t => t.Text)))
        {
            if (word.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                value |= property.DefaultNumber
                    ?? throw new UsageException($"{property.Name} has no numeric default in the schema", Help);
                continue;
            }
            if (DwordValue.TryParse(word, allowHex: true, out uint bits, out _))
            {
                value |= bits;
                continue;
            }
            bool off = word.StartsWith('-');
            string name = off ? word[1..] : word;
            var flag = table.Find(name) ?? throw UnknownName(property, table, name);
            value = FlagCodec.WithFlag(value, flag, on: !off);
        }
        stdout.WriteLine(value);
        return CliApp.Ok;
    }

    private static UsageException UnknownName(PropertyInfo property, FlagTable table, string name)
    {
        var suggestions = NameSuggester.Closest(name, table.Flags.Select(f => f.Name), 3);
        return new UsageException(
            $"{property.Name} has no flag '{name}'" +
            (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "") +
            $" (known: {string.Join(", ", table.Flags.Select(f => f.Name))})", Help);
    }
}

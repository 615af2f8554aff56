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
          -NUMBER     takes those bits off (-1 is the number 4294967295 itself)
        Names may also be given as one "A | B" list.
        Examples:
          smtplsp encode AuthFlags AuthBasic AuthNTLM                                   ->  6
          smtplsp encode SmtpInboundCommandSupportOptions default -8BITMIME              ->  3503297
        Exit code: 0, or 1 when the value sets bits no flag or verb names (printed all the same, as check would
        report them), 2 on usage errors.
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

        var words = cl.Positional.Skip(1).SelectMany(a => FlagCodec.ParseSymbolic(a).Tokens.Select(t => t.Text)).ToList();
        if (words.Count == 0) throw new UsageException("encode needs at least one NAME, NUMBER or 'default'", Help);
        uint value = 0;
        bool fromDefault = false;
        foreach (string word in words)
        {
            if (word.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                fromDefault = true;
                value |= property.DefaultNumber
                    ?? throw new UsageException($"{property.Name} has no numeric default in the schema", Help);
                continue;
            }
            // -1 is the number 4294967295, not the bit 1 taken off.
            if (word == "-1")
            {
                value = uint.MaxValue;
                continue;
            }
            bool off = word.StartsWith('-');
            string name = off ? word[1..] : word;
            // Names first: verbs such as 8BITMIME start with a digit.
            if (table.Find(name) is { } flag)
            {
                value = FlagCodec.WithFlag(value, flag, on: !off);
                continue;
            }
            if (name.Length > 0 && char.IsAsciiDigit(name[0]))
            {
                if (!DwordValue.TryParse(name, allowHex: true, out uint bits, out var error))
                    throw error == DwordParseError.OutOfRange
                        ? new UsageException(DwordValue.DoesNotFit(name), Help)
                        : UnknownName(property, table, name);
                value = off ? value & ~bits : value | bits;
                continue;
            }
            throw UnknownName(property, table, name);
        }
        stdout.WriteLine(value);
        // The IIS default has bits no source names (0x56001 of 7697601); a value built from names alone drops them,
        // which may turn off what they do. Said, not refused: it is what was asked for.
        uint undocumented = table.UndocumentedDefaultBits & ~value;
        if (undocumented != 0 && !fromDefault)
            stderr.WriteLine($"smtplsp: note: {value} leaves out bits the IIS default sets that no source names (0x{undocumented:X}); " +
                             $"start from 'default' to keep them, as in: smtplsp encode {property.Name} default -NAME");
        if (property.UnknownFlagBits(value) is var unknown and not 0)
        {
            stderr.WriteLine($"smtplsp: {value} sets bits no {(table.Kind == FlagTableKind.Numeric ? "ESMTP verb" : "flag")} of {property.Name} names: 0x{unknown:X}; check reports them");
            return CliApp.Findings;
        }
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

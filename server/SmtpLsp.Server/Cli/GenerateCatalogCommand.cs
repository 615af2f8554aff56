using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Server.Cli;

/// <summary>`smtplsp generate-catalog MBSCHEMA.XML OUT.json`: regenerates schemas/iis6.catalog.json.</summary>
public static class GenerateCatalogCommand
{
    public const string Help = """
        Usage: smtplsp generate-catalog MBSCHEMA.XML OUT.json

        Turns an IIS 6 MBSchema.xml into the catalog format of schemas/iis6.catalog.json. The committed catalog is
        generated from ../shared/corpus/MBSchema.xml; a test fails when it differs from a fresh generation.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLineArgs.Parse(args, Help, [], []);
        if (cl.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (cl.Positional.Count != 2) throw new UsageException("generate-catalog needs MBSCHEMA.XML and OUT.json", Help);
        string json;
        try
        {
            json = CatalogGenerator.Generate(cl.Positional[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine($"smtplsp: cannot read {cl.Positional[0]}: {CheckCommand.Describe(e)}");
            return CliApp.Usage;
        }
        File.WriteAllText(cl.Positional[1], json);
        stdout.WriteLine($"wrote {cl.Positional[1]}");
        return CliApp.Ok;
    }
}

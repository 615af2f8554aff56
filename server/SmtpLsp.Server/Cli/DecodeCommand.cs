using SmtpLsp.Metabase.Features;

namespace SmtpLsp.Server.Cli;

/// <summary>`smtplsp decode PROPERTY VALUE`: what a stored value means, the same report the editor's hover shows.</summary>
public static class DecodeCommand
{
    public const string Help = """
        Usage: smtplsp decode PROPERTY VALUE [--schema PATH]

        Explains a metabase value: for bitmasks each verb or flag with its value, the bits of the IIS default that no
        public source names (shown as undocumented), unknown bits and what differs from the default.
        VALUE may be decimal (as MetaBase.xml stores it), -1, hex (0x7574C1) or symbolic ("AuthBasic | AuthNTLM").
        Example: smtplsp decode SmtpInboundCommandSupportOptions 7697601
        Exit code: 0 when the value is valid for the property, 1 when it is not or sets unknown bits, 2 on usage errors.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLineArgs.Parse(args, Help, ["--schema"], []);
        if (cl.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (cl.Positional.Count != 2) throw new UsageException("decode needs a PROPERTY and a VALUE", Help);
        var catalog = CatalogOption.Load(cl.Get("--schema"), stderr);
        if (catalog == null) return CliApp.Usage;
        var property = CatalogOption.FindProperty(catalog, cl.Positional[0], Help);
        var report = ValueReport.Create(property, cl.Positional[1], typed: true);
        stdout.Write(report.ToPlainText());
        return report.Problems.Count > 0 || report.UnknownBits != 0 ? CliApp.Findings : CliApp.Ok;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpLsp.Server.Cli;

namespace SmtpLsp.Server.Tests.Hostile;

/// <summary>Temp folders, the CLI run in-process, and a loopback listener that records any connection.</summary>
internal static class HostileFiles
{
    public static string NewFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "smtplsp-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public const string Metabase =
        "<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n" +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\r\n\t\tSmtpInboundCommandSupportOptions=\"7697601\"\r\n\t>\r\n</IIsSmtpServer>\r\n" +
        "</MBProperty>\r\n</configuration>\r\n";

    public static string BillionLaughsSubset()
    {
        var sb = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++)
            sb.Append($"<!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">\n");
        return sb.ToString();
    }

    /// <summary>Internal subsets that would read <paramref name="secretPath"/> or call the listener if expanded.</summary>
    public static IEnumerable<string> AttackSubsets(int port, string secretPath) =>
    [
        BillionLaughsSubset(),
        $"<!ENTITY a \"{new string('a', 100_000)}\">",
        $"<!ENTITY xxe SYSTEM \"file://{secretPath}\">",
        $"<!ENTITY xxe SYSTEM \"{secretPath}\">",
        $"<!ENTITY xxe SYSTEM \"http://127.0.0.1:{port}/xxe\">",
        $"<!ENTITY xxe PUBLIC \"-//ATTACK//EN\" \"http://127.0.0.1:{port}/public\">",
        $"<!ENTITY % remote SYSTEM \"http://127.0.0.1:{port}/param.dtd\">\n%remote;",
    ];
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmtpLsp.Metabase.Tests.Hostile;

/// <summary>DTD attacks wrapped around a metabase whose key references the entity.</summary>
internal static class EntityPayloads
{
    public static string Wrap(string internalSubset, string reference, string? doctypeTail = null) =>
        "<?xml version=\"1.0\"?>\n" +
        $"<!DOCTYPE configuration {doctypeTail}[\n{internalSubset}\n]>\n" +
        "<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n<MBProperty>\n" +
        $"<IIsSmtpServer Location=\"/LM/SmtpSvc/1\" SmtpServerName=\"{reference}\" AuthFlags=\"AuthBasic\"/>\n" +
        "</MBProperty>\n</configuration>\n";

    public static string BillionLaughs()
    {
        var sb = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++)
            sb.Append($"<!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">\n");
        return Wrap(sb.ToString(), "&lol9;");
    }

    /// <summary>One 100 KB entity referenced 20,000 times: 2 GB if expanded.</summary>
    public static string QuadraticBlowup() =>
        Wrap($"<!ENTITY a \"{new string('a', 100_000)}\">", string.Concat(Enumerable.Repeat("&a;", 20_000)));

    public static string SystemFile(string path) => Wrap($"<!ENTITY xxe SYSTEM \"file://{path}\">", "&xxe;");

    public static string SystemPath(string path) => Wrap($"<!ENTITY xxe SYSTEM \"{path}\">", "&xxe;");

    public static string SystemUrl(int port) => Wrap($"<!ENTITY xxe SYSTEM \"http://127.0.0.1:{port}/xxe\">", "&xxe;");

    public static string PublicUrl(int port) =>
        Wrap($"<!ENTITY xxe PUBLIC \"-//ATTACK//EN\" \"http://127.0.0.1:{port}/public\">", "&xxe;");

    public static string ExternalDtd(int port) =>
        Wrap("", "x", doctypeTail: $"SYSTEM \"http://127.0.0.1:{port}/external.dtd\" ");

    public static string ParameterEntity(int port) =>
        Wrap($"<!ENTITY % remote SYSTEM \"http://127.0.0.1:{port}/param.dtd\">\n%remote;\n<!ENTITY % inner \"<!ENTITY leak 'x'>\">\n%inner;", "&leak;");

    /// <summary>Names every payload, with a live listener port and a secret file path substituted in.</summary>
    public static IEnumerable<(string Name, string Text)> All(int port, string secretPath)
    {
        yield return ("billion laughs", BillionLaughs());
        yield return ("quadratic blowup", QuadraticBlowup());
        yield return ("SYSTEM file URL", SystemFile(secretPath));
        yield return ("SYSTEM plain path", SystemPath(secretPath));
        yield return ("SYSTEM http URL", SystemUrl(port));
        yield return ("PUBLIC http URL", PublicUrl(port));
        yield return ("external DTD", ExternalDtd(port));
        yield return ("parameter entities", ParameterEntity(port));
    }
}

/// <summary>A file whose unique content must never show up anywhere: if it does, something read it.</summary>
internal sealed class SecretFile : IDisposable
{
    public SecretFile()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"smtplsp-secret-{Guid.NewGuid():N}.txt");
        Marker = "SECRET-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(Path, Marker);
    }

    public string Path { get; }
    public string Marker { get; }

    public void Dispose() => File.Delete(Path);
}

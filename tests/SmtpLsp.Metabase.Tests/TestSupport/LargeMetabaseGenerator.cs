using System.Globalization;
using System.Text;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// Deterministic, seeded MetaBase.xml of a chosen size in IIS's own layout (tab-indented, one attribute per line,
/// "&gt;" on its own line): the global keys, thousands of web sites with virtual directories, then SMTP virtual
/// servers with domains. Only property names the catalog allows per key type are used, so analysis does real work
/// and reports little. Linked into the benchmark project too, so tests and benchmarks read the same files.
/// </summary>
public static class LargeMetabaseGenerator
{
    public const int OneMegabyte = 1024 * 1024;

    /// <summary>A document of at least <paramref name="targetChars"/> characters (ASCII, so bytes too), same text for the same seed.</summary>
    public static string Generate(int targetChars, int seed = 1)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(targetChars + 64 * 1024);
        sb.Append("\uFEFF<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n");
        Globals(sb, random);

        // Web sites take most of the file, SMTP virtual servers the rest, as on a shared hosting box.
        int webBudget = (int)(targetChars * 0.85);
        int site = 1;
        while (sb.Length < webBudget) WebSite(sb, random, site++);

        Key(sb, "IIsSmtpService", "/LM/SmtpSvc", [
            ("AccessFlags", "AccessRead | AccessWrite"),
            ("AuthFlags", "AuthAnonymous | AuthNTLM"),
            ("ConnectionTimeout", "600"),
            ("LogFileDirectory", "C:\\WINDOWS\\System32\\LogFiles"),
            ("LogFilePeriod", "1"),
            ("LogType", "1"),
            ("MaxConnections", "0"),
            ("RelayIpList", ""),
            ("SmtpServiceVersion", "0"),
        ]);
        int server = 1;
        do SmtpServer(sb, random, server++);
        while (sb.Length < targetChars - 40);

        sb.Append("</MBProperty>\r\n</configuration>\r\n");
        return sb.ToString();
    }

    private static void Globals(StringBuilder sb, Random random)
    {
        Key(sb, "IIS_Global", ".", [
            ("BINSchemaTimeStamp", Hex(random, 8)),
            ("ChangeNumber", "769"),
            ("HistoryMajorVersionNumber", "70"),
            ("SessionKey", Secure(random, 80)),
            ("XMLSchemaTimeStamp", Hex(random, 8)),
        ]);
        Key(sb, "IIS_ROOT", "/", [("AdminACL", Secure(random, 96))]);
        Key(sb, "IIsComputer", "/LM", [
            ("EnableEditWhileRunning", "0"),
            ("EnableHistory", "1"),
            ("MaxBandwidth", "4294967295"),
            ("MaxBandwidthBlocked", "4294967295"),
            ("MaxErrorFiles", "10"),
            ("MaxHistoryFiles", "10"),
        ]);
        KeyStart(sb, "IIsWebService", "/LM/W3SVC", [
            ("AllowPathInfoForScriptMappings", "FALSE"),
            ("AnonymousUserName", "IUSR_WEBHOST"),
            ("AnonymousUserPass", Secure(random, 64)),
            ("AppPoolId", "DefaultAppPool"),
            ("AspEnableParentPaths", "FALSE"),
            ("AuthFlags", "AuthAnonymous | AuthNTLM"),
            ("ConnectionTimeout", "120"),
            ("DefaultDoc", "Default.htm,Default.asp,index.htm"),
            ("DirBrowseFlags", "DirBrowseShowDate | DirBrowseShowTime | DirBrowseShowSize | DirBrowseShowExtension | EnableDefaultDoc"),
            ("DownlevelAdminInstance", "1"),
            ("InProcessIsapiApps", MultiSz([
                "C:\\WINDOWS\\system32\\inetsrv\\httpext.dll",
                "C:\\WINDOWS\\system32\\inetsrv\\httpodbc.dll",
                "C:\\WINDOWS\\system32\\inetsrv\\ssinc.dll",
                "C:\\WINDOWS\\system32\\msw3prt.dll"])),
            ("LogOdbcDataSource", "HTTPLOG"),
            ("MaxConnections", "4294967295"),
            ("ServerSize", "1"),
        ]);
        Custom(sb, 2166, "0", "INHERIT");
        Custom(sb, 9202, "1", "NO_ATTRIBUTES");
        sb.Append("</IIsWebService>\r\n");
    }

    private static void WebSite(StringBuilder sb, Random random, int id)
    {
        string location = "/LM/W3SVC/" + id.ToString(CultureInfo.InvariantCulture);
        string host = "site" + id.ToString(CultureInfo.InvariantCulture) + ".example.com";
        int port = 80 + random.Next(3) * 8000;
        Key(sb, "IIsWebServer", location, [
            ("AppPoolId", random.Next(4) == 0 ? "IsolatedPool" + id.ToString(CultureInfo.InvariantCulture) : "DefaultAppPool"),
            ("DefaultDoc", "Default.htm,Default.asp,index.htm,Default.aspx"),
            ("LogFileDirectory", "D:\\Logs\\W3SVC" + id.ToString(CultureInfo.InvariantCulture)),
            ("MaxConnections", random.Next(3) == 0 ? "4294967295" : (100 + random.Next(900)).ToString(CultureInfo.InvariantCulture)),
            ("ServerAutoStart", random.Next(10) == 0 ? "FALSE" : "TRUE"),
            ("ServerBindings", MultiSz([$":{port}:{host}", $":{port}:www.{host}", $"192.0.2.{1 + random.Next(250)}:{port}:"])),
            ("ServerComment", "Customer site " + id.ToString(CultureInfo.InvariantCulture)),
            ("ServerSize", "1"),
        ]);
        Key(sb, "IIsWebVirtualDir", location + "/ROOT", [
            ("AccessFlags", random.Next(3) == 0 ? "AccessRead | AccessScript | AccessExecute" : "AccessRead | AccessScript"),
            ("AppFriendlyName", "Default Application"),
            ("AppIsolated", random.Next(3).ToString(CultureInfo.InvariantCulture)),
            ("AppRoot", location + "/ROOT"),
            ("AuthFlags", random.Next(2) == 0 ? "AuthAnonymous" : "AuthAnonymous | AuthNTLM"),
            ("Path", "D:\\Sites\\" + host),
            ("ScriptMaps", MultiSz([
                ".asp,C:\\WINDOWS\\system32\\inetsrv\\asp.dll,5,GET,HEAD,POST,TRACE",
                ".cer,C:\\WINDOWS\\system32\\inetsrv\\asp.dll,5,GET,HEAD,POST,TRACE",
                ".aspx,C:\\WINDOWS\\Microsoft.NET\\Framework\\v2.0.50727\\aspnet_isapi.dll,1,GET,HEAD,POST,DEBUG"])),
        ]);
        int vdirs = random.Next(4);
        for (int v = 0; v < vdirs; v++)
        {
            string name = VdirNames[random.Next(VdirNames.Length)] + v.ToString(CultureInfo.InvariantCulture);
            Key(sb, "IIsWebVirtualDir", location + "/ROOT/" + name, [
                ("AccessFlags", "AccessRead"),
                ("DirBrowseFlags", "DirBrowseShowDate | DirBrowseShowTime | EnableDefaultDoc"),
                ("Path", "D:\\Shared\\" + name + "\\" + host),
            ]);
        }
    }

    private static readonly string[] VdirNames = ["images", "scripts", "downloads", "aspnet_client", "webmail", "stats"];

    private static void SmtpServer(StringBuilder sb, Random random, int id)
    {
        string n = id.ToString(CultureInfo.InvariantCulture);
        string location = "/LM/SmtpSvc/" + n;
        string domain = "mail" + n + ".example.net";
        // One in fifty looks Exchange-managed (Custom elements), so the Exchange rule has real work on big files.
        bool exchange = id % 50 == 0;
        KeyStart(sb, "IIsSmtpServer", location, [
            ("AuthFlags", "AuthBasic | AuthNTLM"),
            ("BadMailDirectory", $"C:\\Inetpub\\mailroot{n}\\Badmail"),
            ("ConnectionTimeout", "600"),
            ("DefaultDomain", domain),
            ("DropDirectory", $"C:\\Inetpub\\mailroot{n}\\Drop"),
            ("LocalDomains", MultiSz([domain, "example.org", "corp" + n + ".example.com"])),
            ("LogType", "1"),
            ("MaxMessageSize", (1048576 * (1 + random.Next(20))).ToString(CultureInfo.InvariantCulture)),
            ("MaxRecipients", "100"),
            ("MaxSessionSize", "268435456"),
            ("PickupDirectory", $"C:\\Inetpub\\mailroot{n}\\Pickup"),
            ("QueueDirectory", $"C:\\Inetpub\\mailroot{n}\\Queue"),
            ("RelayForAuth", "0"),
            ("RoutePassword", Secure(random, 64)),
            ("ServerAutoStart", "TRUE"),
            ("ServerBindings", MultiSz([":25:", $"192.0.2.{1 + random.Next(250)}:25:"])),
            ("ServerComment", "SMTP Virtual Server " + n),
            ("SmtpDisableRelay", "TRUE"),
            ("SmtpInboundCommandSupportOptions", random.Next(4) == 0 ? "3503297" : "7697601"),
            ("SmtpOutboundCommandSupportOptions", "7"),
            ("SmtpRemoteProgressiveRetry", "15,30,60,240"),
            ("SmtpSSLRequireTrustedCA", "TRUE"),
        ]);
        if (exchange) Custom(sb, 36907, "1", "INHERIT");
        sb.Append("</IIsSmtpServer>\r\n");
        Key(sb, "IIsSmtpDomain", location + "/Domain", []);
        int domains = 1 + random.Next(4);
        for (int d = 0; d < domains; d++)
        {
            Key(sb, "IIsSmtpDomain", location + "/Domain/relay" + d.ToString(CultureInfo.InvariantCulture) + "." + domain, [
                ("RelayForAuth", random.Next(2).ToString(CultureInfo.InvariantCulture)),
            ]);
        }
        Key(sb, "IIsSmtpVirtualDir", location + "/Root", [
            ("AccessFlags", "AccessRead | AccessWrite"),
            ("DontLog", "FALSE"),
            ("Path", $"C:\\Inetpub\\mailroot{n}"),
        ]);
    }

    private static void Key(StringBuilder sb, string type, string location, (string Name, string Value)[] properties)
    {
        KeyStart(sb, type, location, properties);
        sb.Append("</").Append(type).Append(">\r\n");
    }

    private static void KeyStart(StringBuilder sb, string type, string location, (string Name, string Value)[] properties)
    {
        sb.Append('<').Append(type).Append("\tLocation =\"").Append(location).Append("\"\r\n");
        foreach (var (name, value) in properties) sb.Append("\t\t").Append(name).Append("=\"").Append(value).Append("\"\r\n");
        sb.Append("\t>\r\n");
    }

    private static void Custom(StringBuilder sb, int id, string value, string attributes)
    {
        string n = id.ToString(CultureInfo.InvariantCulture);
        sb.Append("\t<Custom\r\n\t\tName=\"UnknownName_").Append(n).Append("\"\r\n\t\tID=\"").Append(n)
            .Append("\"\r\n\t\tValue=\"").Append(value).Append("\"\r\n\t\tType=\"DWORD\"\r\n\t\tUserType=\"IIS_MD_UT_SERVER\"\r\n\t\tAttributes=\"")
            .Append(attributes).Append("\"\r\n\t/>\r\n");
    }

    // IIS writes MULTISZ items on their own lines, indented under the attribute.
    private static string MultiSz(string[] items) => string.Join("\r\n\t\t\t", items);

    private static string Secure(Random random, int bytes) => "49634462" + Hex(random, bytes - 4);

    private static string Hex(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexString(buffer).ToLowerInvariant();
    }
}

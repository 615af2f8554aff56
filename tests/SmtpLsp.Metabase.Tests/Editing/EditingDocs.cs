using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Tests.Editing;

/// <summary>Small documents in IIS layout for editing tests.</summary>
internal static class EditingDocs
{
    public static string Wrap(string keys, string newLine = "\r\n") =>
        ("<?xml version =\"1.0\"?>\n<configuration>\n<MBProperty>\n" + keys + "</MBProperty>\n</configuration>\n")
            .Replace("\r\n", "\n").Replace("\n", newLine);

    public static MetabaseModel BuildModel(string text) => MetabaseModel.Build(SyntaxTree.Parse(text));

    public const string SmtpKeys =
        "<IIsComputer\tLocation =\"/LM\"\n" +
        "\t\tMaxBandwidth=\"4294967295\"\n" +
        "\t>\n" +
        "</IIsComputer>\n" +
        "<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\n" +
        "\t\tAuthFlags=\"AuthAnonymous | AuthNTLM\"\n" +
        "\t\tConnectionTimeout=\"600\"\n" +
        "\t\tMaxMessageSize=\"1000\"\n" +
        "\t>\n" +
        "</IIsSmtpService>\n" +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" +
        "\t\tConnectionTimeout=\"300\"\n" +
        "\t\tServerComment=\"Default SMTP\"\n" +
        "\t\tSmtpInboundCommandSupportOptions=\"7697601\"\n" +
        "\t>\n" +
        "</IIsSmtpServer>\n" +
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain\"\n" +
        "\t>\n" +
        "</IIsSmtpDomain>\n" +
        "<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root\"\n" +
        "\t\tAccessFlags=\"AccessRead | AccessWrite\"\n" +
        "\t/>\n";

    public static MetabaseKey Key(MetabaseModel model, string location) => model.FindByLocation(location)[0];
}

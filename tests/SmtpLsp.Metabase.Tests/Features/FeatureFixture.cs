using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Features;

/// <summary>Wraps key text in configuration/MBProperty and parses the cursor marker.</summary>
internal static class FeatureFixture
{
    public const string Head = "<?xml version =\"1.0\"?>\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n<MBProperty>\n";
    public const string Tail = "\n</MBProperty>\n</configuration>\n";

    public static (MetabaseDocument Doc, int Offset) Open(string keysWithMarker, char marker = Fixture.Marker, bool wrap = true)
    {
        var (text, offset) = Fixture.Parse(wrap ? Head + keysWithMarker + Tail : keysWithMarker, marker);
        return (MetabaseDocument.Create(text, MetabaseCatalog.Embedded), offset);
    }

    public static string SmtpServer(string attributes, string body = "") =>
        "<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\n\t>\n</IIsSmtpService>\n" +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\t" + attributes + "\n\t>\n" + body + "</IIsSmtpServer>\n" +
        "<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root\"\n\t>\n</IIsSmtpVirtualDir>";
}

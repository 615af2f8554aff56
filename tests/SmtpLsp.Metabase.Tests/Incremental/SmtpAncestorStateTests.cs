using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Incremental;

/// <summary>The state keeps only the SMTP keys Exchange detection can ask about: the paths above each SMTP server.</summary>
public class SmtpAncestorStateTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private const string Text = """
        <?xml version ="1.0"?>
        <configuration>
        <MBProperty>
        <IIsSmtpService	Location ="/LM/SmtpSvc/"
        	>
        	<Custom Name="ExchangeThing" ID="45000" Value="1" Type="DWORD" UserType="IIS_MD_UT_SERVER" Attributes="INHERIT"/>
        </IIsSmtpService>
        <IIsSmtpServer	Location ="/LM/SmtpSvc/1"
        	ConnectionTimeout="600"
        	MaxConnections="2000"
        	>
        </IIsSmtpServer>
        <IIsSmtpDomain	Location ="/LM/SmtpSvc/1/Domain/a.example"
        	>
        </IIsSmtpDomain>
        <IIsSmtpVirtualDir	Location ="/LM/SmtpSvc/1/Root"
        	>
        </IIsSmtpVirtualDir>
        </MBProperty>
        </configuration>
        """;

    [Fact]
    public void Create_SmtpDomainsAndVirtualDirs_OnlyPathsAboveServersKept()
    {
        var state = IncrementalAnalyzer.Create(Text, Catalog);
        var kept = Assert.Single(state.SmtpKeys);
        Assert.Equal("/LM/SmtpSvc", kept.Key);
        Assert.Equal("/LM/SmtpSvc/", kept.Value?.Location);
        Assert.True(kept.Value?.HasCustom);
    }

    [Fact]
    public void Update_KeystrokeInServerBelowCustomKey_StaysIncrementalAndMatchesFull()
    {
        var state = IncrementalAnalyzer.Create(Text, Catalog);
        Assert.Contains(state.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
        int at = Text.IndexOf("ConnectionTimeout=\"", StringComparison.Ordinal) + "ConnectionTimeout=\"".Length + 1;
        var edited = Text.Insert(at, "1");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        var full = MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(edited)), Catalog);
        Assert.Equal(full.Select(d => (d.Code, d.Span, d.Message)), next.Diagnostics.Select(d => (d.Code, d.Span, d.Message)));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged && d.Message.Contains("<Custom> elements in /LM/SmtpSvc/"));
    }

    [Fact]
    public void Create_AncestorPathListedTwiceInOtherCase_FirstKeyKept()
    {
        // Detection asks the model for the first key at a path; the state must give the same answer after an edit.
        const string text = """
            <?xml version ="1.0"?>
            <configuration>
            <MBProperty>
            <IIsSmtpService	Location ="/LM/SmtpSvc/"
            	>
            </IIsSmtpService>
            <IIsSmtpService	Location ="/lm/SMTPSVC"
            	>
            	<Custom Name="ExchangeThing" ID="45000" Value="1" Type="DWORD" UserType="IIS_MD_UT_SERVER" Attributes="INHERIT"/>
            </IIsSmtpService>
            <IIsSmtpServer	Location ="/LM/SmtpSvc/1"
            	MaxConnections="2000"
            	>
            </IIsSmtpServer>
            </MBProperty>
            </configuration>
            """;

        var state = IncrementalAnalyzer.Create(text, Catalog);

        var kept = Assert.Single(state.SmtpKeys);
        Assert.Equal("/LM/SmtpSvc/", kept.Value?.Location);
        Assert.False(kept.Value?.HasCustom);
        Assert.True(state.SmtpKeys.ContainsKey("/lm/smtpsvc"));
    }

    [Fact]
    public void Update_LocationOfAnSmtpDomain_StaysIncrementalAndMatchesFull()
    {
        // Renaming a remote domain is everyday SMTP work; detection never reads domains, so no full pass is needed.
        var state = IncrementalAnalyzer.Create(Text, Catalog);
        int at = Text.IndexOf("/Domain/a.example", StringComparison.Ordinal) + "/Domain/a".Length;
        var edited = Text.Insert(at, "b");

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Incremental, next.Kind);
        Assert.Equal(Full(edited), Describe(next.Diagnostics));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
    }

    [Fact]
    public void Update_DomainMovedToAMissingPathAboveAServer_FallsBackAndTheServerTurnsManaged()
    {
        // No key at /LM/SmtpSvc: detection still asks for that path, so a key moved there changes the server's verdict.
        const string text = """
            <?xml version ="1.0"?>
            <configuration>
            <MBProperty>
            <IIsSmtpServer	Location ="/LM/SmtpSvc/1"
            	ConnectionTimeout="600"
            	MaxConnections="2000"
            	>
            </IIsSmtpServer>
            <IIsSmtpDomain	Location ="/LM/SmtpSvc/1/Domain/a.example"
            	>
            	<Custom Name="ExchangeThing" ID="45000" Value="1" Type="DWORD" UserType="IIS_MD_UT_SERVER" Attributes="INHERIT"/>
            </IIsSmtpDomain>
            </MBProperty>
            </configuration>
            """;
        var state = IncrementalAnalyzer.Create(text, Catalog);
        Assert.DoesNotContain(state.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
        const string Path = "/LM/SmtpSvc/1/Domain/a.example";
        int at = text.IndexOf(Path, StringComparison.Ordinal) + "/LM/SmtpSvc".Length;
        var edited = text.Remove(at, Path.Length - "/LM/SmtpSvc".Length);

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, Path.Length - "/LM/SmtpSvc".Length));

        Assert.Equal(UpdateKind.Full, next.Kind);
        Assert.Equal(Full(edited), Describe(next.Diagnostics));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged && d.Message.Contains("<Custom> elements in /LM/SmtpSvc"));
    }

    [Fact]
    public void Update_CustomElementPastedIntoTheSmtpServiceKey_FallsBackAndTheServerTurnsManaged()
    {
        // The service key is at the path above the server: its Custom elements are a strong Exchange sign.
        const string Custom = "\t<Custom Name=\"ExchangeThing\" ID=\"45000\" Value=\"1\" Type=\"DWORD\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\n";
        var plain = Text.Replace(Custom, "");
        var state = IncrementalAnalyzer.Create(plain, Catalog);
        Assert.DoesNotContain(state.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
        int at = plain.IndexOf("</IIsSmtpService>", StringComparison.Ordinal);
        var edited = plain.Insert(at, Custom);

        var next = IncrementalAnalyzer.Update(state, edited, new TextSpan(at, 0));

        Assert.Equal(UpdateKind.Full, next.Kind);
        Assert.Equal(Full(edited), Describe(next.Diagnostics));
        Assert.Contains(next.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);
    }

    private static List<(string Code, TextSpan Span, string Message)> Full(string text) =>
        Describe(MetabaseAnalyzer.Analyze(MetabaseModel.Build(SyntaxTree.Parse(text)), Catalog));

    private static List<(string Code, TextSpan Span, string Message)> Describe(IEnumerable<MetabaseDiagnostic> diagnostics) =>
        diagnostics.Select(d => (d.Code, d.Span, d.Message)).ToList();
}

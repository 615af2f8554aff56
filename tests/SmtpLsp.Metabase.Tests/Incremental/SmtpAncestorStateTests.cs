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
        Assert.Equal("/LM/SmtpSvc/", kept.Value.Location);
        Assert.True(kept.Value.HasCustom);
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
        Assert.Equal("/LM/SmtpSvc/", kept.Value.Location);
        Assert.False(kept.Value.HasCustom);
        Assert.True(state.SmtpKeys.ContainsKey("/lm/smtpsvc"));
    }
}

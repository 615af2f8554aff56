using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;

namespace SmtpLsp.Metabase.Tests.Hostile;

/// <summary>
/// DTD and entity attacks against the core: nothing is expanded, read or fetched; work and memory stay proportional
/// to the text; the doctype gets exactly one MB1007.
/// </summary>
public sealed class EntityAttackTests
{
    public static TheoryData<string> PayloadNames() =>
        new("billion laughs", "quadratic blowup", "SYSTEM file URL", "SYSTEM plain path", "SYSTEM http URL", "PUBLIC http URL",
            "external DTD", "parameter entities");

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public void Analyze_EntityAttack_OneDoctypeDiagnosticNoExpansionNoIo(string name)
    {
        using var listener = new CanaryListener();
        using var secret = new SecretFile();
        string text = EntityPayloads.All(listener.Port, secret.Path).Single(p => p.Name == name).Text;

        long before = GC.GetAllocatedBytesForCurrentThread();
        var document = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        var diagnostics = MetabaseAnalyzer.Analyze(document.Model, document.Catalog);
        int reference = text.IndexOf("SmtpServerName=\"", StringComparison.Ordinal) + "SmtpServerName=\"".Length + 1;
        var hover = HoverService.GetHover(document, reference, markdown: true);
        var completion = CompletionService.GetCompletions(document, reference);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var doctype = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DoctypeNotAllowed);
        Assert.Contains("never expanded", doctype.Message);
        Assert.Equal(text.IndexOf("<!DOCTYPE", StringComparison.Ordinal), doctype.Span.Start);
        // The key after the doctype is still understood.
        Assert.Contains(document.Model.Keys, k => k.Location == "/LM/SmtpSvc/1");
        // An expansion would allocate the entity's text many times over; this is a few copies of the input.
        Assert.True(allocated < 40L * text.Length + 4_000_000, $"{allocated:N0} bytes allocated for {text.Length:N0} chars");
        Assert.Equal(0, listener.Connections);
        string everything = string.Join("\n", diagnostics.Select(d => d.Message)) + hover?.Content
                            + string.Join("\n", completion.Items.Select(i => i.Label + i.Documentation));
        Assert.DoesNotContain(secret.Marker, everything);
        Assert.DoesNotContain("lollollol", everything);
    }

    [Fact]
    public void Analyze_EntityReferenceInValue_ReportedAsUnknownAndKeptVerbatim()
    {
        string text = EntityPayloads.BillionLaughs();
        var document = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        var diagnostics = MetabaseAnalyzer.Analyze(document.Model, document.Catalog);
        var unknown = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownEntity);
        Assert.Equal("&lol9;", text.Substring(unknown.Span.Start, unknown.Span.Length));
        Assert.Contains("not expanded", unknown.Message);
    }
}

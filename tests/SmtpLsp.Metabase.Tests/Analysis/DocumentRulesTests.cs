using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class DocumentRulesTests
{
    private const string Tree = "<IIS_ROOT Location =\"/\"/>\n<IIsComputer Location =\"/LM\"/>\n<IIsSmtpService Location =\"/LM/SmtpSvc\"/>\n";

    [Fact]
    public void DuplicateLocation_DifferentCase_ErrorOnSecondWithRelatedFirst()
    {
        var keys = Tree + "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpServer Location =\"[/lm/smtpsvc/1]\"/>\n";
        var (diagnostics, expected, text) = Analyze.Marked(keys);
        var d = Analyze.Single(diagnostics, DiagnosticCodes.DuplicateLocation);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected, d.Span);
        var related = Assert.Single(d.Related!);
        Assert.Equal("/LM/SmtpSvc/1", text.Substring(related.Span.Start, related.Span.Length));
        Assert.True(related.Span.Start < d.Span.Start);
    }

    [Fact]
    public void DuplicateLocation_ThreeKeys_TwoReports()
    {
        var diagnostics = Analyze.Keys(Tree + "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpServer Location =\"/LM/SmtpSvc/1/\"/>\n");
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateLocation));
    }

    [Fact]
    public void DuplicateLocation_DistinctPaths_NotReported()
    {
        Analyze.None(Analyze.Keys(Tree + "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpServer Location =\"/LM/SmtpSvc/2\"/>\n"),
            DiagnosticCodes.DuplicateLocation);
    }

    /// <summary>The rule as first written: every key's parent path looked up in the index, the common ancestor first.</summary>
    private static List<(TextSpan Span, string Message)> ParentKeyMissingReference(MetabaseModel model)
    {
        var common = ParentKeyRules.CommonAncestor(model);
        var expected = new List<(TextSpan, string)>();
        foreach (var key in model.Keys)
        {
            if (key.Location is not { } location || !LocationPath.TryGetParent(location, out var parentPath)) continue;
            var parent = parentPath.ToString();
            if (model.FindByLocation(parent).Count > 0 || (common != null && ParentKeyRules.IsAncestorOrSelf(parent, common))) continue;
            expected.Add((key.LocationAttribute!.ValueSpan, $"No key at the parent path '{parent}' of '{location}'"));
        }
        return expected;
    }

    [Fact]
    public void ParentKeyMissing_RandomLocations_EqualsLookingUpEveryParent() =>
        LocationDocumentGen.Document.Sample(text =>
        {
            // Built in one pass and on ranges in parallel: a range starts without the keys before it.
            var tree = SyntaxTree.Parse(text);
            foreach (var model in new[] { MetabaseModel.Build(tree), MetabaseModel.Build(tree, minElementsPerWorker: 3) })
            {
                var sink = new List<MetabaseDiagnostic>();
                ParentKeyRules.Check(model, sink);
                Assert.Equal(ParentKeyMissingReference(model), sink.Select(d => (d.Span, d.Message[..d.Message.IndexOf(';')])));
            }
        }, iter: 1000);

    [Fact]
    public void ParentKeyMissing_GapInsideTree_InformationOnLocationValue()
    {
        var (diagnostics, expected, _) = Analyze.Marked(Tree + "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpDomain Location =\"[/LM/SmtpSvc/1/Domain/example.com]\"/>\n");
        var d = Analyze.Single(diagnostics, DiagnosticCodes.ParentKeyMissing);
        Assert.Equal(DiagnosticSeverity.Information, d.Severity);
        Assert.Equal(expected, d.Span);
        Assert.Contains("'/LM/SmtpSvc/1/Domain'", d.Message);
    }

    [Fact]
    public void ParentKeyMissing_FullTree_NotReported()
    {
        Analyze.None(Analyze.Keys("<IIS_Global Location =\".\"/>\n" + Tree + "<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n"),
            DiagnosticCodes.ParentKeyMissing);
    }

    [Fact]
    public void ParentKeyMissing_ExportSubtree_AncestorsAboveEveryKeyNotReported()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpVirtualDir Location =\"/LM/SmtpSvc/1/Root\"/>\n<IIsSmtpDomain Location =\"/LM/SmtpSvc/1/Domain\"/>\n");
        Analyze.None(diagnostics, DiagnosticCodes.ParentKeyMissing);
    }

    [Fact]
    public void ParentKeyMissing_ExportSubtreeWithGap_GapReported()
    {
        var diagnostics = Analyze.Keys("<IIsSmtpServer Location =\"/LM/SmtpSvc/1\"/>\n<IIsSmtpVirtualDir Location =\"/LM/SmtpSvc/1/Root\"/>\n<IIsSmtpDomain Location =\"/LM/SmtpSvc/1/Domain/example.com\"/>\n");
        Assert.Contains("'/LM/SmtpSvc/1/Domain'", Analyze.Single(diagnostics, DiagnosticCodes.ParentKeyMissing).Message);
    }

    [Fact]
    public void ParentKeyMissing_NoRootOrComputerKey_NotReported()
    {
        var diagnostics = Analyze.Keys("<IIS_Global Location =\".\"/>\n<IIsSmtpService Location =\"/LM/SmtpSvc\"/>\n<IIsWebService Location =\"/LM/W3SVC\"/>\n");
        Analyze.None(diagnostics, DiagnosticCodes.ParentKeyMissing);
    }

    [Theory]
    [InlineData("/LM/SmtpSvc", "/LM/SmtpSvc/1", true)]
    [InlineData("/LM/SmtpSvc", "/lm/smtpsvc", true)]
    [InlineData("/LM/Smtp", "/LM/SmtpSvc", false)]
    [InlineData("/", "/LM", true)]
    [InlineData("/LM/SmtpSvc/1", "/LM/SmtpSvc", false)]
    public void IsAncestorOrSelf_Paths_ComparesWholeSegments(string ancestor, string path, bool expected)
    {
        Assert.Equal(expected, ParentKeyRules.IsAncestorOrSelf(ancestor, path));
    }

    [Fact]
    public void DocumentRules_CalledAlone_ReportsOnlyCrossKeyCodes()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse("<configuration><MBProperty><IIsSmtpServr Location=\"/a/b\"/><IIsSmtpServer Location=\"/a/b\"/><X Location=\"/a/c/d\"/></MBProperty></configuration>"));
        var sink = new List<MetabaseDiagnostic>();
        DocumentRules.Analyze(model, sink);
        Assert.Equal([DiagnosticCodes.DuplicateLocation, DiagnosticCodes.ParentKeyMissing], sink.Select(d => d.Code).Order().ToArray());
    }
}

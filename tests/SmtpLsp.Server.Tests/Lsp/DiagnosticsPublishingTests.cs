using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Server.Lsp.Protocol;
using Range = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

public sealed class DiagnosticsPublishingTests
{
    private const string Uri = "file:///srv/MetaBase.xml";

    private static string Metabase(string body) => "<configuration>\r\n<MBProperty>\r\n" + body + "</MBProperty>\r\n</configuration>\r\n";

    private static Range R(int line, int start, int end) => new(new Position(line, start), new Position(line, end));

    [Fact]
    public async Task DidOpen_Metabase_PublishesAtOnceWithVersionCodeAndLink()
    {
        await using var client = await LspTestClient.StartInitializedAsync("""{"diagnosticsDebounceMs":5000}""");
        await client.OpenAsync(Uri, Metabase("<IIsSmtpServer BAD=\"1\"/>\r\n"), version: 7);

        var published = await client.NextPublishAsync();
        Assert.Equal(Uri, published.Uri);
        Assert.Equal(7, published.Version);
        var diagnostic = Assert.Single(published.Diagnostics);
        Assert.Equal(R(2, 15, 18), diagnostic.Range);
        Assert.Equal(DiagnosticCodes.UnknownProperty, diagnostic.Code);
        Assert.Equal(DiagnosticCodes.DocumentationUrl(DiagnosticCodes.UnknownProperty), diagnostic.CodeDescription?.Href);
        Assert.Equal("smtplsp", diagnostic.Source);
        Assert.Equal((int)DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Null(diagnostic.RelatedInformation);
    }

    [Fact]
    public async Task DidOpen_MoreProblemsThanTheCap_FirstOnesAndANoticeWhereTheListStops()
    {
        // A hostile file's million diagnostics were all sent: 300 MB of JSON for the editor to take in.
        int count = Server.Lsp.LanguageServerTarget.MaxPublishedDiagnostics + 50;
        var text = "<configuration>\r\n<MBProperty>\r\n<IIsSmtpServer Location=\"/LM/SmtpSvc/1\"\r\n" +
            string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}=\"1\"\r\n")) + "/>\r\n</MBProperty>\r\n</configuration>\r\n";
        var client = LspTestClient.CreateWithRealCore();
        await using (client)
        {
            await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
            await client.OpenAsync(Uri, text);

            var published = (await client.NextPublishAsync()).Diagnostics;

            Assert.Equal(Server.Lsp.LanguageServerTarget.MaxPublishedDiagnostics + 1, published.Count);
            Assert.All(published.Take(published.Count - 1), d => Assert.Equal(DiagnosticCodes.UnknownProperty, d.Code));
            var notice = published[^1];
            Assert.Equal("10,000 of 10,050 problems are shown, up to here; `smtplsp check` lists them all.", notice.Message);
            Assert.Equal(3 + Server.Lsp.LanguageServerTarget.MaxPublishedDiagnostics, notice.Range.Start.Line);

            // A settings change that changes nothing here does not send the 10,001 again (the list was not kept).
            await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, new DidChangeConfigurationParams
            {
                Settings = System.Text.Json.JsonDocument.Parse("""{"smtpLsp":{"diagnosticsDebounceMs":0,"inlayHints":false}}""").RootElement.Clone(),
            });
            await client.AssertNoPublishAsync(TimeSpan.FromMilliseconds(1500));
        }
    }

    [Fact]
    public async Task DidOpen_RelatedLocations_BecomeRelatedInformation()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BAD\r\n  BAD\r\n"));

        var published = await client.NextPublishAsync();
        Assert.Equal(2, published.Diagnostics.Count);
        var related = Assert.Single(published.Diagnostics[1].RelatedInformation!);
        Assert.Equal(Uri, related.Location.Uri);
        Assert.Equal(R(2, 0, 3), related.Location.Range);
        Assert.Equal("first marker", related.Message);
    }

    [Fact]
    public async Task DidChange_SeveralIncrementalChanges_PublishesShiftedRangesWithNewVersion()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        // Line 2 is "x BAD y".
        await client.OpenAsync(Uri, Metabase("x BAD y\r\n"));
        Assert.Equal(R(2, 2, 5), Assert.Single((await client.NextPublishAsync()).Diagnostics).Range);

        await client.ChangeAsync(Uri, 2,
            // Insert a whole line above: the marker moves to line 3.
            new TextDocumentContentChangeEvent { Range = R(2, 0, 0), Text = "<!-- new -->\r\n" },
            // Positions of the second change refer to the text after the first: prefix the marker on line 3.
            new TextDocumentContentChangeEvent { Range = R(3, 0, 2), Text = "abc " },
            // Add a second marker at the end of that line.
            new TextDocumentContentChangeEvent { Range = R(3, 9, 9), Text = " BAD" });

        var published = await client.NextPublishAsync();
        Assert.Equal(2, published.Version);
        Assert.Equal([R(3, 4, 7), R(3, 10, 13)], published.Diagnostics.Select(d => d.Range));
        Assert.Equal(Metabase("<!-- new -->\r\nabc BAD y BAD\r\n"), client.Server.Target.GetDocument(Uri)!.Text);
    }

    [Fact]
    public async Task DidChange_FullTextChange_ReplacesDocument()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase(""));
        Assert.Empty((await client.NextPublishAsync()).Diagnostics);

        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Text = Metabase("BAD\r\n") });
        var published = await client.NextPublishAsync();
        Assert.Equal(2, published.Version);
        Assert.Equal(R(2, 0, 3), Assert.Single(published.Diagnostics).Range);
    }

    [Fact]
    public async Task DidChange_RapidChanges_DebounceCoalescesIntoOneAnalysis()
    {
        await using var client = await LspTestClient.StartInitializedAsync("""{"diagnosticsDebounceMs":800}""");
        await client.OpenAsync(Uri, Metabase(""));
        Assert.Equal(1, (await client.NextPublishAsync()).Version);

        for (int version = 2; version <= 5; version++)
            await client.ChangeAsync(Uri, version, new TextDocumentContentChangeEvent { Range = R(2, 0, 0), Text = "BAD\r\n" });

        var published = await client.NextPublishAsync();
        Assert.Equal(5, published.Version);
        Assert.Equal(4, published.Diagnostics.Count);
        await client.AssertNoPublishAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal([1, 5], client.Core.AnalyzedVersions);
    }

    [Fact]
    public async Task DidChange_NewerChange_CancelsInFlightAnalysis()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BLOCK\r\n"));
        Assert.True(await client.Core.BlockEntered.WaitAsync(LspTestClient.Timeout));

        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Text = Metabase("BAD\r\n") });

        await client.Core.BlockCancelled.Task.WaitAsync(LspTestClient.Timeout);
        var published = await client.NextPublishAsync();
        Assert.Equal(2, published.Version);
        Assert.Single(published.Diagnostics);
    }

    [Fact]
    public async Task DidClose_OpenDocument_PublishesEmptyWithVersion()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BAD\r\n"), version: 3);
        Assert.Single((await client.NextPublishAsync()).Diagnostics);

        await client.CloseAsync(Uri);
        var cleared = await client.NextPublishAsync();
        Assert.Equal(Uri, cleared.Uri);
        Assert.Equal(3, cleared.Version);
        Assert.Empty(cleared.Diagnostics);
        Assert.Null(client.Server.Target.GetDocument(Uri));
    }

    [Fact]
    public async Task DidOpen_MetabaseUnderOtherLanguageId_RecognisedByContent()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BAD\r\n"), languageId: "nxml");
        Assert.Single((await client.NextPublishAsync()).Diagnostics);
    }

    [Fact]
    public async Task DidOpen_NotMetabase_NoDiagnosticsAndCoreNotCalled()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync("file:///web.config", "<configuration><system.web>BAD</system.web></configuration>");

        var result = await client.DocumentDiagnosticsAsync("file:///web.config");
        Assert.False(result!.IsMetabase);
        Assert.Empty(result.Diagnostics);
        await client.AssertNoPublishAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, client.Core.AnalyzeCount);
    }

    [Fact]
    public async Task DidChange_DocumentStopsBeingMetabase_PublishesEmpty()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BAD\r\n"));
        Assert.Single((await client.NextPublishAsync()).Diagnostics);

        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Text = "<root>BAD</root>" });
        var cleared = await client.NextPublishAsync();
        Assert.Equal(2, cleared.Version);
        Assert.Empty(cleared.Diagnostics);
    }

    [Fact]
    public async Task DidOpen_ForcedByGlob_AnalysedWithoutMetabaseRoot()
    {
        await using var client = await LspTestClient.StartInitializedAsync("""{"diagnosticsDebounceMs":0,"forceMetabase":["**/*.mbx"]}""");
        await client.OpenAsync("file:///srv/export.mbx", "BAD");
        Assert.Single((await client.NextPublishAsync()).Diagnostics);
    }

    [Fact]
    public async Task DidChange_UnopenedDocument_IgnoredWithLog()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.ChangeAsync("file:///never-opened.xml", 2, new TextDocumentContentChangeEvent { Text = "x" });

        var log = await client.Received.WaitForLogAsync(l => l.Message.Contains("never-opened", StringComparison.Ordinal));
        Assert.Equal(MessageType.Warning, log.Type);
        Assert.Null(client.Server.Target.GetDocument("file:///never-opened.xml"));
    }

    [Fact]
    public async Task DidChange_RangeOutsideDocument_ClampedAndLogged()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase(""));
        await client.NextPublishAsync();

        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Range = R(99, 0, 0), Text = "BAD" });

        var published = await client.NextPublishAsync();
        Assert.Equal(2, published.Version);
        Assert.EndsWith("</configuration>\r\nBAD", client.Server.Target.GetDocument(Uri)!.Text, StringComparison.Ordinal);
        await client.Received.WaitForLogAsync(l => l.Message.Contains("clamped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analysis_CoreThrows_LogsClearsAndServerKeepsAnswering()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BAD\r\n"));
        Assert.Single((await client.NextPublishAsync()).Diagnostics);

        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Text = Metabase("BOOM\r\n") });
        var log = await client.Received.WaitForLogAsync(l => l.Type == MessageType.Error);
        Assert.Contains("fake core exploded", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", log.Message, StringComparison.Ordinal); // no stack trace to the client
        Assert.Empty((await client.NextPublishAsync()).Diagnostics);

        await client.ChangeAsync(Uri, 3, new TextDocumentContentChangeEvent { Text = Metabase("BAD\r\n") });
        Assert.Equal(3, (await client.NextPublishAsync()).Version);
    }

    [Fact]
    public async Task Request_CoreThrows_InternalErrorWithoutStackTrace()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Metabase("BOOM\r\n"));

        var error = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() => client.DocumentDiagnosticsAsync(Uri));
        Assert.Equal(ErrorCodes.InternalError, error.ErrorCode);
        Assert.Null(error.ErrorData);
        Assert.DoesNotContain("fake core exploded", error.Message, StringComparison.Ordinal);
        Assert.Contains("fake core exploded", client.ServerLog.ToString(), StringComparison.Ordinal);

        await client.CloseAsync(Uri);
        Assert.Null(await client.DocumentDiagnosticsAsync(Uri));
    }
}

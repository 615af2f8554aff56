using System.Text.Json;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>The real core behind the protocol: what an editor sees for hover, completion and diagnostics.</summary>
public sealed class LanguageFeatureTests
{
    private const string Uri = "file:///srv/MetaBase.xml";

    private const string Text =
        "<?xml version =\"1.0\"?>\n" +
        "<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n" +
        "<MBProperty>\n" +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" +
        "\t\tAuthFlags=\"AuthBasic | AuthNTML\"\n" +
        "\t\tSmtpInboundCommandSupportOptions=\"7697601\"\n" +
        "\t>\n" +
        "</IIsSmtpServer>\n" +
        "</MBProperty>\n" +
        "</configuration>\n";

    private static ClientCapabilities Capabilities(bool markdown, bool snippets) => new()
    {
        TextDocument = new TextDocumentClientCapabilities
        {
            Hover = new HoverClientCapabilities { ContentFormat = markdown ? ["markdown", "plaintext"] : ["plaintext"] },
            Completion = new CompletionClientCapabilities { CompletionItem = new CompletionItemClientCapabilities { SnippetSupport = snippets } },
        },
    };

    private static async Task<LspTestClient> OpenAsync(bool markdown = true, bool snippets = true, string options = """{"diagnosticsDebounceMs":0}""")
    {
        var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync(options, Capabilities(markdown, snippets));
        await client.OpenAsync(Uri, Text, languageId: "nxml");
        return client;
    }

    private static Task<Hover?> HoverAsync(LspTestClient client, int line, int character) =>
        client.Rpc.InvokeWithParameterObjectAsync<Hover?>(Methods.Hover, new HoverParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = Uri },
            Position = new Position(line, character),
        }).WaitAsync(LspTestClient.Timeout);

    private static Task<CompletionList?> CompleteAsync(LspTestClient client, int line, int character) =>
        client.Rpc.InvokeWithParameterObjectAsync<CompletionList?>(Methods.Completion, new CompletionParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = Uri },
            Position = new Position(line, character),
        }).WaitAsync(LspTestClient.Timeout);

    [Fact]
    public async Task Diagnostics_RealCore_ReportMisspeltFlagOnItsName()
    {
        await using var client = await OpenAsync();
        var publish = await client.NextPublishAsync();
        var diagnostic = Assert.Single(publish.Diagnostics, d => d.Code == "MB3007");
        Assert.Equal(new Position(4, 25), diagnostic.Range.Start);
        Assert.Equal(new Position(4, 33), diagnostic.Range.End);
        Assert.Contains("AuthNTLM", diagnostic.Message);
    }

    [Fact]
    public async Task Diagnostics_KeystrokesInOneKey_EqualAFreshAnalysisOfTheFinalText()
    {
        await using var client = await OpenAsync();
        await client.NextPublishAsync();
        // Typing in the verb value, one character per change, then fixing the flag name: the incremental path.
        string text = Text;
        var edits = new (int Line, int Character, int Length, string Insert)[]
        {
            (5, 42, 1, "3"), (5, 36, 0, "9"), (5, 36, 1, ""), (4, 31, 2, "LM"),
        };
        int version = 1;
        PublishDiagnosticsParams publish = null!;
        foreach (var (line, character, length, insert) in edits)
        {
            var lines = new SmtpLsp.Metabase.Text.LineIndex(text);
            int start = lines.GetOffset(new SmtpLsp.Metabase.Text.LinePosition(line, character));
            text = text.Remove(start, length).Insert(start, insert);
            await client.ChangeAsync(Uri, ++version, new TextDocumentContentChangeEvent
            {
                Range = new SmtpLsp.Server.Lsp.Protocol.Range(new Position(line, character), new Position(line, character + length)),
                Text = insert,
            });
            publish = await client.NextPublishAsync();
            while (publish.Version != version) publish = await client.NextPublishAsync();
        }
        var document = SmtpLsp.Metabase.Features.MetabaseDocument.Create(text, SmtpLsp.Metabase.Catalog.MetabaseCatalog.Embedded);
        var expected = SmtpLsp.Metabase.Analysis.MetabaseAnalyzer.Analyze(document.Model, document.Catalog)
            .Select(d => (d.Code, d.Message, SmtpLsp.Server.Lsp.LspConversions.ToRange(document.Lines, d.Span))).ToList();
        Assert.Equal(expected, publish.Diagnostics.Select(d => (d.Code!, d.Message, d.Range)).ToList());
        Assert.Contains(publish.Diagnostics, d => d.Code == "MB3009");
        Assert.DoesNotContain(publish.Diagnostics, d => d.Code == "MB3007");
    }

    [Fact]
    public async Task Hover_BitmaskValueWithMarkdownClient_DecodesVerbsAsMarkdown()
    {
        await using var client = await OpenAsync(markdown: true);
        var hover = await HoverAsync(client, 5, 38);
        Assert.NotNull(hover);
        Assert.Equal(MarkupKind.Markdown, hover.Contents.Kind);
        Assert.Contains("8BITMIME", hover.Contents.Value);
        Assert.Contains("4194304", hover.Contents.Value);
        Assert.Contains("0x00056001", hover.Contents.Value);
        Assert.Equal(new Position(5, 36), hover.Range?.Start);
        Assert.Equal(new Position(5, 43), hover.Range?.End);
    }

    [Fact]
    public async Task Hover_PlainTextClient_GetsNoMarkdown()
    {
        await using var client = await OpenAsync(markdown: false);
        var hover = await HoverAsync(client, 5, 38);
        Assert.NotNull(hover);
        Assert.Equal(MarkupKind.PlainText, hover.Contents.Kind);
        Assert.DoesNotContain("**", hover.Contents.Value);
        Assert.DoesNotContain("|---", hover.Contents.Value);
    }

    [Fact]
    public async Task Hover_UnopenedDocument_ReturnsNull()
    {
        await using var client = await OpenAsync();
        var hover = await client.Rpc.InvokeWithParameterObjectAsync<Hover?>(Methods.Hover, new HoverParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = "file:///other.xml" },
            Position = new Position(0, 0),
        }).WaitAsync(LspTestClient.Timeout);
        Assert.Null(hover);
    }

    [Fact]
    public async Task Hover_PositionPastTheEnd_AnswersWithoutError()
    {
        await using var client = await OpenAsync();
        var hover = await HoverAsync(client, 500, 500);
        Assert.True(hover is null || hover.Contents.Value.Length > 0);
    }

    [Fact]
    public async Task Completion_InsideSmtpServerStartTag_OffersUnsetPropertiesAsTextEdits()
    {
        await using var client = await OpenAsync(snippets: false);
        var list = await CompleteAsync(client, 6, 1);
        Assert.NotNull(list);
        var labels = list.Items.Select(i => i.Label).ToList();
        Assert.Contains("MaxMessageSize", labels);
        Assert.DoesNotContain("AuthFlags", labels);
        Assert.DoesNotContain("SmtpInboundCommandSupportOptions", labels);
        var item = list.Items.First(i => i.Label == "MaxMessageSize");
        Assert.NotNull(item.TextEdit);
        Assert.Equal(InsertTextFormat.PlainText, item.InsertTextFormat);
        Assert.Equal(CompletionItemKind.Property, item.Kind);
    }

    [Fact]
    public async Task Completion_VerbValue_DisablingEightBitMimeInserts3503297()
    {
        await using var client = await OpenAsync();
        var list = await CompleteAsync(client, 5, 40);
        Assert.NotNull(list);
        var disable = Assert.Single(list.Items, i => i.Label.Contains("8BITMIME") && i.Label.Contains("isable"));
        Assert.Equal("3503297", disable.TextEdit?.NewText);
        Assert.Equal(new Position(5, 36), disable.TextEdit?.Range.Start);
        Assert.Equal(new Position(5, 43), disable.TextEdit?.Range.End);
    }

    [Fact]
    public async Task Initialize_NoSchemaPath_LogsTheEmbeddedCatalogInUse()
    {
        await using var client = await OpenAsync();
        var info = await client.Received.WaitForLogAsync(l => l.Message.StartsWith("catalog:", StringComparison.Ordinal));
        Assert.Equal(MessageType.Info, info.Type);
    }

    [Fact]
    public async Task Settings_BrokenSchemaPath_LogsErrorAndKeepsServing()
    {
        string schema = Path.Combine(Path.GetTempPath(), $"smtplsp-broken-{Guid.NewGuid():N}.xml");
        File.WriteAllText(schema, "<MetaData><Collection");
        try
        {
            await using var client = await OpenAsync(options: JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["diagnosticsDebounceMs"] = 0,
                ["schemaPath"] = schema,
            }));
            var error = await client.Received.WaitForLogAsync(l => l.Type == MessageType.Error);
            Assert.Contains(schema, error.Message);
            var publish = await client.NextPublishAsync();
            Assert.Contains(publish.Diagnostics, d => d.Code == "MB3007");
        }
        finally
        {
            File.Delete(schema);
        }
    }

    [Fact]
    public async Task Settings_UserSchemaPath_LoadsThatCatalog()
    {
        string corpus = Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "MBSchema.xml");
        await using var client = await OpenAsync(options: JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["diagnosticsDebounceMs"] = 0,
            ["schemaPath"] = corpus,
        }));
        var info = await client.Received.WaitForLogAsync(l => l.Message.StartsWith("catalog:", StringComparison.Ordinal));
        Assert.Contains("MBSchema.xml", info.Message);
        var publish = await client.NextPublishAsync();
        Assert.Contains(publish.Diagnostics, d => d.Code == "MB3007");
    }
}

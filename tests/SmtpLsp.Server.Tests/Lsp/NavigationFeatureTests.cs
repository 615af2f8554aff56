using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;
using LspRange = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>Outline, workspace symbols, folding, selection ranges, definition, references and formatting with the real core.</summary>
public sealed class NavigationFeatureTests
{
    private static readonly TextDocumentIdentifier Doc = new() { Uri = DocUri };

    private static async Task<LspTestClient> OpenAsync(string text = Smtp)
    {
        var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(DocUri, text);
        return client;
    }

    private static Task<T> Invoke<T>(LspTestClient client, string method, object parameters) =>
        client.Rpc.InvokeWithParameterObjectAsync<T>(method, parameters).WaitAsync(LspTestClient.Timeout);

    [Fact]
    public async Task DocumentSymbol_SmtpTree_NestsByLocationWithKindsPerKeyType()
    {
        await using var client = await OpenAsync();
        var symbols = await Invoke<DocumentSymbol[]?>(client, Methods.DocumentSymbol, new DocumentSymbolParams { TextDocument = Doc });
        var lm = Assert.Single(symbols!);
        Assert.Equal(("/LM", "IIsComputer", SymbolKind.Object), (lm.Name, lm.Detail, lm.Kind));
        var service = Assert.Single(lm.Children!);
        Assert.Equal(("SmtpSvc", SymbolKind.Module), (service.Name, service.Kind));
        var server = Assert.Single(service.Children!);
        Assert.Equal(("1", SymbolKind.Class), (server.Name, server.Kind));
        Assert.Equal(["Domain", "Root"], server.Children!.Select(c => c.Name));
        Assert.Equal(SymbolKind.Object, server.Children![0].Kind);
        Assert.Equal(SymbolKind.Namespace, server.Children![1].Kind);
        Assert.Null(server.Children![0].Children);
        Assert.Equal(RangeOf(Smtp, "/LM/SmtpSvc/1"), server.SelectionRange); // the first occurrence is the server's Location
        Assert.Equal(At(Smtp, "<IIsSmtpServer"), server.Range.Start);
        Assert.Equal(At(Smtp, "</IIsSmtpServer>", "</IIsSmtpServer>".Length), server.Range.End);
    }

    [Fact]
    public async Task DocumentSymbol_OverTheCap_KeepsUpperLevelsAndShowsOneNotice()
    {
        await using var client = await OpenAsync();
        client.Server.Target.SymbolCap = 3;
        var symbols = await Invoke<DocumentSymbol[]?>(client, Methods.DocumentSymbol, new DocumentSymbolParams { TextDocument = Doc });
        Assert.Equal("1", symbols![0].Children![0].Children![0].Name);
        Assert.Null(symbols[0].Children![0].Children![0].Children);
        var notice = await client.Received.Messages.Reader.ReadAsync().AsTask().WaitAsync(LspTestClient.Timeout);
        Assert.Equal(MessageType.Warning, notice.Type);
        Assert.Contains("first 3 keys", notice.Message);
        await Invoke<DocumentSymbol[]?>(client, Methods.DocumentSymbol, new DocumentSymbolParams { TextDocument = Doc });
        await Invoke<DocumentSymbol[]?>(client, Methods.DocumentSymbol, new DocumentSymbolParams { TextDocument = Doc });
        Assert.False(client.Received.Messages.Reader.TryRead(out _));
    }

    [Fact]
    public async Task WorkspaceSymbol_TwoOpenDocuments_FindsKeysInBoth()
    {
        await using var client = await OpenAsync();
        const string other = "file:///srv/export.xml";
        await client.OpenAsync(other, Smtp.Replace("/LM/SmtpSvc/1/Domain", "/LM/SmtpSvc/2/Domain", StringComparison.Ordinal));
        await client.OpenAsync("file:///srv/notes.txt", "Domain notes, not a metabase");
        var found = await Invoke<SymbolInformation[]?>(client, Methods.WorkspaceSymbol, new WorkspaceSymbolParams { Query = "domain" });
        Assert.Equal(
            [(DocUri, "/LM/SmtpSvc/1/Domain"), (other, "/LM/SmtpSvc/2/Domain")],
            found!.Select(s => (s.Location.Uri, s.Name)).OrderBy(p => p.Uri, StringComparer.Ordinal));
        Assert.All(found!, s => Assert.Equal("IIsSmtpDomain", s.ContainerName));
        Assert.Equal(RangeOf(Smtp, "/LM/SmtpSvc/1/Domain"), found!.Single(s => s.Location.Uri == DocUri).Location.Range);
    }

    /// <summary>A large metabase opened first does not take the whole cap: the small one's keys are found too.</summary>
    [Fact]
    public async Task WorkspaceSymbol_LargeDocumentOpenedFirst_CapSharedSoTheSmallOneIsFound()
    {
        var client = LspTestClient.CreateWithRealCore();
        await using (client)
        {
            await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
            client.Server.Target.SymbolCap = 40;
            await client.OpenAsync("file:///srv/big.xml", ManyKeys(100));
            await client.OpenAsync(DocUri, Smtp);
            var found = await Invoke<SymbolInformation[]?>(client, Methods.WorkspaceSymbol, new WorkspaceSymbolParams { Query = "" });
            Assert.True(found!.Length <= 40, $"{found.Length} symbols");
            Assert.Contains(found, s => s.Location.Uri == DocUri && s.Name == "/LM/SmtpSvc/1/Domain");
        }
    }

    [Fact]
    public async Task FoldingRange_Keys_FoldFromStartTagToEndTag()
    {
        await using var client = await OpenAsync();
        var ranges = await Invoke<FoldingRange[]?>(client, Methods.FoldingRange, new FoldingRangeParams { TextDocument = Doc });
        int serverStart = At(Smtp, "<IIsSmtpServer").Line;
        int serverEnd = At(Smtp, "</IIsSmtpServer>").Line;
        Assert.Contains(ranges!, r => r.StartLine == serverStart && r.EndLine == serverEnd && r.Kind == FoldingRangeKind.Region);
        Assert.Contains(ranges!, r => r.StartLine == At(Smtp, "\t<Custom").Line && r.EndLine == At(Smtp, "\t/>").Line);
        Assert.All(ranges!, r => Assert.True(r.EndLine > r.StartLine));
    }

    [Fact]
    public async Task SelectionRange_InVerbMask_ValueThenAttributeThenKeyThenDocument()
    {
        await using var client = await OpenAsync();
        var result = await Invoke<SelectionRange[]?>(client, Methods.SelectionRange, new SelectionRangeParams
        {
            TextDocument = Doc,
            Positions = [At(Smtp, "7697601", 3), At(Smtp, "ServerComment")],
        });
        Assert.Equal(2, result!.Length);
        var value = result[0];
        Assert.Equal(RangeOf(Smtp, "7697601"), value.Range);
        Assert.Equal(RangeOf(Smtp, "SmtpInboundCommandSupportOptions=\"7697601\""), value.Parent!.Range);
        var outermost = value;
        var chain = new List<LspRange>();
        for (var s = value; s != null; s = s.Parent) { chain.Add(s.Range); outermost = s; }
        Assert.Contains(new LspRange(At(Smtp, "<IIsSmtpServer"), At(Smtp, "</IIsSmtpServer>", "</IIsSmtpServer>".Length)), chain);
        Assert.Equal(new Position(0, 0), outermost.Range.Start);
        Assert.Equal(RangeOf(Smtp, "ServerComment"), result[1].Range);
    }

    [Fact]
    public async Task Definition_OnKeyLocation_GoesToParentKey()
    {
        await using var client = await OpenAsync();
        var target = await Invoke<Location?>(client, Methods.Definition, new DefinitionParams { TextDocument = Doc, Position = At(Smtp, "/LM/SmtpSvc/1/Domain", 5) });
        Assert.Equal(DocUri, target!.Uri);
        Assert.Equal(RangeOf(Smtp, "/LM/SmtpSvc/1"), target.Range);
        Assert.Null(await Invoke<Location?>(client, Methods.Definition, new DefinitionParams { TextDocument = Doc, Position = At(Smtp, "\"/LM\"", 1) }));
    }

    [Fact]
    public async Task References_OnKeyName_ChildKeys()
    {
        await using var client = await OpenAsync();
        var found = await Invoke<Location[]?>(client, Methods.References, new ReferenceParams { TextDocument = Doc, Position = At(Smtp, "IIsSmtpServer\t", 3) });
        Assert.Equal([RangeOf(Smtp, "/LM/SmtpSvc/1/Domain"), RangeOf(Smtp, "/LM/SmtpSvc/1/Root")], found!.Select(l => l.Range));
    }

    [Fact]
    public async Task References_OnPropertyName_KeysBelowThatOverrideIt()
    {
        await using var client = await OpenAsync();
        var position = At(Smtp, "ConnectionTimeout=\"600\"", 2);
        var found = await Invoke<Location[]?>(client, Methods.References, new ReferenceParams { TextDocument = Doc, Position = position });
        Assert.Equal([RangeOf(Smtp, "ConnectionTimeout=\"300\"") with { End = At(Smtp, "ConnectionTimeout=\"300\"", "ConnectionTimeout".Length) }],
            found!.Select(l => l.Range));
        var withDeclaration = await Invoke<Location[]?>(client, Methods.References, new ReferenceParams
        {
            TextDocument = Doc, Position = position, Context = new ReferenceContext { IncludeDeclaration = true },
        });
        Assert.Equal(2, withDeclaration!.Length);
        Assert.Equal(position with { Character = position.Character - 2 }, withDeclaration[0].Range.Start);
    }

    private const string Messy =
        "<?xml version =\"1.0\"?>\n<configuration>\n<MBProperty>\n" +
        "<IIsSmtpService Location=\"/LM/SmtpSvc\" ConnectionTimeout=\"600\" AuthFlags=\"AuthAnonymous\">\n</IIsSmtpService>\n" +
        "<IIsSmtpServer Location=\"/LM/SmtpSvc/1\" ServerComment=\"x\">\n</IIsSmtpServer>\n" +
        "</MBProperty>\n</configuration>\n";

    private const string ServiceInIisLayout =
        "<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\n\t\tAuthFlags=\"AuthAnonymous\"\n\t\tConnectionTimeout=\"600\"\n\t>\n</IIsSmtpService>";

    private const string ServerInIisLayout =
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tServerComment=\"x\"\n\t>\n</IIsSmtpServer>";

    [Fact]
    public async Task Formatting_MessyKeys_IisLayoutAndIdempotent()
    {
        await using var client = await OpenAsync(Messy);
        var edits = await Invoke<TextEdit[]?>(client, Methods.Formatting, new DocumentFormattingParams { TextDocument = Doc });
        string formatted = Apply(Messy, edits!);
        Assert.Equal("<?xml version =\"1.0\"?>\n<configuration>\n<MBProperty>\n" + ServiceInIisLayout + "\n" + ServerInIisLayout + "\n</MBProperty>\n</configuration>\n", formatted);
        await client.ChangeAsync(DocUri, 2, new TextDocumentContentChangeEvent { Text = formatted });
        Assert.Empty((await Invoke<TextEdit[]?>(client, Methods.Formatting, new DocumentFormattingParams { TextDocument = Doc }))!);
    }

    [Fact]
    public async Task RangeFormatting_RangeInsideServer_OnlyThatKey()
    {
        await using var client = await OpenAsync(Messy);
        var edits = await Invoke<TextEdit[]?>(client, Methods.RangeFormatting, new DocumentRangeFormattingParams
        {
            TextDocument = Doc,
            Range = RangeOf(Messy, "ServerComment"),
        });
        Assert.Equal(Messy.Replace("<IIsSmtpServer Location=\"/LM/SmtpSvc/1\" ServerComment=\"x\">\n</IIsSmtpServer>", ServerInIisLayout, StringComparison.Ordinal),
            Apply(Messy, edits!));
    }

    [Fact]
    public async Task Formatting_SyntaxError_NoEdits()
    {
        string broken = Messy.Replace("ServerComment=\"x\">", "ServerComment=\"x>", StringComparison.Ordinal);
        await using var client = await OpenAsync(broken);
        Assert.Empty((await Invoke<TextEdit[]?>(client, Methods.Formatting, new DocumentFormattingParams { TextDocument = Doc }))!);
    }
}

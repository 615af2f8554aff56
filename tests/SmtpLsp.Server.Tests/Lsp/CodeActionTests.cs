using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;
using LspRange = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>textDocument/codeAction with the real core: quick fixes per diagnostic code, and value refactorings.</summary>
public sealed class CodeActionTests
{
    private static async Task<LspTestClient> OpenAsync(string text)
    {
        var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(DocUri, text);
        return client;
    }

    private static Task<CodeAction[]?> CodeActionsAsync(LspTestClient client, LspRange range, Diagnostic[] diagnostics, string[]? only = null) =>
        client.Rpc.InvokeWithParameterObjectAsync<CodeAction[]?>(Methods.CodeAction, new CodeActionParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = DocUri },
            Range = range,
            Context = new CodeActionContext { Diagnostics = diagnostics, Only = only },
        }).WaitAsync(LspTestClient.Timeout);

    /// <summary>The client's view: diagnostics exactly as the server published them.</summary>
    private static async Task<Diagnostic> DiagnosticAsync(LspTestClient client, string code)
    {
        var result = await client.DocumentDiagnosticsAsync(DocUri);
        Assert.NotNull(result);
        return Assert.Single(result.Diagnostics, d => d.Code == code);
    }

    private static async Task<string> ApplyQuickFixAsync(string text, string code)
    {
        await using var client = await OpenAsync(text);
        var diagnostic = await DiagnosticAsync(client, code);
        var actions = await CodeActionsAsync(client, diagnostic.Range, [diagnostic], [CodeActionKind.QuickFix]);
        Assert.NotNull(actions);
        // Other quick fixes (reset an invalid value) may be offered too; the one tied to the diagnostic is unique.
        var fix = Assert.Single(actions, a => a.Diagnostics is not null);
        Assert.Equal(CodeActionKind.QuickFix, fix.Kind);
        Assert.True(fix.IsPreferred);
        Assert.Equal(diagnostic, Assert.Single(fix.Diagnostics!));
        return Apply(text, fix.Edit!);
    }

    [Theory]
    [InlineData("MB2001", "IIsSmtpServer", "IIsSmtpServr", "IIsSmtpServer")] // start and end tag both renamed
    [InlineData("MB3001", "ServerComment=", "ServerComent=", "ServerComment=")]
    [InlineData("MB3006", "ServerAutoStart=\"TRUE\"", "ServerAutoStart=\"TRU\"", "ServerAutoStart=\"TRUE\"")]
    [InlineData("MB3006", "ServerAutoStart=\"TRUE\"", "ServerAutoStart=\"0\"", "ServerAutoStart=\"FALSE\"")]
    [InlineData("MB3007", "AuthAnonymous | AuthNTLM", "AuthAnonymous | AuthNTML", "AuthAnonymous | AuthNTLM")]
    [InlineData("MB3008", "AuthFlags=\"AuthAnonymous | AuthNTLM\"", "AuthFlags=\"1048581\"", "AuthFlags=\"5\"")]
    [InlineData("MB3009", "\"7697601\"", "\"2155181249\"", "\"7697601\"")]
    [InlineData("MB3005", "LogFilePeriod=\"1\"", "LogFilePeriod=\"7\"", "LogFilePeriod=\"4\"")]
    [InlineData("MB4002", "Type=\"DWORD\"", "Type=\"DWROD\"", "Type=\"DWORD\"")]
    public async Task CodeAction_FixableDiagnostic_QuickFixChangesOnlyTheOffendingText(string code, string original, string broken, string fixedText)
    {
        string text = Smtp.Replace(original, broken, StringComparison.Ordinal);
        Assert.NotEqual(Smtp, text);
        Assert.Equal(Smtp.Replace(original, fixedText, StringComparison.Ordinal), await ApplyQuickFixAsync(text, code));
    }

    [Fact]
    public async Task CodeAction_VerbNamesInVerbMask_QuickFixWritesTheirNumber()
    {
        var table = MetabaseCatalog.Embedded.FindProperty("SmtpInboundCommandSupportOptions")!.Flags!;
        uint expected = table.Find("DSN")!.Value | table.Find("ETRN")!.Value;
        string text = Smtp.Replace("\"7697601\"", "\"DSN | ETRN\"", StringComparison.Ordinal);
        Assert.Equal(Smtp.Replace("\"7697601\"", $"\"{expected}\"", StringComparison.Ordinal), await ApplyQuickFixAsync(text, "MB3003"));
    }

    [Fact]
    public async Task CodeAction_DiagnosticNoLongerInText_NoQuickFix()
    {
        string text = Smtp.Replace("AuthNTLM", "AuthNTML", StringComparison.Ordinal);
        await using var client = await OpenAsync(text);
        var diagnostic = await DiagnosticAsync(client, "MB3007");
        // The client still holds the diagnostic, but the text was fixed meanwhile.
        await client.ChangeAsync(DocUri, 2, new TextDocumentContentChangeEvent { Text = Smtp });
        var actions = await CodeActionsAsync(client, diagnostic.Range, [diagnostic], [CodeActionKind.QuickFix]);
        Assert.Empty(actions!);
    }

    [Fact]
    public async Task CodeAction_RangeReadInBytesAfterNonAsciiText_QuickFixFoundByItsData()
    {
        // Neovim 0.7 keeps a diagnostic's UTF-16 columns as byte columns and sends them back shifted by the two
        // extra bytes of each "é" before it; the data it keeps unchanged still says where the diagnostic is.
        string text = Smtp.Replace("AuthNTLM", "AuthNTML", StringComparison.Ordinal)
            .Replace("AuthFlags=", "ServerComment=\"Sérvéur\" AuthFlags=", StringComparison.Ordinal);
        await using var client = await OpenAsync(text);
        var diagnostic = await DiagnosticAsync(client, "MB3007");
        var shifted = diagnostic with
        {
            Range = new LspRange(diagnostic.Range.Start with { Character = diagnostic.Range.Start.Character + 2 },
                diagnostic.Range.End with { Character = diagnostic.Range.End.Character + 2 }),
        };
        var actions = await CodeActionsAsync(client, shifted.Range, [shifted], [CodeActionKind.QuickFix]);
        var fix = Assert.Single(actions!, a => a.Diagnostics is not null);
        Assert.Equal("Change to 'AuthNTLM'", fix.Title);
        Assert.Equal(text.Replace("AuthNTML", "AuthNTLM", StringComparison.Ordinal), Apply(text, fix.Edit!));
    }

    [Fact]
    public void CodeActionParams_OtherServersDiagnosticsWithNumberCodesAndObjectData_AreRead()
    {
        // A client may send every diagnostic on the line; LSP lets a code be an integer and data be anything.
        var parameters = System.Text.Json.JsonSerializer.Deserialize<CodeActionParams>(
            """{"textDocument":{"uri":"file:///x.xml"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"context":{"diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"code":42,"message":"m","data":{"a":[1,2]}},{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"code":"MB3007","message":"m","data":"5:3"}]}}""",
            LspJson.CreateOptions())!;
        Assert.Equal([("42", null), ("MB3007", "5:3")], parameters.Context!.Diagnostics!.Select(d => (d.Code, d.Data)));
    }

    [Fact]
    public async Task CodeAction_ForgedDiagnosticRange_NoQuickFix()
    {
        string text = Smtp.Replace("AuthNTLM", "AuthNTML", StringComparison.Ordinal);
        await using var client = await OpenAsync(text);
        var diagnostic = await DiagnosticAsync(client, "MB3007");
        var forged = diagnostic with { Range = RangeOf(text, "ConnectionTimeout"), Data = null };
        var actions = await CodeActionsAsync(client, forged.Range, [forged]);
        Assert.DoesNotContain(actions!, a => a.Kind == CodeActionKind.QuickFix);
    }

    [Fact]
    public async Task CodeAction_OnVerbMask_DisableEightBitMimeWritesNewNumber()
    {
        await using var client = await OpenAsync(Smtp);
        var actions = await CodeActionsAsync(client, RangeOf(Smtp, "7697601"), []);
        var disable = Assert.Single(actions!, a => a.Title == "Disable 8BITMIME (3503297)");
        Assert.Equal(CodeActionKind.RefactorRewrite, disable.Kind);
        Assert.Null(disable.Diagnostics);
        Assert.Equal(Smtp.Replace("\"7697601\"", "\"3503297\"", StringComparison.Ordinal), Apply(Smtp, disable.Edit!));
        Assert.DoesNotContain(actions!, a => a.Title.StartsWith("Reset to IIS default", StringComparison.Ordinal)); // already the default
    }

    [Fact]
    public async Task CodeAction_VerbMaskWithoutChunking_EnableChunkingAndResetRestoreDefault()
    {
        string text = Smtp.Replace("\"7697601\"", "\"6649025\"", StringComparison.Ordinal);
        await using var client = await OpenAsync(text);
        var actions = await CodeActionsAsync(client, RangeOf(text, "6649025"), []);
        var enable = Assert.Single(actions!, a => a.Title == "Enable CHUNKING (7697601)");
        Assert.Equal(Smtp, Apply(text, enable.Edit!));
        var reset = Assert.Single(actions!, a => a.Title == "Reset to IIS default (7697601)");
        Assert.Equal(Smtp, Apply(text, reset.Edit!));
    }

    [Fact]
    public async Task CodeAction_OnSymbolicFlags_OffersWriteAsNumberAndReset()
    {
        await using var client = await OpenAsync(Smtp);
        var actions = await CodeActionsAsync(client, new LspRange(At(Smtp, "AuthNTLM"), At(Smtp, "AuthNTLM")), []);
        var asNumber = Assert.Single(actions!, a => a.Title == "Write as number");
        Assert.Equal(Smtp.Replace("\"AuthAnonymous | AuthNTLM\"", "\"5\"", StringComparison.Ordinal), Apply(Smtp, asNumber.Edit!));
        var reset = Assert.Single(actions!, a => a.Title.StartsWith("Reset to IIS default", StringComparison.Ordinal));
        Assert.Equal(Smtp.Replace("\"AuthAnonymous | AuthNTLM\"", "\"AuthAnonymous\"", StringComparison.Ordinal), Apply(Smtp, reset.Edit!));
        Assert.Contains(actions!, a => a.Title == "Enable AuthBasic");
    }

    [Fact]
    public async Task CodeAction_NumericSymbolicFlags_OffersWriteAsNames()
    {
        string text = Smtp.Replace("\"AuthAnonymous | AuthNTLM\"", "\"5\"", StringComparison.Ordinal);
        await using var client = await OpenAsync(text);
        var actions = await CodeActionsAsync(client, RangeOf(text, "AuthFlags=\"5"), []);
        var names = Assert.Single(actions!, a => a.Title == "Write as names");
        Assert.Equal(Smtp, Apply(text, names.Edit!));
    }

    [Fact]
    public async Task CodeAction_OnlyQuickFixRequested_NoRefactorings()
    {
        await using var client = await OpenAsync(Smtp);
        var actions = await CodeActionsAsync(client, RangeOf(Smtp, "7697601"), [], [CodeActionKind.QuickFix]);
        Assert.Empty(actions!);
        var refactors = await CodeActionsAsync(client, RangeOf(Smtp, "7697601"), [], [CodeActionKind.Refactor]);
        Assert.NotEmpty(refactors!);
        Assert.All(refactors!, a => Assert.Equal(CodeActionKind.RefactorRewrite, a.Kind));
    }
}

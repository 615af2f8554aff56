using SmtpLsp.Server.Lsp;
using System.Text;
using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// smtpLsp/openFromDisk: a file the editor shows but never syncs (VS Code shares no file over 50 MB with extensions)
/// is read from disk and held read-only, with its diagnostics, outline and property sheet.
/// </summary>
public sealed class DiskDocumentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smtplsp-disk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text, bool bom = true)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return new Uri(path).AbsoluteUri;
    }

    private static async Task<LspTestClient> StartAsync()
    {
        var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        return client;
    }

    private static Task<OpenFromDiskResult> OpenFromDiskAsync(LspTestClient client, string uri) =>
        client.Rpc.InvokeWithParameterObjectAsync<OpenFromDiskResult>(Methods.OpenFromDisk, new OpenFromDiskParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = uri },
        }).WaitAsync(LspTestClient.Timeout);

    private static readonly string Broken = Smtp.Replace("SmtpInboundCommandSupportOptions=\"7697601\"", "SmtpInboundCommandSupportOptions=\"76x97601\"", StringComparison.Ordinal);

    [Fact]
    public async Task OpenFromDisk_MetabaseFile_DiagnosticsOutlineAndSheetForItsUri()
    {
        Assert.NotEqual(Smtp, Broken);
        var uri = Write("MetaBase.xml", Broken);
        await using var client = await StartAsync();

        var opened = await OpenFromDiskAsync(client, uri);

        Assert.Equal((uri, 1, true, true, Broken.Length), (opened.Uri, opened.Version, opened.ReadFromDisk, opened.IsMetabase, opened.Length));
        var published = await client.NextPublishAsync();
        Assert.Equal(uri, published.Uri);
        var problem = Assert.Single(published.Diagnostics, d => d.Code == "MB3003");
        // Positions in the text without its BOM, as the editor shows it.
        Assert.Equal(RangeOf(Broken, "76x97601"), problem.Range);
        var symbols = await client.Rpc.InvokeWithParameterObjectAsync<DocumentSymbol[]?>(Methods.DocumentSymbol,
            new DocumentSymbolParams { TextDocument = new TextDocumentIdentifier { Uri = uri } }).WaitAsync(LspTestClient.Timeout);
        Assert.Equal("/LM", Assert.Single(symbols!).Name);
        var sheet = await client.Rpc.InvokeWithParameterObjectAsync<EffectivePropertiesResult?>(Methods.EffectiveProperties, new EffectivePropertiesParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = uri },
            Location = "/LM/SmtpSvc/1",
        }).WaitAsync(LspTestClient.Timeout);
        Assert.Equal("76x97601", Assert.Single(sheet!.Properties, p => p.Name == "SmtpInboundCommandSupportOptions").Value);
    }

    [Fact]
    public async Task OpenFromDisk_FileChangedOnDiskAndAskedAgain_ReadAgainWithTheNextVersion()
    {
        var uri = Write("MetaBase.xml", Broken);
        await using var client = await StartAsync();
        await OpenFromDiskAsync(client, uri);
        Assert.NotEmpty((await client.NextPublishAsync()).Diagnostics);

        Write("MetaBase.xml", Smtp);
        var again = await OpenFromDiskAsync(client, uri);

        Assert.Equal((2, true), (again.Version, again.ReadFromDisk));
        var published = await client.NextPublishAsync();
        Assert.Equal((uri, 2), (published.Uri, published.Version));
        Assert.DoesNotContain(published.Diagnostics, d => d.Code == "MB3003");
    }

    [Fact]
    public async Task SetPropertyValue_DocumentReadFromDisk_RefusedWithWhatToDoInstead()
    {
        var uri = Write("MetaBase.xml", Smtp);
        await using var client = await StartAsync();
        var opened = await OpenFromDiskAsync(client, uri);

        // StreamJsonRpc surfaces -32602 as RemoteMethodNotFoundException; the wire carries the code and message.
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() =>
            client.Rpc.InvokeWithParameterObjectAsync<WorkspaceEdit>(Methods.SetPropertyValue, new SetPropertyValueParams
            {
                TextDocument = new VersionedTextDocumentIdentifier { Uri = uri, Version = opened.Version },
                Location = "/LM/SmtpSvc/1",
                Property = "ServerComment",
                Value = "x",
            }).WaitAsync(LspTestClient.Timeout));

        Assert.Equal(ErrorCodes.InvalidParams, (int)error.ErrorCode);
        Assert.Contains("smtplsp set", error.Message);
    }

    [Fact]
    public async Task OpenFromDisk_DocumentTheEditorSyncs_ItsTextKept()
    {
        var uri = Write("MetaBase.xml", Broken);
        await using var client = await StartAsync();
        await client.OpenAsync(uri, Smtp, version: 7);
        await client.NextPublishAsync();

        var opened = await OpenFromDiskAsync(client, uri);

        Assert.Equal((7, false), (opened.Version, opened.ReadFromDisk));
        var diagnostics = await client.DocumentDiagnosticsAsync(uri);
        Assert.DoesNotContain(diagnostics!.Diagnostics, d => d.Code == "MB3003");
    }

    [Fact]
    public async Task DidOpen_AfterOpenFromDisk_EditorsTextTakesOverAndCanBeEdited()
    {
        var uri = Write("MetaBase.xml", Broken);
        await using var client = await StartAsync();
        await OpenFromDiskAsync(client, uri);
        await client.NextPublishAsync();

        await client.OpenAsync(uri, Smtp, version: 1);
        Assert.DoesNotContain((await client.NextPublishAsync()).Diagnostics, d => d.Code == "MB3003");
        var edit = await client.Rpc.InvokeWithParameterObjectAsync<WorkspaceEdit>(Methods.SetPropertyValue, new SetPropertyValueParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = uri, Version = 1 },
            Location = "/LM/SmtpSvc/1",
            Property = "ServerComment",
            Value = "x",
        }).WaitAsync(LspTestClient.Timeout);
        Assert.NotNull(edit);
    }

    [Fact]
    public async Task DidClose_DocumentReadFromDisk_DiagnosticsCleared()
    {
        var uri = Write("MetaBase.xml", Broken);
        await using var client = await StartAsync();
        await OpenFromDiskAsync(client, uri);
        Assert.NotEmpty((await client.NextPublishAsync()).Diagnostics);

        await client.CloseAsync(uri);

        var cleared = await client.NextPublishAsync();
        Assert.Equal(uri, cleared.Uri);
        Assert.Empty(cleared.Diagnostics);
        Assert.Null(await client.DocumentDiagnosticsAsync(uri));
    }

    [Fact]
    public async Task OpenFromDisk_NotAMetabase_NotKept()
    {
        var uri = Write("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>");
        await using var client = await StartAsync();

        var opened = await OpenFromDiskAsync(client, uri);

        Assert.Equal((false, true), (opened.IsMetabase, opened.ReadFromDisk));
        Assert.Null(await client.DocumentDiagnosticsAsync(uri));
    }

    [Theory]
    [InlineData("untitled:Untitled-1", "not a file: URI")]
    [InlineData("missing", "cannot be read")]
    [InlineData("latin1", "not valid UTF-8")]
    [InlineData("fifo", "it is a FIFO")] // no writer: opening it waited for ever
    [InlineData("zero", "it is a character device")] // /dev/zero: read for gigabytes
    public async Task OpenFromDisk_UnreadableFile_InvalidParamsSayingWhy(string which, string message)
    {
        var uri = which switch
        {
            "fifo" => new Uri(Fifo(Path.Combine(_folder, "pipe.xml"))).AbsoluteUri,
            "zero" => "file:///dev/zero",
            "missing" => new Uri(Path.Combine(_folder, "gone.xml")).AbsoluteUri,
            "latin1" => WriteBytes("latin1.xml", Encoding.Latin1.GetBytes("<configuration>\u00e9</configuration>")),
            _ => which,
        };
        await using var client = await StartAsync();

        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => OpenFromDiskAsync(client, uri));

        Assert.Equal(ErrorCodes.InvalidParams, (int)error.ErrorCode);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void SchemaPath_AFifo_RefusedWithoutWaitingForAWriter()
    {
        // initialize applies the settings: it waited for ever, and the server never started.
        var core = new MetabaseLanguageCore();
        var messages = core.ApplySettings(new ServerSettings { SchemaPath = Fifo(Path.Combine(_folder, "MBSchema.xml")) });
        Assert.Contains(messages, m => m.Message.Contains("it is a FIFO", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Message.Contains("still serving", StringComparison.Ordinal));
    }

    internal static string Fifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return new Uri(path).AbsoluteUri;
    }
}

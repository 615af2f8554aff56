using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>Hover on a key element name also summarises the values it inherits.</summary>
public sealed class KeyHoverTests
{
    private static async Task<string?> HoverAsync(string marker)
    {
        await using var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(DocUri, Smtp);
        var hover = await client.Rpc.InvokeWithParameterObjectAsync<Hover?>(Methods.Hover, new HoverParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = DocUri },
            Position = At(Smtp, marker, 3),
        }).WaitAsync(LspTestClient.Timeout);
        return hover?.Contents.Value;
    }

    [Fact]
    public async Task Hover_ServerKeyName_ListsInheritedValuesWithOrigin()
    {
        var content = await HoverAsync("<IIsSmtpServer");
        Assert.Contains("Properties: 6", content);
        Assert.Contains("Inherited: 2: AuthFlags = AuthAnonymous | AuthNTLM from /LM/SmtpSvc, DontLog = TRUE from /LM/SmtpSvc", content);
    }

    [Fact]
    public async Task Hover_KeyWithoutInheritedValues_NoInheritedLine()
    {
        var content = await HoverAsync("<IIsSmtpService");
        Assert.NotNull(content);
        Assert.DoesNotContain("Inherited", content);
    }
}

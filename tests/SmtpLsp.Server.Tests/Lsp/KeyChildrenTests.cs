using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>smtpLsp/keyChildren as docs/protocol.md describes it: the key tree a level and a page at a time.</summary>
public sealed class KeyChildrenTests
{
    private static Task<KeyChildrenResult?> ChildrenAsync(LspTestClient client, string? location, int start = 0) =>
        client.Rpc.InvokeWithParameterObjectAsync<KeyChildrenResult?>(Methods.KeyChildren, new KeyChildrenParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = DocUri },
            Location = location,
            Start = start,
        }).WaitAsync(LspTestClient.Timeout);

    [Fact]
    public async Task KeyChildren_LevelOfMoreKeysThanTheOutlineHolds_EveryKeyPageByPage()
    {
        string text = ManyKeys(6000);
        await using var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(DocUri, text, 1);

        var top = await ChildrenAsync(client, null);
        var root = await ChildrenAsync(client, "/lm/smtpsvc/1/ROOT");
        var last = await ChildrenAsync(client, "/LM/SmtpSvc/1/Root", start: 5999);
        var nowhere = await ChildrenAsync(client, "/LM/nowhere");

        var lm = Assert.Single(top!.Keys);
        Assert.Equal(("/LM", "/LM", "IIsComputer", 1), (lm.Name, lm.Location, lm.KeyType, top.Total));
        Assert.True(lm.ChildCount > 0);
        Assert.Equal(6000, root!.Total);
        Assert.Equal(2000, root.Keys.Count);
        Assert.Equal(("v0", "/LM/SmtpSvc/1/Root/v0", 0), (root.Keys[0].Name, root.Keys[0].Location, root.Keys[0].ChildCount));
        Assert.Equal(RangeOf(text, "/LM/SmtpSvc/1/Root/v0"), root.Keys[0].SelectionRange);
        Assert.Equal(("v5999", 6000), (Assert.Single(last!.Keys).Name, last.Total));
        Assert.Null(nowhere);
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmtpLsp.Server.Lsp;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// Large didOpen/didChange texts are decoded once by the frame sanitizer and passed on as a placeholder the
/// deserialiser resolves; everything else passes as before.
/// </summary>
public sealed class LargeTextFrameTests
{
    private const string Uri = "file:///srv/MetaBase.xml";

    // Quotes, CR LF, tabs, non-ASCII and an emoji (a surrogate pair written raw), so every escape kind is on the way.
    private static string SampleText(int repeat) =>
        string.Concat(Enumerable.Repeat("<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/1/ROOT/é\"\r\n\t\tPath=\"C:\\\\inetpub 😀\"\r\n>\n", repeat));

    private static byte[] Frame(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    /// <summary>A JSON string as Node's JSON.stringify (so VS Code) writes it: only quotes, backslashes and controls escaped.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    private static string DidOpen(string text, bool methodLast = false)
    {
        string parameters = $"{{\"textDocument\":{{\"uri\":\"{Uri}\",\"languageId\":\"xml\",\"version\":1,\"text\":{Quote(text)}}}}}";
        return methodLast
            ? $"{{\"jsonrpc\":\"2.0\",\"params\":{parameters},\"method\":\"{Methods.DidOpen}\"}}"
            : $"{{\"jsonrpc\":\"2.0\",\"method\":\"{Methods.DidOpen}\",\"params\":{parameters}}}";
    }

    /// <summary>The bodies of the frames the sanitizer passes on.</summary>
    private static async Task<List<string>> PassThrough(int stashThreshold, params string[] bodies)
    {
        var input = new MemoryStream(bodies.SelectMany(Frame).ToArray());
        using var sanitizer = new LspFrameSanitizer(input) { StashThreshold = stashThreshold };
        var output = new MemoryStream();
        await sanitizer.CopyToAsync(output, 7); // a small buffer, so frames are read across many calls
        string all = Encoding.UTF8.GetString(output.ToArray());
        var result = new List<string>();
        for (int at = 0; at < all.Length;)
        {
            int headerEnd = all.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            int length = int.Parse(all.AsSpan(at + "Content-Length: ".Length, headerEnd - at - "Content-Length: ".Length));
            byte[] bytes = Encoding.UTF8.GetBytes(all[(headerEnd + 4)..]);
            string body = Encoding.UTF8.GetString(bytes, 0, length);
            result.Add(body);
            at = headerEnd + 4 + body.Length;
        }
        return result;
    }

    private static T Deserialize<T>(string body, string property = "params") =>
        JsonSerializer.Deserialize<T>(JsonNode.Parse(body)![property]!.ToJsonString(), LspJson.CreateOptions())!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sanitizer_LargeDidOpen_TextBecomesPlaceholderThatDeserializesToTheText(bool methodLast)
    {
        string text = SampleText(50);
        var bodies = await PassThrough(1024, DidOpen(text, methodLast));
        string body = Assert.Single(bodies);
        Assert.True(body.Length < 300, body);
        Assert.Contains(DocumentTextConverter.PlaceholderProperty, body);
        Assert.Equal(text, Deserialize<DidOpenTextDocumentParams>(body).TextDocument.Text);
    }

    [Fact]
    public async Task Sanitizer_SmallDidOpen_FramePassesUnchanged()
    {
        string original = DidOpen(SampleText(2));
        Assert.Equal([original], await PassThrough(64 * 1024, original));
    }

    [Fact]
    public async Task Sanitizer_LargeTextInAnotherMethod_FramePassesUnchanged()
    {
        string original = DidOpen(SampleText(50)).Replace(Methods.DidOpen, "textDocument/somethingElse");
        Assert.Equal([original], await PassThrough(1024, original));
    }

    [Fact]
    public async Task Sanitizer_LargeTextWithUnpairedSurrogateEscape_FramePassesUnchangedForSystemTextJson()
    {
        string original = DidOpen(SampleText(50)).Replace("😀", "\\ud83d");
        Assert.Equal([original], await PassThrough(1024, original));
    }

    [Fact]
    public async Task Sanitizer_LargeDidChange_EachFullTextStashedRangedSmallOneKept()
    {
        string first = SampleText(40), second = SampleText(60);
        string range = """{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}""";
        string body = $"{{\"jsonrpc\":\"2.0\",\"method\":\"{Methods.DidChange}\",\"params\":{{" +
                      $"\"textDocument\":{{\"uri\":\"{Uri}\",\"version\":2,\"text\":{Quote(first)}}}," + // not where didChange reads
                      $"\"contentChanges\":[{{\"text\":{Quote(first)}}},{{\"range\":{range},\"text\":\"7\"}},{{\"text\":{Quote(second)}}}]}}}}";
        string passed = Assert.Single(await PassThrough(1024, body));
        var changes = Deserialize<DidChangeTextDocumentParams>(passed).ContentChanges;
        Assert.Equal([first, "7", second], changes.Select(c => c.Text));
        Assert.Contains(Quote(first), passed); // textDocument.text left as it was
    }

    [Fact]
    public async Task Sanitizer_DidChangeWithTwelveFullTexts_AllResolved()
    {
        var texts = Enumerable.Range(1, 12).Select(i => SampleText(20 + i)).ToArray();
        string changes = string.Join(",", texts.Select(t => $"{{\"text\":{Quote(t)}}}"));
        string body = $"{{\"jsonrpc\":\"2.0\",\"method\":\"{Methods.DidChange}\",\"params\":{{\"textDocument\":{{\"uri\":\"{Uri}\",\"version\":2}},\"contentChanges\":[{changes}]}}}}";
        string passed = Assert.Single(await PassThrough(1024, body));
        Assert.Equal(texts, Deserialize<DidChangeTextDocumentParams>(passed).ContentChanges.Select(c => c.Text));
    }

    [Fact]
    public async Task Sanitizer_SeveralLargeFrames_AllResolvedInOrder()
    {
        var texts = Enumerable.Range(1, 5).Select(i => SampleText(20 + i)).ToArray();
        var bodies = await PassThrough(1024, texts.Select(t => DidOpen(t)).ToArray());
        Assert.Equal(texts, bodies.Select(b => Deserialize<DidOpenTextDocumentParams>(b).TextDocument.Text));
    }

    [Fact]
    public void DocumentTextConverter_PlaceholderWithoutStashedText_IsInvalidParams()
    {
        string json = $"{{\"textDocument\":{{\"uri\":\"{Uri}\",\"text\":{{\"{DocumentTextConverter.PlaceholderProperty}\":-5}}}}}}";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DidOpenTextDocumentParams>(json, LspJson.CreateOptions()));
    }

    [Fact]
    public void LargeTextStash_TextsNeverTaken_TrimKeepsAtMostEightPerOwner()
    {
        var owner = new object();
        var ids = Enumerable.Range(0, 20).Select(i => LargeTextStash.Put(owner, $"text {i}")).ToList();
        Assert.Equal(20, LargeTextStash.PendingFor(owner)); // one frame may hold any number
        LargeTextStash.Trim(owner);
        Assert.Equal(8, LargeTextStash.PendingFor(owner));
        Assert.Null(LargeTextStash.Take(ids[0]));
        Assert.Equal("text 19", LargeTextStash.Take(ids[19]));
        Assert.Null(LargeTextStash.Take(ids[19])); // once
        Assert.Equal(7, LargeTextStash.PendingFor(owner));
    }

    [Fact]
    public async Task Server_LargeDidOpenAndFullDidChange_DocumentHoldsExactTexts()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        string opened = SampleText(2000), changed = SampleText(2100); // well past the 64 KB stash threshold
        await client.OpenAsync(Uri, opened);
        await client.DocumentDiagnosticsAsync(Uri); // answered after the notification before it was applied
        Assert.Equal(opened, client.Server.Target.GetDocument(Uri)!.Text);
        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Text = changed });
        await client.DocumentDiagnosticsAsync(Uri);
        Assert.Equal(changed, client.Server.Target.GetDocument(Uri)!.Text);
    }
}

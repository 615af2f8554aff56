using System.Text;
using System.Text.Json.Nodes;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp.Protocol;
using SmtpLsp.Server.Tests.Lsp;

namespace SmtpLsp.Server.Tests.Hostile;

/// <summary>
/// Broken and hostile traffic against the real process (JIT; AOT when SMTPLSP_AOT_BINARY is set): every abuse gets
/// the JSON-RPC answer it deserves, and a hover right after it still works.
/// </summary>
public sealed class ProtocolAbuseTests
{
    private const string Uri = "file:///srv/MetaBase.xml";
    private const int ParseError = -32700, InvalidRequest = -32600, InvalidParams = -32602, Cancelled = -32800, InternalError = -32603;

    [Fact] public Task Jit_AbuseSequence_AnsweredAndStillServing() => AbuseSequence(aot: false);
    [AotFact] public Task Aot_AbuseSequence_AnsweredAndStillServing() => AbuseSequence(aot: true);
    [Fact] public Task Jit_Soak10000RandomEdits_RequestsAnsweredAndDiagnosticsEqualFreshParse() => Soak(aot: false, edits: 10_000);
    [AotFact] public Task Aot_Soak10000RandomEdits_RequestsAnsweredAndDiagnosticsEqualFreshParse() => Soak(aot: true, edits: 10_000);

    private static byte[] Frame(string body, int? lengthOverride = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {lengthOverride ?? bytes.Length}\r\n\r\n"), .. bytes];
    }

    private static async Task AssertServing(ServerSession server, string after)
    {
        var hover = await server.RequestAsync(Methods.Hover, ServerSession.At(Uri, 4, 22));
        Assert.True(((string?)hover["result"]?["contents"]?["value"])?.Contains("EHLO") == true, $"no hover after {after}: {hover}\n{server.Stderr}");
    }

    private static async Task<JsonObject> ErrorFor(ServerSession server, long id, int code)
    {
        var response = await server.Rpc.WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue(out long got) && got == id, ServerSession.Timeout);
        Assert.Equal(code, (int?)response["error"]?["code"]);
        return response;
    }

    private static async Task AbuseSequence(bool aot)
    {
        using var server = ServerSession.Start(aot);
        await server.InitializeAsync();
        await server.OpenAsync(Uri, HostileFiles.Metabase);
        await server.PublishFor(Uri);
        await AssertServing(server, "open");

        await server.WriteRawAsync("Content-Lenght: 5\r\n\r\nhello");
        await AssertServing(server, "a misspelt header");
        await server.WriteRawAsync("Content-Length: -3\r\n\r\n{}");
        await AssertServing(server, "a negative Content-Length");
        await server.WriteRawAsync("\r\n\r\ngarbage without any header\r\n");
        await AssertServing(server, "bytes outside a frame");

        string hover = $"{{\"jsonrpc\":\"2.0\",\"id\":501,\"method\":\"textDocument/hover\",\"params\":{ServerSession.At(Uri, 4, 22).ToJsonString()}}}";
        await server.WriteRawAsync(Frame(hover, hover.Length - 10));
        await ErrorFor(server, 501, ParseError);
        await AssertServing(server, "a short Content-Length");

        // A long Content-Length swallows the start of the next frame, so a sacrificial notification follows it.
        await server.WriteRawAsync(Frame(hover.Replace("501", "502"), hover.Length + 30));
        await server.WriteRawAsync(Frame("{\"jsonrpc\":\"2.0\",\"method\":\"$/sacrificial\",\"params\":{}}"));
        await ErrorFor(server, 502, ParseError);
        await AssertServing(server, "a long Content-Length");

        await server.WriteRawAsync(Frame("{\"jsonrpc\":\"2.0\",\"id\":503,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"));
        await ErrorFor(server, 503, ParseError);
        await server.WriteRawAsync(Frame("{\"jsonrpc\":\"2.0\",\"id\":504,\"method\":42}"));
        await ErrorFor(server, 504, InvalidRequest);
        foreach (var body in new[] { "[]", "{}", "\"x\"", "{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":1}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"shutdown\"}",
                     "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"shutdown\"}", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}" })
        {
            await server.WriteRawAsync(Frame(body));
            await AssertServing(server, body);
        }

        // Strings no JSON reader can decode, where StreamJsonRpc reads them (method, id, jsonrpc): each closed the
        // connection. Invalid UTF-8 is sent as bytes; "\\ud800" is an escaped lone surrogate.
        byte[] Bytes(string before, byte bad, string after) => [.. Encoding.UTF8.GetBytes(before), bad, .. Encoding.UTF8.GetBytes(after)];
        var unreadable = new (byte[] Body, int? Id)[]
        {
            (Bytes("{\"jsonrpc\":\"2.0\",\"id\":601,\"method\":\"x", 0xFF, "\"}"), 601),
            (Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":602,\"method\":\"\\ud800\"}"), 602),
            (Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"shutdown\"}"), null),
            (Bytes("{\"jsonrpc\":\"2.", 0xFF, "\",\"id\":604,\"method\":\"shutdown\"}"), 604),
            (Bytes("{\"jsonrpc\":\"2.0\",\"id\":605,\"method\":\"shutdown\",\"x", 0xFF, "\":1}"), 605),
        };
        foreach (var (body, id) in unreadable)
        {
            await server.WriteRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
            if (id is { } expected) await ErrorFor(server, expected, ParseError);
            await AssertServing(server, Encoding.UTF8.GetString(body));
        }

        // Wrong parameter types, nulls where LSP allows none, no params at all: invalid params, saying what is wrong,
        // without the server's stack trace (StreamJsonRpc's own answer to the first was -32000 with one).
        var badParams = new (int Id, string Method, JsonNode? Params, string Says)[]
        {
            (505, Methods.Hover, new JsonObject { ["textDocument"] = 5, ["position"] = "x" }, "could not be converted"),
            (506, Methods.Hover, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["position"] = new JsonObject { ["line"] = 1.5, ["character"] = 0 } }, "could not be converted"),
            (507, Methods.Hover, new JsonObject { ["textDocument"] = null, ["position"] = new JsonObject { ["line"] = 1, ["character"] = 0 } }, "textDocument"),
            (508, Methods.Hover, null, "textDocument/hover"), // StreamJsonRpc finds no overload without params
            (509, Methods.Formatting, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = null } }, "uri"),
        };
        foreach (var (id, method, parameters, says) in badParams)
        {
            var request = new JsonObject { ["id"] = id, ["method"] = method };
            if (parameters != null) request["params"] = parameters;
            await server.Rpc.SendAsync(request);
            var answer = await server.Rpc.WaitForResponseAsync(id, ServerSession.Timeout);
            Assert.True((int?)answer["error"]?["code"] == InvalidParams, $"{id}: {answer.ToJsonString()}");
            Assert.Contains(says, (string?)answer["error"]?["message"]);
            Assert.Null(answer["error"]?["data"]);
        }
        Assert.DoesNotContain("   at ", server.Stderr);
        await server.Rpc.SendAsync(new JsonObject { ["method"] = Methods.DidChange, ["params"] = new JsonObject { ["textDocument"] = "x", ["contentChanges"] = 3 } });
        await AssertServing(server, "a didChange with wrong types");

        // Huge ids come back exactly.
        await server.Rpc.SendAsync(new JsonObject { ["id"] = long.MaxValue, ["method"] = Methods.Hover, ["params"] = ServerSession.At(Uri, 4, 22) });
        var big = await server.Rpc.WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue(out long got) && got == long.MaxValue, ServerSession.Timeout);
        Assert.NotNull(big["result"]);
        string longId = new('i', 10_000);
        await server.Rpc.SendAsync(new JsonObject { ["id"] = longId, ["method"] = Methods.Hover, ["params"] = ServerSession.At(Uri, 4, 22) });
        await server.Rpc.WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue(out string? s) && s == longId, ServerSession.Timeout);

        // Positions past the end, negative positions: an answer, not an error.
        foreach (var (line, character) in new[] { (1_000_000, 5), (2, 1_000_000), (-1, -1), (int.MaxValue, int.MaxValue) })
        {
            var past = await server.RequestAsync(Methods.Hover, ServerSession.At(Uri, line, character));
            Assert.Null(past["error"]);
            var completion = await server.RequestAsync(Methods.Completion, ServerSession.At(Uri, line, character));
            Assert.Null(completion["error"]);
        }

        // Changes to an unopened document, and out-of-range, reversed and overlapping edits to an open one.
        await server.Rpc.NotifyAsync(Methods.DidChange, Change("file:///never/opened.xml", 2, Edit(0, 0, 0, 0, "x")));
        await server.OpenAsync("file:///srv/other.xml", HostileFiles.Metabase);
        await server.Rpc.NotifyAsync(Methods.DidChange, Change("file:///srv/other.xml", 2,
            Edit(500, 3, 900, 9, "tail"), Edit(3, 10, 1, 2, "reversed"), Edit(1, 0, 6, 0, "a"), Edit(2, 0, 3, 5, "b"), Edit(-4, -4, 0, 1, "")));
        var diagnostics = await server.RequestAsync(Methods.DocumentDiagnostics, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///srv/other.xml" } });
        Assert.Equal(2, (int?)diagnostics["result"]?["version"]);
        await AssertServing(server, "broken edits");

        // A cancellation storm: every request is answered, with a result or RequestCancelled.
        var ids = Enumerable.Range(10_000, 300).ToList();
        foreach (int id in ids)
        {
            await server.Rpc.RequestAsync(id, id % 2 == 0 ? Methods.Hover : Methods.Completion, ServerSession.At(Uri, 4, 22));
            await server.Rpc.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
            await server.Rpc.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id + 1_000_000 });
        }
        foreach (int id in ids)
        {
            var answer = await server.Rpc.WaitForResponseAsync(id, ServerSession.Timeout);
            Assert.True(answer.ContainsKey("result") || (int?)answer["error"]?["code"] == Cancelled, answer.ToJsonString());
        }
        await AssertServing(server, "a cancellation storm");

        // After shutdown: requests refused with InvalidRequest, then a clean exit.
        var shutdown = await server.RequestAsync(Methods.Shutdown, null);
        Assert.Null(shutdown["error"]);
        var late = await server.RequestAsync(Methods.Hover, ServerSession.At(Uri, 4, 22));
        Assert.Equal(InvalidRequest, (int?)late["error"]?["code"]);
        await server.WriteRawAsync("Content-Length: 3\r\n\r\n{{{");
        await server.Rpc.NotifyAsync(Methods.Exit);
        await server.Rpc.ReadToEndAsync(ServerSession.Timeout);
        Assert.False(server.Stderr.Contains("Unhandled exception", StringComparison.Ordinal), server.Stderr);
    }

    private static JsonObject Edit(int startLine, int startChar, int endLine, int endChar, string text) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startChar },
            ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endChar },
        },
        ["text"] = text,
    };

    private static JsonObject Change(string uri, int version, params JsonObject[] edits) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(edits.Select(e => (JsonNode)e).ToArray()),
    };

    /// <summary>One of the requests an editor or the VS Code client sends, at a random place of <paramref name="text"/>.</summary>
    private static (string Method, JsonObject Parameters) RandomRequest(Random random, string text, int version)
    {
        var lines = new LineIndex(text);
        JsonObject At(int offset) { var p = lines.GetPosition(offset); return new JsonObject { ["line"] = p.Line, ["character"] = p.Character }; }
        int a = random.Next(text.Length + 1), b = Math.Min(text.Length, a + random.Next(300));
        JsonObject Document() => new() { ["uri"] = Uri };
        JsonObject Range() => new() { ["start"] = At(a), ["end"] = At(b) };
        JsonObject Positioned() => new() { ["textDocument"] = Document(), ["position"] = At(a) };
        string location = random.Next(3) switch { 0 => "/LM/SmtpSvc/1", 1 => "/LM/SmtpSvc/2", _ => "/LM" };
        return random.Next(15) switch
        {
            0 => (Methods.Hover, Positioned()),
            1 => (Methods.Completion, Positioned()),
            2 => (Methods.Definition, Positioned()),
            3 => (Methods.References, new JsonObject { ["textDocument"] = Document(), ["position"] = At(a), ["context"] = new JsonObject { ["includeDeclaration"] = true } }),
            4 => (Methods.DocumentSymbol, new JsonObject { ["textDocument"] = Document() }),
            5 => (Methods.FoldingRange, new JsonObject { ["textDocument"] = Document() }),
            6 => (Methods.SelectionRange, new JsonObject { ["textDocument"] = Document(), ["positions"] = new JsonArray(At(a), At(b)) }),
            7 => (Methods.CodeAction, new JsonObject { ["textDocument"] = Document(), ["range"] = Range(), ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } }),
            8 => (Methods.Formatting, new JsonObject { ["textDocument"] = Document(), ["options"] = new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = false } }),
            9 => (Methods.RangeFormatting, new JsonObject { ["textDocument"] = Document(), ["range"] = Range(), ["options"] = new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = false } }),
            10 => (Methods.InlayHint, new JsonObject { ["textDocument"] = Document(), ["range"] = Range() }),
            11 => (Methods.WorkspaceSymbol, new JsonObject { ["query"] = location }),
            12 => (Methods.KeyChildren, new JsonObject { ["textDocument"] = Document(), ["location"] = random.Next(2) == 0 ? null : location, ["start"] = 0 }),
            13 => (Methods.EffectiveProperties, random.Next(2) == 0 ? Positioned() : new JsonObject { ["textDocument"] = Document(), ["location"] = location }),
            _ => (Methods.SetPropertyValue, new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
                ["location"] = location,
                ["property"] = random.Next(2) == 0 ? "SmtpInboundCommandSupportOptions" : "ServerComment",
                ["value"] = random.Next(2) == 0 ? "3503297" : "x",
            }),
        };
    }

    private static readonly string[] Fragments =
        ["<", ">", "</", "/>", "\"", "=", "|", " ", "\n", "\t", "&amp;", "&x;", "AuthNTML", "AuthBasic", "7697601", "TRUE", "ture", "<!DOCTYPE x>",
         "<IIsSmtpServer Location=\"/LM/SmtpSvc/2\">", "</IIsSmtpServer>", "SmtpInboundCommandSupportOptions=\"", "\u00e9", "\U0001F600"];

    private static async Task Soak(bool aot, int edits)
    {
        using var server = ServerSession.Start(aot);
        await server.InitializeAsync(new JsonObject { ["diagnosticsDebounceMs"] = 20 });
        string text = HostileFiles.Metabase.Replace("\r\n", "\n"); // a position between CR and LF has no unique meaning
        await server.OpenAsync(Uri, text);
        var random = new Random(7);
        // Edits stay after the root start tag and <MBProperty>, so the document is still claimed as a metabase.
        int protectedHead = text.IndexOf("<IIsSmtpServer", StringComparison.Ordinal);
        for (int version = 2; version < edits + 2; version++)
        {
            var lines = new LineIndex(text);
            int start = protectedHead + random.Next(text.Length - protectedHead + 1);
            int end = Math.Min(text.Length, start + (random.Next(4) == 0 ? random.Next(60) : 0));
            // Never split a surrogate pair: that is the client's promise, not something to test here.
            if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start])) start--;
            if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end])) end++;
            string inserted = random.Next(3) == 0 ? "" : Fragments[random.Next(Fragments.Length)];
            var from = lines.GetPosition(start);
            var to = lines.GetPosition(end);
            await server.Rpc.NotifyAsync(Methods.DidChange, Change(Uri, version, Edit(from.Line, from.Character, to.Line, to.Character, inserted)));
            text = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(end));
            // Now and then a request on the half-edited text: answered, and never with an internal error.
            if (random.Next(20) == 0)
            {
                var (method, parameters) = RandomRequest(random, text, version);
                var answer = await server.RequestAsync(method, parameters);
                Assert.True((int?)answer["error"]?["code"] != InternalError, $"{method} {parameters.ToJsonString()} at version {version}: {answer}\n{server.Stderr}");
            }
        }
        var response = await server.RequestAsync(Methods.DocumentDiagnostics, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        Assert.Equal(edits + 1, (int?)response["result"]?["version"]);
        Assert.Equal(true, (bool?)response["result"]?["isMetabase"]);
        var fromServer = ((JsonArray)response["result"]!["diagnostics"]!).Select(d =>
            $"{d!["code"]} {d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}-{d["range"]!["end"]!["line"]}:{d["range"]!["end"]!["character"]} {d["message"]}").ToList();

        var document = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        var fresh = MetabaseAnalyzer.Analyze(document.Model, document.Catalog).Select(d =>
        {
            var s = document.Lines.GetPosition(d.Span.Start);
            var e = document.Lines.GetPosition(d.Span.End);
            return $"{d.Code} {s.Line}:{s.Character}-{e.Line}:{e.Character} {d.Message}";
        }).ToList();
        Assert.True(fresh.Count > 0, "the soak should end in a document with findings");
        Assert.Equal(fresh, fromServer);
        Assert.Equal(0, await server.ShutdownAsync());
    }
}

using System.Text.Json.Nodes;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// Every language feature once over stdio against the real executable, JIT and Native AOT: a type missing from the
/// source-generated JSON context fails here (under AOT it would otherwise fail only for users).
/// </summary>
public sealed class StdioFeatureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const string Uri = FeatureDocs.DocUri;
    private static readonly string Text = FeatureDocs.Smtp.Replace("AuthNTLM", "AuthNTML", StringComparison.Ordinal);

    [Fact] public Task Jit_LanguageFeatures_AnswerOverStdio() => LanguageFeatures(ServerProcess.StartJit);

    [AotFact] public Task Aot_LanguageFeatures_AnswerOverStdio() => LanguageFeatures(ServerProcess.StartAot);

    private static JsonObject Doc(int? version = null) =>
        version is { } v ? new JsonObject { ["uri"] = Uri, ["version"] = v } : new JsonObject { ["uri"] = Uri };

    private static JsonObject Position(string marker, int delta = 0)
    {
        var p = FeatureDocs.At(Text, marker, delta);
        return new JsonObject { ["line"] = p.Line, ["character"] = p.Character };
    }

    private static JsonObject Range(JsonObject start, JsonObject end) => new() { ["start"] = start, ["end"] = end };

    private static async Task<JsonNode?> RequestAsync(RawLspConnection rpc, string method, JsonObject parameters)
    {
        int id = rpc.NextId();
        await rpc.RequestAsync(id, method, parameters);
        var response = await rpc.WaitForResponseAsync(id, Timeout);
        Assert.True(response["error"] is null, $"{method}: {response["error"]?.ToJsonString()}");
        return response["result"];
    }

    private static async Task LanguageFeatures(Func<ServerProcess> start)
    {
        using var server = start();
        var rpc = server.Connection;
        int init = rpc.NextId();
        await rpc.RequestAsync(init, Methods.Initialize, new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["diagnosticsDebounceMs"] = 0 },
        });
        var capabilities = (await rpc.WaitForResponseAsync(init, Timeout))["result"]!["capabilities"]!;
        Assert.True((bool?)capabilities["inlayHintProvider"]);
        await rpc.NotifyAsync(Methods.Initialized, new JsonObject());
        await rpc.NotifyAsync(Methods.DidOpen, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "xml", ["version"] = 1, ["text"] = Text },
        });
        var publish = await rpc.WaitForAsync(m => (string?)m["method"] == Methods.PublishDiagnostics, Timeout);
        var diagnostic = publish["params"]!["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "MB3007")!;

        var symbols = await RequestAsync(rpc, Methods.DocumentSymbol, new JsonObject { ["textDocument"] = Doc() });
        var server1 = symbols![0]!["children"]![0]!["children"]![0]!;
        Assert.Equal("1", (string?)server1["name"]);
        Assert.Equal(SymbolKind.Class, (int?)server1["kind"]);
        Assert.Equal("Domain", (string?)server1["children"]![0]!["name"]);

        var actions = await RequestAsync(rpc, Methods.CodeAction, new JsonObject
        {
            ["textDocument"] = Doc(),
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()) },
        });
        var fix = actions!.AsArray().Single(a => (string?)a!["kind"] == CodeActionKind.QuickFix && a["diagnostics"] is not null)!;
        Assert.Equal("Change to 'AuthNTLM'", (string?)fix["title"]);
        Assert.True((bool?)fix["isPreferred"]);
        Assert.Equal("AuthNTLM", (string?)fix["edit"]!["changes"]![Uri]![0]!["newText"]);
        var refactors = await RequestAsync(rpc, Methods.CodeAction, new JsonObject
        {
            ["textDocument"] = Doc(),
            ["range"] = Range(Position("7697601"), Position("7697601")),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor") },
        });
        Assert.Contains(refactors!.AsArray(), a => (string?)a!["title"] == "Disable 8BITMIME (3503297)");

        var hints = await RequestAsync(rpc, Methods.InlayHint, new JsonObject
        {
            ["textDocument"] = Doc(),
            ["range"] = Range(Position("<IIsSmtpServer"), Position("</IIsSmtpServer>")),
        });
        Assert.Contains("8BITMIME", (string?)hints![0]!["label"]);

        var folding = await RequestAsync(rpc, Methods.FoldingRange, new JsonObject { ["textDocument"] = Doc() });
        Assert.NotEmpty(folding!.AsArray());
        var selection = await RequestAsync(rpc, Methods.SelectionRange, new JsonObject { ["textDocument"] = Doc(), ["positions"] = new JsonArray(Position("7697601", 2)) });
        Assert.NotNull(selection![0]!["parent"]!["range"]);
        var definition = await RequestAsync(rpc, Methods.Definition, new JsonObject { ["textDocument"] = Doc(), ["position"] = Position("/LM/SmtpSvc/1", 3) });
        Assert.Equal(Uri, (string?)definition!["uri"]);
        var references = await RequestAsync(rpc, Methods.References, new JsonObject
        {
            ["textDocument"] = Doc(), ["position"] = Position("/LM/SmtpSvc/1", 3), ["context"] = new JsonObject { ["includeDeclaration"] = false },
        });
        Assert.Equal(2, references!.AsArray().Count);
        var workspace = await RequestAsync(rpc, Methods.WorkspaceSymbol, new JsonObject { ["query"] = "root" });
        Assert.Equal("/LM/SmtpSvc/1/Root", (string?)workspace![0]!["name"]);
        var formatting = await RequestAsync(rpc, Methods.Formatting, new JsonObject
        {
            ["textDocument"] = Doc(), ["options"] = new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = true },
        });
        Assert.Empty(formatting!.AsArray()); // already in IIS layout

        var sheet = await RequestAsync(rpc, Methods.EffectiveProperties, new JsonObject { ["textDocument"] = Doc(), ["location"] = "/LM/SmtpSvc/1" });
        var verbs = sheet!["properties"]!.AsArray().Single(p => (string?)p!["name"] == "SmtpInboundCommandSupportOptions")!;
        Assert.Equal(7697601u, (uint?)verbs["flags"]!["number"]);
        var set = await RequestAsync(rpc, Methods.SetPropertyValue, new JsonObject
        {
            ["textDocument"] = Doc(1), ["location"] = "/LM/SmtpSvc/1", ["property"] = "SmtpInboundCommandSupportOptions", ["value"] = "3503297",
        });
        Assert.Equal("3503297", (string?)set!["changes"]![Uri]![0]!["newText"]);
        int stale = rpc.NextId();
        await rpc.RequestAsync(stale, Methods.SetPropertyValue, new JsonObject
        {
            ["textDocument"] = Doc(7), ["location"] = "/LM/SmtpSvc/1", ["property"] = "ServerComment", ["value"] = "x",
        });
        Assert.Equal(ErrorCodes.ContentModified, (int?)(await rpc.WaitForResponseAsync(stale, Timeout))["error"]?["code"]);

        int shutdown = rpc.NextId();
        await rpc.RequestAsync(shutdown, Methods.Shutdown);
        await rpc.WaitForResponseAsync(shutdown, Timeout);
        await rpc.NotifyAsync(Methods.Exit);
        await rpc.ReadToEndAsync(Timeout);
        Assert.Equal(0, await server.WaitForExitAsync(Timeout));
    }
}

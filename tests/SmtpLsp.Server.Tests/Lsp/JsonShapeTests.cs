using System.Text.Json;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>Pins the wire shape: camelCase, nulls omitted, LSP field names.</summary>
public sealed class JsonShapeTests
{
    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, LspJson.CreateOptions());

    [Fact]
    public void InitializeResult_Serialized_MatchesPinnedShape()
    {
        var result = new InitializeResult
        {
            Capabilities = ServerCapabilitiesFactory.Create(null),
            ServerInfo = new ServerInfo { Name = "smtplsp", Version = "1.2.3" },
        };
        Assert.Equal(
            """{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2},"hoverProvider":true,"completionProvider":{"triggerCharacters":["\u003C"," ","|","\u0022"]},"definitionProvider":true,"referencesProvider":true,"documentSymbolProvider":true,"codeActionProvider":{"codeActionKinds":["quickfix","refactor.rewrite"]},"documentFormattingProvider":true,"documentRangeFormattingProvider":true,"foldingRangeProvider":true,"selectionRangeProvider":true,"inlayHintProvider":true,"workspaceSymbolProvider":true},"serverInfo":{"name":"smtplsp","version":"1.2.3"}}""",
            Serialize(result));
    }

    [Fact]
    public void PublishDiagnostics_Serialized_MatchesPinnedShape()
    {
        const string text = "ab\nBAD BAD";
        var document = DocumentSnapshot.Create("file:///m.xml", "xml", 9, text);
        var first = new MetabaseDiagnostic(DiagnosticCodes.DuplicateLocation, DiagnosticSeverity.Error, new TextSpan(3, 3), "dup");
        var second = first with { Span = new TextSpan(7, 3), Related = [new RelatedLocation(new TextSpan(3, 3), "first")] };
        var publish = new PublishDiagnosticsParams
        {
            Uri = document.Uri,
            Version = document.Version,
            Diagnostics = [LspConversions.ToDiagnostic(first, document), LspConversions.ToDiagnostic(second, document)],
        };

        const string link = "https://github.com/smtplsp/smtplsp/blob/main/docs/diagnostics.md#mb2003";
        Assert.Equal(
            "{\"uri\":\"file:///m.xml\",\"version\":9,\"diagnostics\":["
            + "{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":3}},\"severity\":1,\"code\":\"MB2003\","
            + "\"codeDescription\":{\"href\":\"" + link + "\"},\"source\":\"smtplsp\",\"message\":\"dup\",\"data\":\"3:3\"},"
            + "{\"range\":{\"start\":{\"line\":1,\"character\":4},\"end\":{\"line\":1,\"character\":7}},\"severity\":1,\"code\":\"MB2003\","
            + "\"codeDescription\":{\"href\":\"" + link + "\"},\"source\":\"smtplsp\",\"message\":\"dup\","
            + "\"relatedInformation\":[{\"location\":{\"uri\":\"file:///m.xml\",\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":3}}},\"message\":\"first\"}],\"data\":\"7:3\"}"
            + "]}",
            Serialize(publish));
    }

    [Fact]
    public void InitializeParams_RealClientJson_Deserializes()
    {
        const string json = """
            {"processId":42,"rootUri":null,"trace":"off","clientInfo":{"name":"Visual Studio Code","version":"1.100"},
             "capabilities":{"general":{"positionEncodings":["utf-16"]},"textDocument":{"hover":{"contentFormat":["markdown"]}}},
             "initializationOptions":{"forceMetabase":["**/*.mbx"]},"workspaceFolders":null}
            """;
        var parameters = JsonSerializer.Deserialize<InitializeParams>(json, LspJson.CreateOptions())!;
        Assert.Equal(42, parameters.ProcessId);
        Assert.Equal(["utf-16"], parameters.Capabilities!.General!.PositionEncodings!);
        Assert.Equal(JsonValueKind.Object, parameters.InitializationOptions!.Value.ValueKind);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace SmtpLsp.Server.Lsp.Protocol;

/// <summary>
/// The one place that fixes the JSON shape: camelCase, nulls omitted, source-generated metadata only, so the JIT
/// build behaves exactly like Native AOT and a type missing here fails a test instead of a user.
/// </summary>
public static class LspJson
{
    public static JsonSerializerOptions CreateOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = LspJsonContext.Default,
    };

    // The setter copies the options and appends StreamJsonRpc's own converters.
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "The options carry LspJsonContext as the only resolver, so no reflection-based serialization runs; the AOT end-to-end test covers it.")]
    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode",
        Justification = "The options carry LspJsonContext as the only resolver, so no reflection-based serialization runs; the AOT end-to-end test covers it.")]
    public static SystemTextJsonFormatter CreateFormatter() => new() { JsonSerializerOptions = CreateOptions() };
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(InvalidMessageParams))]
[JsonSerializable(typeof(DocumentDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticsResult))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(InlayHint[]))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(SymbolInformation[]))]
[JsonSerializable(typeof(FoldingRangeParams))]
[JsonSerializable(typeof(FoldingRange[]))]
[JsonSerializable(typeof(SelectionRangeParams))]
[JsonSerializable(typeof(SelectionRange[]))]
[JsonSerializable(typeof(DefinitionParams))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(Location[]))]
[JsonSerializable(typeof(DocumentFormattingParams))]
[JsonSerializable(typeof(DocumentRangeFormattingParams))]
[JsonSerializable(typeof(TextEdit[]))]
[JsonSerializable(typeof(ShowMessageParams))]
[JsonSerializable(typeof(OpenFromDiskParams))]
[JsonSerializable(typeof(OpenFromDiskResult))]
[JsonSerializable(typeof(EffectivePropertiesParams))]
[JsonSerializable(typeof(EffectivePropertiesResult))]
[JsonSerializable(typeof(SetPropertyValueParams))]
[JsonSerializable(typeof(KeyChildrenParams))]
[JsonSerializable(typeof(KeyChildrenResult))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(RequestId))] // without it $/cancelRequest silently does nothing under a source-gen-only resolver
[JsonSerializable(typeof(StreamJsonRpc.Protocol.CommonErrorData))]
public sealed partial class LspJsonContext : JsonSerializerContext;

using System.Globalization;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp.Protocol;
using LspDiagnostic = SmtpLsp.Server.Lsp.Protocol.Diagnostic;

namespace SmtpLsp.Server.Lsp;

/// <summary>Maps core results (offsets, domain records) to protocol shapes.</summary>
public static class LspConversions
{
    public const string Source = "smtplsp";

    public static Position ToPosition(LineIndex lines, int offset)
    {
        var p = lines.GetPosition(offset);
        return new Position(p.Line, p.Character);
    }

    public static Protocol.Range ToRange(LineIndex lines, TextSpan span) =>
        new(ToPosition(lines, span.Start), ToPosition(lines, span.End));

    public static Protocol.Range ToRange(TextSpan span, DocumentSnapshot document) => ToRange(document.Lines, span);

    public static int ToCompletionKind(Metabase.Features.CompletionItemKind kind) => kind switch
    {
        Metabase.Features.CompletionItemKind.KeyType => CompletionItemKind.Class,
        Metabase.Features.CompletionItemKind.Property => CompletionItemKind.Property,
        Metabase.Features.CompletionItemKind.Attribute => CompletionItemKind.Property,
        Metabase.Features.CompletionItemKind.FlagName => CompletionItemKind.EnumMember,
        Metabase.Features.CompletionItemKind.Value => CompletionItemKind.Value,
        Metabase.Features.CompletionItemKind.Snippet => CompletionItemKind.Snippet,
        _ => CompletionItemKind.Text,
    };

    /// <summary>
    /// Outline kinds by key type: services (IIsSmtpService) are Modules, servers (IIsSmtpServer) Classes, virtual
    /// directories Namespaces, everything else (IIsComputer, domains, sessions, …) Objects.
    /// </summary>
    public static int ToSymbolKind(string keyType) =>
        keyType.EndsWith("Service", StringComparison.Ordinal) ? SymbolKind.Module
        : keyType.EndsWith("Server", StringComparison.Ordinal) ? SymbolKind.Class
        : keyType.Contains("VirtualDir", StringComparison.Ordinal) ? SymbolKind.Namespace
        : SymbolKind.Object;

    public static TextEdit ToTextEdit(Metabase.Editing.TextEdit edit, DocumentSnapshot document) =>
        new() { Range = ToRange(document.Lines, edit.Span), NewText = edit.NewText };

    public static WorkspaceEdit ToWorkspaceEdit(IEnumerable<Metabase.Editing.TextEdit> edits, DocumentSnapshot document) => new()
    {
        Changes = new Dictionary<string, IReadOnlyList<TextEdit>>
        {
            [document.Uri] = edits.Select(e => ToTextEdit(e, document)).ToArray(),
        },
    };

    public static TextSpan ToSpan(Protocol.Range range, DocumentSnapshot document)
    {
        int start = document.Lines.GetOffset(new LinePosition(range.Start.Line, range.Start.Character));
        int end = document.Lines.GetOffset(new LinePosition(range.End.Line, range.End.Character));
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    public static string DiagnosticData(TextSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.Start}:{span.Length}");

    public static LspDiagnostic ToDiagnostic(MetabaseDiagnostic diagnostic, DocumentSnapshot document) => new()
    {
        Range = ToRange(document.Lines, diagnostic.Span),
        Severity = (int)diagnostic.Severity,
        Code = diagnostic.Code,
        CodeDescription = new CodeDescription { Href = DiagnosticCodes.DocumentationUrl(diagnostic.Code) },
        Source = Source,
        Message = diagnostic.Message,
        Data = DiagnosticData(diagnostic.Span),
        RelatedInformation = diagnostic.Related is { Count: > 0 } related
            ? related.Select(r => new DiagnosticRelatedInformation
            {
                Location = new Location { Uri = document.Uri, Range = ToRange(document.Lines, r.Span) },
                Message = r.Message,
            }).ToArray()
            : null,
    };
}

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

    public static LspDiagnostic ToDiagnostic(MetabaseDiagnostic diagnostic, DocumentSnapshot document) => new()
    {
        Range = ToRange(document.Lines, diagnostic.Span),
        Severity = (int)diagnostic.Severity,
        Code = diagnostic.Code,
        CodeDescription = new CodeDescription { Href = DiagnosticCodes.DocumentationUrl(diagnostic.Code) },
        Source = Source,
        Message = diagnostic.Message,
        RelatedInformation = diagnostic.Related is { Count: > 0 } related
            ? related.Select(r => new DiagnosticRelatedInformation
            {
                Location = new Location { Uri = document.Uri, Range = ToRange(document.Lines, r.Span) },
                Message = r.Message,
            }).ToArray()
            : null,
    };
}

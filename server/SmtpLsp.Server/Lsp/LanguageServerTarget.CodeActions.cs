using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;
using CoreEditing = SmtpLsp.Metabase.Editing;

namespace SmtpLsp.Server.Lsp;

public sealed partial class LanguageServerTarget
{
    /// <summary>
    /// Quick fixes for the diagnostics the client sent, but only those the current text still has (same code, and the
    /// same range or the place their data records, after re-analysis), plus the value refactorings at the start of the range.
    /// </summary>
    [JsonRpcMethod(Methods.CodeAction, UseSingleObjectParameterDeserialization = true)]
    public Task<CodeAction[]?> CodeAction(CodeActionParams parameters, CancellationToken cancellationToken) =>
        RunRequestAsync(Methods.CodeAction, parameters, ct =>
        {
            if (GetMetabaseDocument(parameters.TextDocument.Uri) is not { } snapshot) return null;
            var context = parameters.Context ?? new CodeActionContext();
            var range = LspConversions.ToSpan(parameters.Range, snapshot);
            var actions = new List<CodeAction>();
            if (WantsKind(context.Only, CodeActionKind.QuickFix) && context.Diagnostics is { Count: > 0 } sent)
            {
                foreach (var (diagnostic, fixes) in _core.QuickFixes(snapshot, range, ct))
                {
                    var diagnosticRange = LspConversions.ToRange(diagnostic.Span, snapshot);
                    string data = LspConversions.DiagnosticData(diagnostic.Span);
                    var match = sent.FirstOrDefault(d => d.Code == diagnostic.Code && (d.Range == diagnosticRange || d.Data == data));
                    if (match is null) continue;
                    foreach (var fix in fixes)
                        actions.Add(ToCodeAction(fix.Title, CodeActionKind.QuickFix, fix.Edits, snapshot, [match], fix.IsPreferred && fixes.Count == 1));
                }
            }
            foreach (var action in _core.ValueActionsAt(snapshot, range.Start, ct))
            {
                string kind = action.Kind == CoreEditing.ActionKind.QuickFix ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite;
                if (WantsKind(context.Only, kind)) actions.Add(ToCodeAction(action.Title, kind, action.Edits, snapshot, null, false));
            }
            return (CodeAction[]?)actions.ToArray();
        }, cancellationToken);

    private static CodeAction ToCodeAction(string title, string kind, IReadOnlyList<CoreEditing.TextEdit> edits, DocumentSnapshot snapshot,
        IReadOnlyList<Diagnostic>? diagnostics, bool preferred) => new()
    {
        Title = title,
        Kind = kind,
        Diagnostics = diagnostics,
        IsPreferred = preferred ? true : null,
        Edit = LspConversions.ToWorkspaceEdit(edits, snapshot),
    };

    /// <summary>LSP: <c>only</c> filters by kind prefix ("refactor" admits "refactor.rewrite"); absent admits all.</summary>
    private static bool WantsKind(IReadOnlyList<string>? only, string kind) =>
        only is not { Count: > 0 } || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));
}

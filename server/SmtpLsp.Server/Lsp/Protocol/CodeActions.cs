namespace SmtpLsp.Server.Lsp.Protocol;

// textDocument/codeAction and the WorkspaceEdit every edit-producing request returns.

public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string RefactorRewrite = "refactor.rewrite";
}

public sealed record CodeActionParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Range Range { get; init; }
    public CodeActionContext Context { get; init; } = new();
}

public sealed record CodeActionContext
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public IReadOnlyList<string>? Only { get; init; }
    public int? TriggerKind { get; init; }
}

public sealed record CodeAction
{
    public string Title { get; init; } = "";
    public string? Kind { get; init; }
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
}

/// <summary>Only <c>changes</c> (uri -> edits): every client supports it, and the server edits one document at a time.</summary>
public sealed record WorkspaceEdit
{
    public IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes { get; init; } = new Dictionary<string, IReadOnlyList<TextEdit>>();
}

public sealed record CodeActionOptions
{
    public IReadOnlyList<string>? CodeActionKinds { get; init; }
}

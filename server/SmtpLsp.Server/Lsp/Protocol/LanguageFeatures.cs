namespace SmtpLsp.Server.Lsp.Protocol;

// Requests that answer at a position: hover and completion.

public record TextDocumentPositionParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Position Position { get; init; }
}

public sealed record HoverParams : TextDocumentPositionParams;

public sealed record CompletionParams : TextDocumentPositionParams;

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public sealed record MarkupContent
{
    public string Kind { get; init; } = MarkupKind.PlainText;
    public string Value { get; init; } = "";
}

public sealed record Hover
{
    public MarkupContent Contents { get; init; } = new();
    public Range? Range { get; init; }
}

public sealed record TextEdit
{
    public Range Range { get; init; }
    public string NewText { get; init; } = "";
}

public static class InsertTextFormat
{
    public const int PlainText = 1;
    public const int Snippet = 2;
}

/// <summary>LSP CompletionItemKind numbers the server uses.</summary>
public static class CompletionItemKind
{
    public const int Text = 1;
    public const int Property = 10;
    public const int Value = 12;
    public const int Enum = 13;
    public const int Snippet = 15;
    public const int Class = 7;
    public const int EnumMember = 20;
}

public sealed record CompletionItem
{
    public string Label { get; init; } = "";
    public int? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
    public int? InsertTextFormat { get; init; }
    public TextEdit? TextEdit { get; init; }
}

public sealed record CompletionList
{
    public bool IsIncomplete { get; init; }
    public IReadOnlyList<CompletionItem> Items { get; init; } = [];
}

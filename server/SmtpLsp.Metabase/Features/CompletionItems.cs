using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>What a completion item stands for; a host maps it to its own icon kinds.</summary>
public enum CompletionItemKind { KeyType, Property, Attribute, FlagName, Value, Snippet }

/// <summary>
/// One suggestion. InsertText replaces <see cref="CompletionResult.ReplaceSpan"/>; when <see cref="IsSnippet"/> it
/// uses <c>$1</c>/<c>${1:default}</c> placeholders.
/// </summary>
public sealed record CompletionItem(string Label, CompletionItemKind Kind, string InsertText)
{
    public string? Detail { get; init; }
    public string? Documentation { get; init; }
    public bool IsSnippet { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
}

/// <summary>The suggestions and the one range every item replaces. IsIncomplete when the list was capped.</summary>
public sealed record CompletionResult(TextSpan ReplaceSpan, IReadOnlyList<CompletionItem> Items, bool IsIncomplete = false)
{
    public static CompletionResult Empty(int offset) => new(new TextSpan(offset, 0), []);
}

public sealed record CompletionOptions
{
    /// <summary>The client accepts snippet syntax (LSP snippetSupport).</summary>
    public bool Snippets { get; init; } = true;

    /// <summary>Lists longer than this are cut and marked incomplete (all properties of IIsConfigObject are ~500).</summary>
    public int MaxItems { get; init; } = 200;
}

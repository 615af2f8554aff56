using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>One token of the lossless stream: a kind and a range of the text, nothing copied.</summary>
public readonly record struct SyntaxToken(SyntaxKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public string GetText(string text) => text.Substring(Start, Length);
}

using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>A top-level PI, comment or doctype (before or after the root element).</summary>
public readonly record struct PrologItem(SyntaxKind Kind, TextSpan Span);

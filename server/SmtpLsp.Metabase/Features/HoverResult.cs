using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>What to show for a hover and the text range it explains. Content is Markdown or plain text, as asked.</summary>
public sealed record HoverResult(TextSpan Span, string Content);

using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>A key as a navigation target: its whole element, and its Location value (or element name) to select.</summary>
public sealed record KeyTarget(MetabaseKey Key, TextSpan Span, TextSpan SelectionSpan)
{
    public static KeyTarget Of(MetabaseKey key) => new(key, key.Element.Span, SelectionOf(key));

    public static TextSpan SelectionOf(MetabaseKey key) => key.LocationAttribute?.ValueSpan ?? key.Element.NameSpan;
}

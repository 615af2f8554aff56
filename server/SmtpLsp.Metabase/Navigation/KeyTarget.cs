using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>A key as a navigation target: its whole element, and its Location value (or element name) to select.</summary>
public sealed record KeyTarget(MetabaseKey Key, TextSpan Span, TextSpan SelectionSpan)
{
    public static KeyTarget Of(MetabaseKey key) => new(key, key.Element.Span, SelectionOf(key));

    /// <summary>The same where the key now stands in a model made after keystrokes (<see cref="MetabaseModel.Place"/>).</summary>
    internal static KeyTarget Of(MetabaseModel model, MetabaseKey key) =>
        new(key, model.Place(key, key.Element.Span), model.Place(key, SelectionOf(key)));

    // Read from the tree: an attribute node would make (and keep) nodes for every attribute of the element, which the
    // outline of 50 MB paid 5000 times per request.
    public static TextSpan SelectionOf(MetabaseKey key) => key.LocationView is { } location ? location.ValueSpan : key.Element.NameSpan;
}

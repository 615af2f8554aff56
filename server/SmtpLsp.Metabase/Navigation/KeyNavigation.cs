using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>
/// Go to definition (a key's parent key) and find references (its child keys) from a key's Location value or
/// element name. The parent is the nearest existing ancestor key, as in the outline. Works on a whole parse's model
/// and on the keys of a version reached by keystrokes (<see cref="Incremental.IncrementalState.KeysNow"/>), whose
/// spans are placed where the keys now stand.
/// </summary>
public static class KeyNavigation
{
    /// <summary>The key whose Location value or element name (start or end tag) is at the offset.</summary>
    public static MetabaseKey? KeyAtNavigationPoint(MetabaseModel model, int offset)
    {
        var key = model.FindKeyAt(offset);
        if (key == null) return null;
        int at = offset - model.ShiftOf(key);
        var element = key.Element;
        bool onName = element.NameSpan.ContainsOrTouches(at)
            || element.EndTagSpan is { } end && end.ContainsOrTouches(at);
        bool onLocation = key.LocationView is { } location && location.ValueSpan.ContainsOrTouches(at);
        return onName || onLocation ? key : null;
    }

    /// <summary>
    /// On a key's name or Location, its parent key; on a property's name (given the catalog, which says what
    /// inherits), the ancestor's value it overrides, as find references on it lists the keys below that override it.
    /// </summary>
    public static KeyTarget? Definition(MetabaseModel model, int offset, Catalog.MetabaseCatalog? catalog = null)
    {
        if (catalog != null && PropertyNameAt(model, offset) is ({ } owner, { } name))
        {
            return EffectiveValues.Inherited(model, owner, name, catalog.FindProperty(name)) is { SourceKey: { } from, SourceSpan: { } value }
                ? new KeyTarget(from, model.Place(from, from.Element.Span), value)
                : null;
        }
        var key = KeyAtNavigationPoint(model, offset);
        if (key == null) return null;
        var parent = KeyHierarchy.NearestAncestor(model, key.ParentLocation);
        return parent == null ? null : KeyTarget.Of(model, parent);
    }

    /// <summary>The child keys (and the key itself first when asked), in document order.</summary>
    public static IReadOnlyList<KeyTarget> References(MetabaseModel model, int offset, bool includeDeclaration = false)
    {
        var key = KeyAtNavigationPoint(model, offset);
        if (key == null) return [];
        var result = new List<KeyTarget>();
        if (includeDeclaration) result.Add(KeyTarget.Of(model, key));
        foreach (var child in ChildrenOf(model, key)) result.Add(KeyTarget.Of(model, child));
        return result;
    }

    /// <summary>
    /// What find references selects: on a property name (not Location), the keys below that set it themselves, where
    /// the value stops being inherited from here (and the name itself first when asked); on a key, its child keys.
    /// </summary>
    public static IReadOnlyList<TextSpan> ReferenceSpans(MetabaseModel model, int offset, bool includeDeclaration = false)
    {
        if (PropertyNameAt(model, offset) is ({ } key, { } name))
        {
            var spans = new List<TextSpan>();
            if (includeDeclaration && key.GetProperty(name) is { } property) spans.Add(model.Place(key, property.NameSpan));
            foreach (var other in EffectiveValues.Overrides(model, key, name))
                spans.Add(model.Place(other, other.GetProperty(name)?.NameSpan ?? KeyTarget.SelectionOf(other)));
            return spans;
        }
        return References(model, offset, includeDeclaration).Select(target => target.SelectionSpan).ToList();
    }

    /// <summary>The key and property whose name (an attribute of the key's start tag, not Location) is at the offset.</summary>
    private static (MetabaseKey? Key, string? Name) PropertyNameAt(MetabaseModel model, int offset)
    {
        if (model.FindKeyAt(offset) is { } key && key.Element.Tree.FindAttributeAt(offset - model.ShiftOf(key)) is { } attribute
            && ReferenceEquals(attribute.Element, key.Element) && attribute.NameSpan.ContainsOrTouches(offset - model.ShiftOf(key))
            && attribute.Name != "Location")
            return (key, attribute.Name);
        return (null, null);
    }

    /// <summary>
    /// The keys whose nearest ancestor key is this one (none unless it is the first at its Location), as
    /// <see cref="KeyHierarchy"/> hangs them. A model made after keystrokes is walked once instead: building its
    /// hierarchy for one request would index every key (tens of milliseconds on 50 MB).
    /// </summary>
    private static IReadOnlyList<MetabaseKey> ChildrenOf(MetabaseModel model, MetabaseKey key)
    {
        if (!model.IsEdited) return KeyHierarchy.Build(model).ChildrenOf(key);
        // Only the first key at a Location is anyone's nearest ancestor.
        return model.KeysBelow(key, (other, _) => ReferenceEquals(KeyHierarchy.NearestAncestor(model, other.ParentLocation), key));
    }
}

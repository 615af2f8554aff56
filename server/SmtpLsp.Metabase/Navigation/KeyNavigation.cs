using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>
/// Go to definition (a key's parent key) and find references (its child keys) from a key's Location value or
/// element name. The parent is the nearest existing ancestor key, as in the outline.
/// </summary>
public static class KeyNavigation
{
    /// <summary>The key whose Location value or element name (start or end tag) is at the offset.</summary>
    public static MetabaseKey? KeyAtNavigationPoint(MetabaseModel model, int offset)
    {
        var key = model.FindKeyAt(offset);
        if (key == null) return null;
        var element = key.Element;
        bool onName = element.NameSpan.ContainsOrTouches(offset)
            || element.EndTagSpan is { } end && end.ContainsOrTouches(offset);
        bool onLocation = key.LocationAttribute is { } location && location.ValueSpan.ContainsOrTouches(offset);
        return onName || onLocation ? key : null;
    }

    public static KeyTarget? Definition(MetabaseModel model, int offset)
    {
        var key = KeyAtNavigationPoint(model, offset);
        if (key == null) return null;
        var parent = KeyHierarchy.Build(model).ParentOf(key);
        return parent == null ? null : KeyTarget.Of(parent);
    }

    /// <summary>The child keys (and the key itself first when asked), in document order.</summary>
    public static IReadOnlyList<KeyTarget> References(MetabaseModel model, int offset, bool includeDeclaration = false)
    {
        var key = KeyAtNavigationPoint(model, offset);
        if (key == null) return [];
        var result = new List<KeyTarget>();
        if (includeDeclaration) result.Add(KeyTarget.Of(key));
        foreach (var child in KeyHierarchy.Build(model).ChildrenOf(key)) result.Add(KeyTarget.Of(child));
        return result;
    }
}

using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Editing;

public enum ValueOrigin
{
    /// <summary>Written on this key (start-tag attribute or &lt;Custom&gt; child).</summary>
    SetHere,
    /// <summary>Taken from an ancestor key (the property has the INHERIT attribute).</summary>
    Inherited,
    /// <summary>
    /// The schema's DefaultValue, what ADSI and adsutil report for a property set nowhere. The catalog's installed
    /// defaults are not used here: what setup writes is in the file when it is in effect, and the internal defaults
    /// the SDK pages give belong to the web service.
    /// </summary>
    SchemaDefault,
    /// <summary>Set nowhere and without any default.</summary>
    None,
}

/// <summary>
/// The value a key really has for one property. <see cref="SourceKey"/> and <see cref="SourceSpan"/> (the value span)
/// are set for SetHere and Inherited.
/// </summary>
public sealed record EffectiveValue(
    string Name,
    PropertyInfo? Info,
    string? Value,
    ValueOrigin Origin,
    MetabaseKey? SourceKey,
    TextSpan? SourceSpan)
{
    public bool IsDefault => Origin is ValueOrigin.SchemaDefault;
}

/// <summary>
/// IIS inheritance by Location path: a property with the INHERIT attribute that a key does not set comes from the
/// nearest ancestor path (/LM/SmtpSvc/1 -> /LM/SmtpSvc -> /LM -> /) that sets it, even across missing keys.
/// </summary>
public static class EffectiveValues
{
    /// <summary>
    /// Every property the key sets or its type allows, Location excluded, sorted as IIS writes them.
    /// For IIsConfigObject (which allows every property) only what is set here or inherited is listed.
    /// </summary>
    public static IReadOnlyList<EffectiveValue> For(MetabaseModel model, MetabaseKey key, MetabaseCatalog catalog)
    {
        var names = new SortedSet<string>(PropertyOrder.Comparer);
        foreach (var property in key.Properties) names.Add(property.Name);
        foreach (var custom in key.CustomProperties) if (custom.Name is { Length: > 0 } n) names.Add(n);
        var keyType = catalog.FindKeyType(key.KeyType);
        bool everything = keyType == null || key.KeyType == "IIsConfigObject";
        if (!everything)
        {
            foreach (var name in keyType!.AllowedProperties) names.Add(name);
        }
        foreach (var ancestor in Ancestors(model, key))
        {
            foreach (var property in ancestor.Properties)
            {
                if (catalog.FindProperty(property.Name) is { IsInherit: true }
                    && (everything || keyType!.AllowsProperty(property.Name)))
                    names.Add(property.Name);
            }
        }
        names.Remove("Location");
        return names.Select(n => Get(model, key, n, catalog)).ToList();
    }

    public static EffectiveValue Get(MetabaseModel model, MetabaseKey key, string name, MetabaseCatalog catalog)
    {
        var info = catalog.FindProperty(name);
        if (FindOnKey(key, name) is { } here) return new EffectiveValue(name, info, here.Value, ValueOrigin.SetHere, key, model.Place(key, here.Span));
        if (Inherited(model, key, name, info) is { } inherited) return inherited;
        if (info?.SchemaDefault is { } schemaDefault)
            return new EffectiveValue(name, info, schemaDefault, ValueOrigin.SchemaDefault, null, null);
        return new EffectiveValue(name, info, null, ValueOrigin.None, null, null);
    }

    /// <summary>
    /// The value an ancestor passes down to the key (the property has the INHERIT attribute), whether or not the key
    /// sets its own: what a value set here overrides. Null when no ancestor sets it.
    /// </summary>
    public static EffectiveValue? Inherited(MetabaseModel model, MetabaseKey key, string name, PropertyInfo? info)
    {
        if (info is not { IsInherit: true }) return null;
        foreach (var ancestor in Ancestors(model, key))
        {
            if (FindOnKey(ancestor, name) is { } there)
                return new EffectiveValue(name, info, there.Value, ValueOrigin.Inherited, ancestor, model.Place(ancestor, there.Span));
        }
        return null;
    }

    /// <summary>Keys below this one (by Location path) that set the property themselves, in document order.</summary>
    public static IReadOnlyList<MetabaseKey> Overrides(MetabaseModel model, MetabaseKey key, string name)
    {
        var result = new List<MetabaseKey>();
        if (key.Location is not { } location) return result;
        // Spans of the text: this walks every key, and Location would cut a new string for each.
        foreach (var other in model.Keys)
        {
            if (ReferenceEquals(other, key) || !other.HasLocation) continue;
            if (IsBelow(other.LocationText, location) && FindOnKey(other, name) != null) result.Add(other);
        }
        return result;
    }

    /// <summary>Existing keys on the parent paths, nearest first (the first key when a Location is duplicated).</summary>
    public static IEnumerable<MetabaseKey> Ancestors(MetabaseModel model, MetabaseKey key)
    {
        for (var path = key.ParentLocation; path != null; path = LocationPath.GetParent(path))
        {
            if (model.CountByLocation(path).First is { } first) yield return first;
        }
    }

    /// <summary>True when <paramref name="location"/> is strictly below <paramref name="ancestor"/>.</summary>
    public static bool IsBelow(string location, string ancestor) => IsBelow(location.AsSpan(), ancestor);

    private static bool IsBelow(ReadOnlySpan<char> location, string ancestor)
    {
        var normalizedAncestor = LocationPath.Normalize(ancestor.AsSpan());
        for (var path = location; LocationPath.TryGetParent(path, out var parent); path = parent)
        {
            if (LocationPath.Normalize(parent).Equals(normalizedAncestor, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static (string Value, TextSpan Span)? FindOnKey(MetabaseKey key, string name)
    {
        if (key.GetProperty(name) is { } property) return (property.Value, property.ValueSpan);
        foreach (var custom in key.CustomProperties)
        {
            if (custom.Name == name && custom.ValueAttribute is { } value) return (value.Value, value.ValueSpan);
        }
        return null;
    }
}

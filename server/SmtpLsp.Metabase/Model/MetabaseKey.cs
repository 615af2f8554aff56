using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Model;

/// <summary>One metabase key: an element under &lt;MBProperty&gt; whose name is the key type.</summary>
public sealed class MetabaseKey
{
    private static readonly MetabaseProperty[] NoProperties = [];
    private static readonly CustomProperty[] NoCustom = [];

    // Properties and children, built on first access (analysis reads the element directly), then cached so callers
    // always see the same objects; one field for both keeps the 146k keys of a large file small.
    private Parts? _parts;

    // The Location attribute's entry in the tree's attribute table, or -1; its node is made only when asked for.
    private readonly int _locationAttribute;
    // Where the Location value is, so LocationText is one slice of the text (the cross-key rules read it for every
    // key and its parent: no detour through the attribute table); length -1 when it holds '&' (decoded on use).
    private readonly int _locationStart;
    private readonly int _locationLength;

    internal MetabaseKey(ElementNode element)
    {
        Element = element;
        int index = element.IndexOfAttribute(LocationName);
        _locationAttribute = index < 0 ? -1 : element.FirstAttribute + index;
        if (index < 0) return;
        var view = element.AttributeAt(index);
        var raw = view.RawValueSpan;
        _locationStart = view.ValueSpan.Start;
        _locationLength = raw.Contains('&') ? -1 : raw.Length;
        // Hashed here, where keys are made in parallel and the text is in cache, not later in the index's single pass.
        LocationHash = LocationIndex.Hash(LocationPath.Normalize(LocationText));
    }

    /// <summary>The hash <see cref="LocationIndex"/> files this key's normalised Location under (0 without a Location).</summary>
    internal int LocationHash { get; }

    internal const string LocationName = "Location";
    internal const string CustomName = "Custom";

    internal static bool IsLocationName(string attributeName) => string.Equals(attributeName, LocationName, StringComparison.Ordinal);

    internal static bool IsCustomName(string elementName) => string.Equals(elementName, CustomName, StringComparison.Ordinal);

    /// <summary>The element name, which IIS uses as the key type (e.g. IIsSmtpServer).</summary>
    public string KeyType => Element.Name;

    public ElementNode Element { get; }

    /// <summary>
    /// The decoded Location, original case kept; null when the attribute is missing. Cut from the text on each call
    /// (not kept: a string per key is a fifth of an open document's memory); use <see cref="LocationText"/> in loops.
    /// </summary>
    public string? Location => _locationAttribute < 0 ? null : LocationViewAt().Value;

    /// <summary>True when the key has a Location attribute (<see cref="Location"/> is not null).</summary>
    internal bool HasLocation => _locationAttribute >= 0;

    /// <summary>The decoded Location as a span of the text when it holds no entity (no string made); empty when missing.</summary>
    internal ReadOnlySpan<char> LocationText => LocationMemory.Span;

    /// <summary>The same as <see cref="LocationText"/>, kept in a <see cref="ReadOnlyMemory{T}"/> (a walk holds a few of them).</summary>
    internal ReadOnlyMemory<char> LocationMemory
    {
        get
        {
            if (_locationAttribute < 0) return default;
            if (_locationLength >= 0) return Element.Tree.Text.AsMemory(_locationStart, _locationLength);
            return EntityDecoder.Decode(LocationViewAt().RawValueSpan).AsMemory();
        }
    }

    public AttributeNode? LocationAttribute => _locationAttribute < 0 ? null : Element.Attributes[_locationAttribute - Element.FirstAttribute];

    /// <summary>The Location attribute read from the tree (no node made), for rules that run on every key.</summary>
    internal AttributeView? LocationView => _locationAttribute < 0 ? null : LocationViewAt();

    private AttributeView LocationViewAt() => new(Element.Tree, _locationAttribute);

    /// <summary>The parent path by Location (see <see cref="LocationPath.GetParent"/>); computed on each call, not stored.</summary>
    public string? ParentLocation => LocationPath.GetParent(Location);

    /// <summary>Every start-tag attribute except Location, in document order.</summary>
    public IReadOnlyList<MetabaseProperty> Properties
    {
        get
        {
            var parts = GetParts();
            var properties = parts.Properties;
            if (properties != null) return properties;
            properties = BuildProperties();
            // The first writer wins, so two threads asking at once still get the same objects.
            return Interlocked.CompareExchange(ref parts.Properties, properties, null) ?? properties;
        }
    }

    public IReadOnlyList<CustomProperty> CustomProperties => GetChildren().Custom;

    /// <summary>True when the key has a &lt;Custom&gt; child; answered from the tree without building the list.</summary>
    internal bool HasCustomProperties
    {
        get
        {
            if (_parts?.Children is { } children) return children.Custom.Length > 0;
            foreach (var child in Element.Children)
            {
                if (IsCustomName(child.Name)) return true;
            }
            return false;
        }
    }

    /// <summary>The first property with exactly this name (case-sensitive, as IIS reads the file).</summary>
    public MetabaseProperty? GetProperty(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal)) return property;
        }
        return null;
    }

    /// <summary>The attribute <see cref="GetProperty"/> would wrap, found without building <see cref="Properties"/>.</summary>
    internal AttributeView? FindPropertyAttribute(string name)
    {
        if (IsLocationName(name)) return null;
        int index = Element.IndexOfAttribute(name);
        return index < 0 ? null : Element.AttributeAt(index);
    }

    public override string ToString() => $"{KeyType} {Location}";

    private MetabaseProperty[] BuildProperties()
    {
        var attributes = Element.Attributes;
        int count = 0;
        foreach (var attribute in attributes) if (!IsLocationName(attribute.Name)) count++;
        if (count == 0) return NoProperties;
        var properties = new MetabaseProperty[count];
        int i = 0;
        foreach (var attribute in attributes)
        {
            if (!IsLocationName(attribute.Name)) properties[i++] = new MetabaseProperty(this, attribute);
        }
        return properties;
    }

    private Children GetChildren()
    {
        var parts = GetParts();
        var children = parts.Children;
        if (children != null) return children;
        List<CustomProperty>? custom = null;
        foreach (var child in Element.Children)
        {
            if (IsCustomName(child.Name)) (custom ??= new()).Add(new CustomProperty(this, child));
        }
        children = new Children(custom?.ToArray() ?? NoCustom);
        return Interlocked.CompareExchange(ref parts.Children, children, null) ?? children;
    }

    private Parts GetParts() => _parts ?? Interlocked.CompareExchange(ref _parts, new Parts(), null) ?? _parts;

    private sealed record Children(CustomProperty[] Custom);

    private sealed class Parts
    {
        public MetabaseProperty[]? Properties;
        public Children? Children;
    }
}

using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Model;

/// <summary>One metabase key: an element under &lt;MBProperty&gt; whose name is the key type.</summary>
public sealed class MetabaseKey
{
    private static readonly MetabaseProperty[] NoProperties = [];
    private static readonly CustomProperty[] NoCustom = [];
    private static readonly ElementNode[] NoElements = [];

    internal MetabaseKey(ElementNode element)
    {
        Element = element;
        LocationAttribute = element.GetAttribute("Location");
        Location = LocationAttribute?.Value;
        ParentLocation = LocationPath.GetParent(Location);

        var attributes = element.Attributes;
        int count = 0;
        foreach (var attribute in attributes) if (attribute.Name != "Location") count++;
        var properties = count == 0 ? NoProperties : new MetabaseProperty[count];
        int i = 0;
        foreach (var attribute in attributes)
        {
            if (attribute.Name != "Location") properties[i++] = new MetabaseProperty(this, attribute);
        }
        Properties = properties;

        List<CustomProperty>? custom = null;
        List<ElementNode>? others = null;
        foreach (var child in element.Children)
        {
            if (child.Name == "Custom") (custom ??= new()).Add(new CustomProperty(this, child));
            else (others ??= new()).Add(child);
        }
        CustomProperties = custom?.ToArray() ?? NoCustom;
        OtherChildren = others?.ToArray() ?? NoElements;
    }

    /// <summary>The element name, which IIS uses as the key type (e.g. IIsSmtpServer).</summary>
    public string KeyType => Element.Name;

    public ElementNode Element { get; }

    /// <summary>The decoded Location, original case kept; null when the attribute is missing.</summary>
    public string? Location { get; }

    public AttributeNode? LocationAttribute { get; }

    /// <summary>The parent path by Location (see <see cref="LocationPath.GetParent"/>).</summary>
    public string? ParentLocation { get; }

    /// <summary>Every start-tag attribute except Location, in document order.</summary>
    public IReadOnlyList<MetabaseProperty> Properties { get; }

    public IReadOnlyList<CustomProperty> CustomProperties { get; }

    /// <summary>Child elements that are not &lt;Custom&gt; (nested keys, typos); kept so analysis can report them.</summary>
    public IReadOnlyList<ElementNode> OtherChildren { get; }

    /// <summary>The first property with exactly this name (case-sensitive, as IIS reads the file).</summary>
    public MetabaseProperty? GetProperty(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal)) return property;
        }
        return null;
    }

    public override string ToString() => $"{KeyType} {Location}";
}

namespace SmtpLsp.Metabase.Catalog;

/// <summary>An IIS Admin key type (a schema Collection); the element name of a key in MetaBase.xml.</summary>
public sealed class KeyTypeInfo
{
    private readonly HashSet<string> _allowed;

    internal KeyTypeInfo(string name, IReadOnlyList<string> containerClassList, IReadOnlyList<string> allowedProperties,
        IReadOnlyList<string> keyAttributes, bool isHidden, SourcedText? description)
    {
        Name = name;
        ContainerClassList = containerClassList;
        AllowedProperties = allowedProperties;
        KeyAttributes = keyAttributes;
        IsHidden = isHidden;
        Description = description;
        _allowed = new HashSet<string>(allowedProperties.Concat(keyAttributes), StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>Key types allowed as children (empty when the schema allows none).</summary>
    public IReadOnlyList<string> ContainerClassList { get; }

    /// <summary>Property names the schema allows on this key type, in schema order.</summary>
    public IReadOnlyList<string> AllowedProperties { get; }

    /// <summary>Attributes every key carries from the schema base class (Location); they are not pool properties.</summary>
    public IReadOnlyList<string> KeyAttributes { get; }

    public bool IsHidden { get; }
    public SourcedText? Description { get; }

    /// <summary>Exact-case check: MetaBase.xml is case-sensitive.</summary>
    public bool AllowsProperty(string name) => _allowed.Contains(name);

    public bool AllowsChild(string keyType) => ContainerClassList.Contains(keyType, StringComparer.Ordinal);
}

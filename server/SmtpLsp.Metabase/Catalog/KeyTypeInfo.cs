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

    // Allowed pool properties by PropertyInfo.Index of the catalog that bound this key type: one array read per check.
    private IReadOnlyList<PropertyInfo>? _boundProperties;
    private bool[]? _allowedByIndex;

    /// <summary>The same answer as <see cref="AllowsProperty(string)"/> for a catalog property, without hashing its name.</summary>
    internal bool AllowsProperty(PropertyInfo info)
    {
        var bound = _boundProperties;
        int index = info.Index;
        if (bound != null && index >= 0 && index < bound.Count && ReferenceEquals(bound[index], info)) return _allowedByIndex![index];
        return _allowed.Contains(info.Name);
    }

    /// <summary>Called once by the owning catalog after it has numbered its properties.</summary>
    internal void BindProperties(IReadOnlyList<PropertyInfo> properties)
    {
        var allowed = new bool[properties.Count];
        for (int i = 0; i < allowed.Length; i++) allowed[i] = _allowed.Contains(properties[i].Name);
        _allowedByIndex = allowed;
        _boundProperties = properties;
    }

    public bool AllowsChild(string keyType) => ContainerClassList.Contains(keyType, StringComparer.Ordinal);
}

using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Catalog property lookups for one analysis run, by the attribute name's id in its tree: the parser numbers each
/// distinct name, so each is looked up in the catalog once and then found by one array read per attribute (a million
/// on 50 MB). Not thread-safe: one per worker.
/// </summary>
internal sealed class PropertyNameCache
{
    private const byte NotLookedUp = 0, PropertyName = 1, LocationName = 2;

    private readonly MetabaseCatalog _catalog;
    // Per name id of the tree being read.
    private SyntaxTree? _tree;
    private byte[] _kinds = [];
    private PropertyInfo?[] _properties = [];

    public PropertyNameCache(MetabaseCatalog catalog) => _catalog = catalog;

    /// <summary>True for the Location attribute, the key's path rather than a property.</summary>
    public bool IsLocation(AttributeView attribute) => Kind(attribute) == LocationName;

    /// <summary>The schema property of this attribute's name, or null when the schema has none.</summary>
    public PropertyInfo? Find(AttributeView attribute) => Kind(attribute) == PropertyName ? _properties[attribute.NameId] : null;

    private byte Kind(AttributeView attribute)
    {
        var tree = attribute.Tree;
        if (!ReferenceEquals(tree, _tree))
        {
            _tree = tree;
            _kinds = new byte[tree.NameById.Length];
            _properties = new PropertyInfo?[tree.NameById.Length];
        }
        int id = attribute.NameId;
        byte kind = _kinds[id];
        if (kind != NotLookedUp) return kind;
        var name = attribute.Name;
        if (MetabaseKey.IsLocationName(name)) kind = LocationName;
        else
        {
            _properties[id] = _catalog.FindProperty(name);
            kind = PropertyName;
        }
        _kinds[id] = kind;
        return kind;
    }
}

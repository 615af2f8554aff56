using System.Text.Json;

namespace SmtpLsp.Metabase.Catalog;

/// <summary>A catalog, or null, with the errors (line/column for schema files) that prevented it.</summary>
public sealed record CatalogLoadResult(MetabaseCatalog? Catalog, IReadOnlyList<SchemaError> Errors);

/// <summary>
/// Everything the core knows about IIS 6 key types and properties: the schema (generated or a user's MBSchema.xml)
/// plus the curated overlay. Lookups by name are exact-case because MetaBase.xml is case-sensitive.
/// </summary>
public sealed class MetabaseCatalog
{
    private const string CatalogResource = "SmtpLsp.Metabase.iis6.catalog.json";
    private const string OverlayResource = "SmtpLsp.Metabase.iis6.overlay.json";

    private static readonly Lazy<MetabaseCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private readonly Dictionary<string, KeyTypeInfo> _keyTypes;
    private readonly Dictionary<string, PropertyInfo> _properties;
    private readonly Dictionary<string, PropertyInfo> _propertiesIgnoreCase;
    private readonly Dictionary<int, PropertyInfo> _propertiesById;

    internal MetabaseCatalog(string sourceDescription, IReadOnlyList<KeyTypeInfo> keyTypes, IReadOnlyList<PropertyInfo> properties, ExchangeFacts exchange)
    {
        SourceDescription = sourceDescription;
        KeyTypes = keyTypes;
        Properties = properties;
        Exchange = exchange;
        _keyTypes = keyTypes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        _properties = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _propertiesIgnoreCase = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in properties) _propertiesIgnoreCase.TryAdd(p.Name, p);
        _propertiesById = new Dictionary<int, PropertyInfo>();
        foreach (var p in properties) _propertiesById.TryAdd(p.Id, p);
        // Number the properties so key types can answer "allowed?" by index; a property keeps its first catalog's number.
        for (int i = 0; i < properties.Count; i++)
        {
            if (properties[i].Index < 0) properties[i].Index = i;
        }
        foreach (var keyType in keyTypes) keyType.BindProperties(properties);
    }

    /// <summary>Where the schema came from, e.g. "MBSchema.xml (sha256 …) + overlay".</summary>
    public string SourceDescription { get; }
    public IReadOnlyList<KeyTypeInfo> KeyTypes { get; }
    public IReadOnlyList<PropertyInfo> Properties { get; }
    public ExchangeFacts Exchange { get; }

    /// <summary>The catalog built into the core (generated from a real IIS 6 MBSchema.xml + overlay), loaded once on first use.</summary>
    public static MetabaseCatalog Embedded => EmbeddedCatalog.Value;

    public KeyTypeInfo? FindKeyType(string name) => _keyTypes.GetValueOrDefault(name);
    public PropertyInfo? FindProperty(string name) => _properties.GetValueOrDefault(name);
    public PropertyInfo? FindPropertyIgnoreCase(string name) => _propertiesIgnoreCase.GetValueOrDefault(name);
    public PropertyInfo? FindPropertyById(int id) => _propertiesById.GetValueOrDefault(id);

    public IReadOnlyList<string> SuggestPropertyNames(string misspelt, int max = 3) => NameSuggester.Closest(misspelt, PropertyNameIndex, max);

    public IReadOnlyList<string> SuggestKeyTypeNames(string misspelt, int max = 3) => NameSuggester.Closest(misspelt, KeyTypeNameIndex, max);

    /// <summary>The key types a key may be written as (the schema's base class never is), prepared once for suggestions.</summary>
    internal NameIndex KeyTypeNameIndex => _keyTypeNameIndex ??= new NameIndex(KeyTypes.Select(k => k.Name).Where(n => n != "MetabaseBaseClass"));

    /// <summary>The property names prepared once for suggestions (a file of many unknown names asks for each).</summary>
    internal NameIndex PropertyNameIndex => _propertyNameIndex ??= new NameIndex(Properties.Select(p => p.Name));

    private NameIndex? _propertyNameIndex, _keyTypeNameIndex;

    /// <summary>Reads a user's own MBSchema.xml and applies the embedded overlay. Never throws.</summary>
    public static CatalogLoadResult LoadSchemaFile(string path)
    {
        byte[] bytes;
        try { bytes = Text.MetabaseFile.ReadBytes(path, 256L * 1024 * 1024); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            return new CatalogLoadResult(null, [new SchemaError(0, 0, $"cannot read '{path}': {e.Message}")]);
        }
        var read = MbSchemaReader.Read(new MemoryStream(bytes));
        if (read.Schema is null || read.Errors.Count > 0) return new CatalogLoadResult(null, read.Errors);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var document = CatalogGenerator.ToDocument(read.Schema, Path.GetFileName(path), sha);
        var catalog = CatalogBuilder.Build(document, ReadOverlay(), $"{path} (sha256 {sha}) + overlay");
        return new CatalogLoadResult(catalog, []);
    }

    private static MetabaseCatalog LoadEmbedded()
    {
        var document = JsonSerializer.Deserialize(ReadResource(CatalogResource), CatalogJsonContext.Default.CatalogDocument)
            ?? throw new InvalidDataException("embedded catalog is empty");
        return CatalogBuilder.Build(document, ReadOverlay(),
            $"{document.Header.SourceFile} (sha256 {document.Header.SourceSha256}) + overlay");
    }

    internal static OverlayDocument ReadOverlay() =>
        JsonSerializer.Deserialize(ReadResource(OverlayResource), CatalogJsonContext.Default.OverlayDocument)
        ?? throw new InvalidDataException("embedded overlay is empty");

    private static Stream ReadResource(string name) =>
        typeof(MetabaseCatalog).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"resource {name} is missing from the core assembly");
}

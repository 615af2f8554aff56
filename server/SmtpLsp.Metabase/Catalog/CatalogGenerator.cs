using System.Security.Cryptography;
using System.Text.Json;

namespace SmtpLsp.Metabase.Catalog;

/// <summary>Turns an MBSchema.xml into the committed catalog JSON (schemas/iis6.catalog.json). Output is deterministic.</summary>
public static class CatalogGenerator
{
    public const string RegenerateHint =
        "smtplsp generate-catalog ../shared/corpus/MBSchema.xml schemas/iis6.catalog.json";

    /// <summary>Reads the schema and returns the catalog JSON; throws <see cref="InvalidDataException"/> listing every schema error.</summary>
    public static string Generate(string mbSchemaPath)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(mbSchemaPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read '{mbSchemaPath}': {e.Message}", e);
        }
        var result = MbSchemaReader.Read(new MemoryStream(bytes));
        if (result.Schema is null || result.Errors.Count > 0)
            throw new InvalidDataException($"{mbSchemaPath} is not a usable MBSchema.xml:\n" + string.Join("\n", result.Errors));
        var document = ToDocument(result.Schema, Path.GetFileName(mbSchemaPath), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return JsonSerializer.Serialize(document, CatalogJsonContext.Writer.CatalogDocument) + "\n";
    }

    internal static CatalogDocument ToDocument(SchemaDocument schema, string sourceFile, string sha256)
    {
        var pool = schema.PoolProperties;
        var collections = schema.Collections.Select(c => new CollectionEntry
        {
            Name = c.Name,
            MetaFlags = c.MetaFlags,
            MetaFlagsEx = c.MetaFlagsEx,
            ContainerClassList = c.ContainerClassList is null ? null : SplitList(c.ContainerClassList),
            InheritsPropertiesFrom = c.InheritsPropertiesFrom,
            AllowedProperties = [.. c.PropertyReferences],
            // The pool's own definitions are the top-level "properties"; other collections keep theirs here (Location).
            DefinedProperties = c.Name == SchemaDocument.PoolCollection || c.DefinedProperties.Count == 0
                ? null
                : c.DefinedProperties.Select(ToEntry).ToList(),
        }).ToList();

        return new CatalogDocument
        {
            Header = new CatalogHeader
            {
                GeneratedBy = "SmtpLsp.Metabase.Catalog.CatalogGenerator",
                Notice = "Generated file: do not edit. Regenerate with: " + RegenerateHint,
                SourceFile = sourceFile,
                SourceSha256 = sha256,
            },
            Counts = new CatalogCounts
            {
                Collections = collections.Count,
                Properties = pool.Count,
                Flags = pool.Sum(p => p.Flags.Count),
            },
            Collections = collections,
            Properties = pool.Select(ToEntry).ToList(),
        };
    }

    private static PropertyEntry ToEntry(SchemaProperty p) => new()
    {
        Name = p.Name,
        Id = p.Id,
        Type = p.Type,
        UserType = p.UserType,
        Attributes = p.Attributes,
        MetaFlags = p.MetaFlags,
        MetaFlagsEx = p.MetaFlagsEx,
        DefaultValue = p.DefaultValue,
        StartingNumber = p.StartingNumber,
        EndingNumber = p.EndingNumber,
        Flags = p.Flags.Count == 0 ? null : p.Flags.Select(f => new FlagEntry { Name = f.Name, Value = f.Value, Id = f.Id }).ToList(),
    };

    private static List<string> SplitList(string raw) =>
        raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}

namespace SmtpLsp.Metabase.Catalog;

/// <summary>One problem found while reading an MBSchema.xml, with a 1-based line and column (0 when unknown).</summary>
public sealed record SchemaError(int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"({Line},{Column}): {Message}" : Message;
}

/// <summary>A <c>&lt;Flag&gt;</c> child of a schema property, as written in MBSchema.xml.</summary>
public sealed record SchemaFlag(string Name, uint Value, int? Id);

/// <summary>A full <c>&lt;Property&gt;</c> definition, attributes kept as raw text.</summary>
public sealed record SchemaProperty(
    string Name,
    int? Id,
    string Type,
    string? UserType,
    string? Attributes,
    string? MetaFlags,
    string? MetaFlagsEx,
    string? DefaultValue,
    long? StartingNumber,
    long? EndingNumber,
    IReadOnlyList<SchemaFlag> Flags);

/// <summary>A <c>&lt;Collection&gt;</c> (an IIS Admin key type).</summary>
public sealed record SchemaCollection(
    string Name,
    string? MetaFlags,
    string? MetaFlagsEx,
    string? ContainerClassList,
    string? InheritsPropertiesFrom,
    IReadOnlyList<string> PropertyReferences,
    IReadOnlyList<SchemaProperty> DefinedProperties);

/// <summary>The whole schema in file order. <see cref="PoolCollection"/> holds the global property definitions.</summary>
public sealed record SchemaDocument(IReadOnlyList<SchemaCollection> Collections)
{
    public const string PoolCollection = "IIsConfigObject";

    public IReadOnlyList<SchemaProperty> PoolProperties =>
        Collections.FirstOrDefault(c => c.Name == PoolCollection)?.DefinedProperties ?? [];
}

/// <summary>The schema, or null when the file could not be read; errors are never thrown.</summary>
public sealed record SchemaReadResult(SchemaDocument? Schema, IReadOnlyList<SchemaError> Errors)
{
    public bool Succeeded => Schema is not null && Errors.Count == 0;
}

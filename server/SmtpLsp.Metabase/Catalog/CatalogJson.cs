using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpLsp.Metabase.Catalog;

// The on-disk shapes of schemas/iis6.catalog.json (generated) and schemas/iis6.overlay.json (curated).
// schemas/catalog.schema.json describes both; keep them in step.

internal sealed class CatalogDocument
{
    public CatalogHeader Header { get; set; } = new();
    public CatalogCounts Counts { get; set; } = new();
    public List<CollectionEntry> Collections { get; set; } = [];
    public List<PropertyEntry> Properties { get; set; } = [];
}

internal sealed class CatalogHeader
{
    public string GeneratedBy { get; set; } = "";
    public string Notice { get; set; } = "";
    public string SourceFile { get; set; } = "";
    public string SourceSha256 { get; set; } = "";
}

internal sealed class CatalogCounts
{
    public int Collections { get; set; }
    public int Properties { get; set; }
    public int Flags { get; set; }
}

internal sealed class CollectionEntry
{
    public string Name { get; set; } = "";
    public string? MetaFlags { get; set; }
    public string? MetaFlagsEx { get; set; }
    public List<string>? ContainerClassList { get; set; }
    public string? InheritsPropertiesFrom { get; set; }
    public List<string> AllowedProperties { get; set; } = [];
    public List<PropertyEntry>? DefinedProperties { get; set; }
}

internal sealed class PropertyEntry
{
    public string Name { get; set; } = "";
    public int? Id { get; set; }
    public string Type { get; set; } = "";
    public string? UserType { get; set; }
    public string? Attributes { get; set; }
    public string? MetaFlags { get; set; }
    public string? MetaFlagsEx { get; set; }
    public string? DefaultValue { get; set; }
    public long? StartingNumber { get; set; }
    public long? EndingNumber { get; set; }
    public List<FlagEntry>? Flags { get; set; }
}

internal sealed class FlagEntry
{
    public string Name { get; set; } = "";
    public uint Value { get; set; }
    public int? Id { get; set; }
}

internal sealed class OverlayDocument
{
    public string? Comment { get; set; }
    public List<KeyTypeOverlay> KeyTypes { get; set; } = [];
    public List<PropertyOverlay> Properties { get; set; } = [];
    public ExchangeOverlay Exchange { get; set; } = new();
}

/// <summary>A statement with where it comes from and how sure we are (high, medium, low).</summary>
internal sealed class FactEntry
{
    public string Text { get; set; } = "";
    public string Source { get; set; } = "";
    public string Confidence { get; set; } = "";
}

internal sealed class KeyTypeOverlay
{
    public string Name { get; set; } = "";
    public FactEntry? Description { get; set; }
}

internal sealed class PropertyOverlay
{
    public string Name { get; set; } = "";
    public FactEntry? Description { get; set; }
    public InstalledDefaultEntry? InstalledDefault { get; set; }
    public VerbTableEntry? VerbTable { get; set; }
    public List<ValueLabelEntry>? EnumValues { get; set; }
    public List<ValueLabelEntry>? KnownValues { get; set; }
    public ExchangeOwnershipEntry? Exchange { get; set; }
}

internal sealed class InstalledDefaultEntry
{
    public string Value { get; set; } = "";
    public string? Note { get; set; }
    public string Source { get; set; } = "";
    public string Confidence { get; set; } = "";
}

internal sealed class VerbTableEntry
{
    public List<VerbEntry> Flags { get; set; } = [];
    public uint UndocumentedDefaultBits { get; set; }
    public string UndocumentedSource { get; set; } = "";
    public string UndocumentedConfidence { get; set; } = "";
}

internal sealed class VerbEntry
{
    public string Name { get; set; } = "";
    public uint Value { get; set; }
    public List<string> EhloLines { get; set; } = [];
    public string Source { get; set; } = "";
    public string Confidence { get; set; } = "";
}

internal sealed class ValueLabelEntry
{
    public uint Value { get; set; }
    public string Label { get; set; } = "";
    public string Source { get; set; } = "";
    public string Confidence { get; set; } = "";
}

internal sealed class ExchangeOwnershipEntry
{
    public string AdAttribute { get; set; } = "";
    public string Source { get; set; } = "";
    public string Confidence { get; set; } = "";
}

internal sealed class ExchangeOverlay
{
    public FactEntry SyncAgent { get; set; } = new();
    public int SyncIntervalMinutes { get; set; }
    public FactEntry SyncInterval { get; set; } = new();
    public FactEntry ChangeInstead { get; set; } = new();
    public List<ExchangeSignalEntry> Signals { get; set; } = [];
}

internal sealed class ExchangeSignalEntry
{
    public string Kind { get; set; } = "";
    public string Strength { get; set; } = "";
    public string Text { get; set; } = "";
    public string? PathPattern { get; set; }
    public List<PropertyValueEntry>? Values { get; set; }
    public string Source { get; set; } = "";
    public string Confidence { get; set; } = "";
}

internal sealed class PropertyValueEntry
{
    public string Property { get; set; } = "";
    public string Value { get; set; } = "";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(OverlayDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext
{
    // Relaxed escaping keeps '+', '<' and non-ASCII readable in the committed file; it is never embedded in HTML.
    private static readonly Lazy<CatalogJsonContext> WriterContext = new(() => new CatalogJsonContext(
        new JsonSerializerOptions(Default!.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }));

    public static CatalogJsonContext Writer => WriterContext.Value;
}

using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Catalog;

/// <summary>Joins the schema document (generated or read at run time) with the curated overlay.</summary>
internal static class CatalogBuilder
{
    public static MetabaseCatalog Build(CatalogDocument document, OverlayDocument overlay, string sourceDescription)
    {
        var propertyOverlays = overlay.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var keyTypeOverlays = overlay.KeyTypes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var collectionsByName = document.Collections.ToDictionary(c => c.Name, StringComparer.Ordinal);

        var allowedOn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var c in document.Collections)
            foreach (var p in c.AllowedProperties)
            {
                if (!allowedOn.TryGetValue(p, out var list)) allowedOn[p] = list = [];
                list.Add(c.Name);
            }

        var properties = document.Properties
            .Where(p => p.Id is not null)
            .Select(p => BuildProperty(p, propertyOverlays.GetValueOrDefault(p.Name), allowedOn.GetValueOrDefault(p.Name)))
            .ToList();

        var poolNames = properties.Select(p => p.Name).ToList();
        var keyTypes = document.Collections.Select(c =>
        {
            // The pool collection is also the generic key type IIS writes for keys without a KeyType: all properties fit.
            IReadOnlyList<string> allowed = c.Name == SchemaDocument.PoolCollection ? poolNames : c.AllowedProperties;
            return new KeyTypeInfo(
                c.Name,
                c.ContainerClassList ?? [],
                allowed,
                BaseAttributes(c, collectionsByName),
                IsFlagSet(c.MetaFlags, "HIDDEN"),
                ToText(keyTypeOverlays.GetValueOrDefault(c.Name)?.Description));
        }).ToList();

        return new MetabaseCatalog(sourceDescription, keyTypes, properties, BuildExchange(overlay));
    }

    private static IReadOnlyList<string> BaseAttributes(CollectionEntry c, Dictionary<string, CollectionEntry> all)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var from = c.InheritsPropertiesFrom; from is not null && seen.Add(from) && all.TryGetValue(from, out var parent);
             from = parent.InheritsPropertiesFrom)
            names.AddRange(parent.DefinedProperties?.Select(p => p.Name) ?? []);
        return names;
    }

    private static PropertyInfo BuildProperty(PropertyEntry p, PropertyOverlay? o, List<string>? allowedOn)
    {
        var type = PropertyTypes.Parse(p.Type);
        FlagTable? flags = null;
        if (p.Flags is { Count: > 0 })
            flags = new FlagTable(FlagTableKind.Symbolic,
                p.Flags.Select(f => new FlagInfo(f.Name, f.Value, f.Id, "MBSchema.xml <Flag>", "high", [])));
        else if (o?.VerbTable is { } verbs)
            flags = new FlagTable(FlagTableKind.Numeric,
                verbs.Flags.Select(v => new FlagInfo(v.Name, v.Value, null, v.Source, v.Confidence, v.EhloLines)),
                verbs.UndocumentedDefaultBits);

        return new PropertyInfo
        {
            Name = p.Name,
            Id = p.Id!.Value,
            Type = type,
            UserType = p.UserType,
            Attributes = p.Attributes,
            MetaFlags = p.MetaFlags,
            MetaFlagsEx = p.MetaFlagsEx,
            SchemaDefault = p.DefaultValue,
            DefaultNumber = type == PropertyType.Dword ? DefaultAsNumber(p.DefaultValue, flags) : null,
            InstalledDefault = o?.InstalledDefault is { } d ? new InstalledDefaultInfo(d.Value, d.Note, d.Source, d.Confidence) : null,
            StartingNumber = p.StartingNumber,
            EndingNumber = p.EndingNumber is null or 0 ? null : p.EndingNumber,
            Flags = flags,
            EnumValues = o?.EnumValues?.Select(ToEnum).ToList() ?? [],
            KnownValues = o?.KnownValues?.Select(ToEnum).ToList() ?? [],
            Description = ToText(o?.Description),
            ExchangeAdAttribute = o?.Exchange?.AdAttribute,
            ExchangeSource = o?.Exchange?.Source,
            AllowedOn = allowedOn ?? [],
        };
    }

    private static uint? DefaultAsNumber(string? raw, FlagTable? flags)
    {
        if (raw is null) return null;
        if (DwordValue.TryParse(raw, allowHex: false, out var n, out _)) return n;
        if (flags is null) return null;
        uint value = 0;
        foreach (var token in FlagCodec.ParseSymbolic(raw).Tokens)
        {
            if (flags.Find(token.Text) is not { } f) return null;
            value |= f.Value;
        }
        return value;
    }

    private static ExchangeFacts BuildExchange(OverlayDocument overlay)
    {
        var e = overlay.Exchange;
        var map = overlay.Properties.Where(p => p.Exchange is not null)
            .ToDictionary(p => p.Name, p => p.Exchange!.AdAttribute, StringComparer.Ordinal);
        var signals = e.Signals.Select(s => new ExchangeSignal(s.Kind, s.Strength, s.Text, s.PathPattern,
            s.Values?.Select(v => new KeyValuePair<string, string>(v.Property, v.Value)).ToList() ?? [], s.Source, s.Confidence)).ToList();
        return new ExchangeFacts(ToText(e.SyncAgent)!, e.SyncIntervalMinutes, ToText(e.SyncInterval)!, ToText(e.ChangeInstead)!, signals, map);
    }

    private static EnumValueInfo ToEnum(ValueLabelEntry v) => new(v.Value, v.Label, v.Source, v.Confidence);

    private static SourcedText? ToText(FactEntry? f) => f is null ? null : new SourcedText(f.Text, f.Source, f.Confidence);

    private static bool IsFlagSet(string? raw, string flag) =>
        raw is not null && raw.Split('|', StringSplitOptions.TrimEntries).Contains(flag, StringComparer.Ordinal);
}

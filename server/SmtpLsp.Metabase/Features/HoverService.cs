using System.Globalization;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Features;

/// <summary>Hover on key names, property names, values, single flag names and &lt;Custom&gt; elements.</summary>
public static class HoverService
{
    private const int ChildrenShown = 5;

    public static HoverResult? GetHover(MetabaseDocument doc, int offset, bool markdown)
    {
        if (offset < 0 || offset > doc.Text.Length) return null;
        var element = doc.Tree.FindElementAt(offset);
        if (element == null) return null;
        var key = doc.Model.FindKeyAt(offset);
        var writer = new HoverWriter(markdown);

        if (element.Name == "Custom" && key != null && key.Element == element.Parent)
        {
            var custom = key.CustomProperties.FirstOrDefault(c => c.Element == element);
            if (custom == null || !element.StartTagSpan.ContainsOrTouches(offset)) return null;
            return new HoverResult(element.StartTagSpan, DescribeCustom(doc.Catalog, custom, writer));
        }
        if (key == null || key.Element != element) return null;

        if (element.NameSpan.ContainsOrTouches(offset))
            return new HoverResult(element.NameSpan, DescribeKey(doc.Model, doc.Catalog, key, writer));

        var attribute = doc.Tree.FindAttributeAt(offset);
        if (attribute == null) return null;
        if (attribute.NameSpan.ContainsOrTouches(offset))
            return new HoverResult(attribute.NameSpan, DescribeProperty(doc.Catalog, key, attribute.Name, writer));
        if (attribute.HasValue && attribute.ValueSpan.ContainsOrTouches(offset) && attribute.Name != "Location")
        {
            var property = doc.Catalog.FindProperty(attribute.Name);
            if (property == null) return null;
            if (OnFlagName(property, attribute, offset, writer) is { } flagHover) return flagHover;
            var report = ValueReport.Create(property, attribute.Value);
            return new HoverResult(attribute.ValueSpan, (markdown ? report.ToMarkdown() : report.ToPlainText()).TrimEnd('\n'));
        }
        return null;
    }

    /// <summary>One name inside <c>A | B</c>: that flag alone.</summary>
    private static HoverResult? OnFlagName(PropertyInfo property, AttributeNode attribute, int offset, HoverWriter writer)
    {
        if (property.Flags is not { Kind: FlagTableKind.Symbolic } table) return null;
        var raw = attribute.RawValue;
        if (raw.Length > 0 && raw[0] is (>= '0' and <= '9') or '-') return null;
        int relative = offset - attribute.ValueSpan.Start;
        foreach (var token in FlagCodec.ParseSymbolic(raw).Tokens)
        {
            if (!token.Span.ContainsOrTouches(relative)) continue;
            var span = new Text.TextSpan(attribute.ValueSpan.Start + token.Span.Start, token.Span.Length);
            var flag = table.Find(token.Text);
            if (flag == null)
            {
                var closest = NameSuggester.Closest(token.Text, table.Flags.Select(f => f.Name), 1);
                writer.Title(token.Text);
                writer.Line($"Not a flag of {property.Name}." + (closest.Count > 0 ? $" Did you mean {writer.Code(closest[0])}?" : ""));
                return new HoverResult(span, writer.ToString());
            }
            bool inDefault = property.DefaultNumber is { } d && (d & flag.Value) == flag.Value;
            writer.Title(flag.Name);
            writer.Field("Value", ValueReport.FormatNumber(flag.Value));
            if (flag.Id is { } id) writer.Field("ID", FormatId(id));
            writer.Field("Flag of", property.Name);
            writer.Field("In the default", inDefault ? "yes" : "no");
            return new HoverResult(span, writer.ToString());
        }
        return null;
    }

    private static string DescribeProperty(MetabaseCatalog catalog, MetabaseKey key, string name, HoverWriter writer)
    {
        if (name == "Location")
        {
            writer.Title("Location");
            writer.Line("The key's own path in the metabase tree (not a property; the schema gives it no ID).");
            if (key.Location != null) writer.Field("Location", key.Location);
            if (key.ParentLocation != null) writer.Field("Parent", key.ParentLocation);
            return writer.ToString();
        }
        var property = catalog.FindProperty(name);
        if (property == null)
        {
            writer.Title(name);
            var closest = catalog.SuggestPropertyNames(name, 1);
            writer.Line("Unknown property: the schema has no property of this name." +
                (closest.Count > 0 ? $" Closest: {writer.Code(closest[0])}." : ""));
            return writer.ToString();
        }
        DescribePropertyInfo(property, writer);
        var keyType = catalog.FindKeyType(key.KeyType);
        if (keyType != null && !keyType.AllowsProperty(name))
            writer.Line($"Not allowed on {key.KeyType}.");
        return writer.ToString();
    }

    private static void DescribePropertyInfo(PropertyInfo property, HoverWriter writer)
    {
        writer.Title(property.Name);
        if (property.Description != null)
        {
            writer.Line(property.Description.Text);
            // Many descriptions are read from the property's name: say so rather than pass a guess off as fact.
            if (property.Description.Confidence != "high")
                writer.Field("Description", $"{property.Description.Confidence} confidence ({property.Description.Source})");
        }
        writer.Field("ID", FormatId(property.Id));
        writer.Field("Type", TypeName(property.Type));
        if (property.UserType != null) writer.Field("User type", property.UserType);
        if (property.Attributes != null) writer.Field("Attributes", property.Attributes);
        if (property.SchemaDefault != null)
            writer.Field("Schema default", property.DefaultNumber is { } n && property.Type == PropertyType.Dword && property.Flags?.Kind != FlagTableKind.Symbolic
                ? ValueReport.FormatNumber(n)
                : property.Type == PropertyType.MultiSz ? string.Join(", ", MultiSzValue.Split(property.SchemaDefault).Select(i => $"\"{i.Text}\""))
                : property.SchemaDefault.Length == 0 ? "(empty)" : property.SchemaDefault);
        if (property.InstalledDefault != null)
            writer.Field("Installed default", property.InstalledDefault.Value + (property.InstalledDefault.Note is { } note ? $" ({note})" : "") +
                $"; {property.InstalledDefault.Confidence} confidence ({property.InstalledDefault.Source})");
        if (property.StartingNumber != null || property.EndingNumber != null)
            writer.Field("Range", $"{property.StartingNumber ?? 0} .. {(property.EndingNumber?.ToString(CultureInfo.InvariantCulture) ?? "4294967295")}");
        if (property.ExchangeAdAttribute != null)
            writer.Field("Exchange", $"copied from AD attribute {property.ExchangeAdAttribute} by DS2MB");
        if (property.AllowedOn.Count > 0)
            writer.Field("Allowed on", string.Join(", ", property.AllowedOn.Take(8)) + (property.AllowedOn.Count > 8 ? $", … ({property.AllowedOn.Count} key types)" : ""));
    }

    /// <summary>
    /// Right after a keystroke, the hover on a key's name (which lists its parent, children and inherited values) from
    /// the keys now (<see cref="IncrementalState.KeysNow"/>) instead of the whole parse of the new version; false when
    /// the offset is not on a key's name or the state keeps no earlier whole parse.
    /// </summary>
    public static bool TryKeyName(IncrementalState state, int offset, bool markdown, out HoverResult? hover)
    {
        hover = null;
        if (state.KeysNow is not { } model || model.FindKeyAt(offset) is not { } key) return false;
        var name = model.Place(key, key.Element.NameSpan);
        if (!name.ContainsOrTouches(offset)) return false;
        hover = new HoverResult(name, DescribeKey(model, state.Catalog, key, new HoverWriter(markdown)));
        return true;
    }

    private static string DescribeKey(MetabaseModel model, MetabaseCatalog catalog, MetabaseKey key, HoverWriter writer)
    {
        var keyType = catalog.FindKeyType(key.KeyType);
        writer.Title(key.KeyType);
        if (keyType == null)
        {
            var closest = catalog.SuggestKeyTypeNames(key.KeyType, 1);
            writer.Line("Unknown key type." + (closest.Count > 0 ? $" Closest: {writer.Code(closest[0])}." : ""));
        }
        else if (keyType.Description != null) writer.Line(keyType.Description.Text);
        writer.Field("Location", key.Location ?? "(missing)");
        if (key.ParentLocation != null)
        {
            bool exists = model.FindByLocation(key.ParentLocation).Count > 0;
            writer.Field("Parent", key.ParentLocation + (exists ? "" : " (no key at this Location in the file)"));
        }
        var children = model.GetChildren(key);
        writer.Field("Children", children.Count == 0 ? "none"
            : children.Count.ToString(CultureInfo.InvariantCulture) + ": " + string.Join(", ", children.Take(ChildrenShown).Select(c => c.Location))
              + (children.Count > ChildrenShown ? ", …" : ""));
        writer.Field("Properties", (key.Properties.Count + key.CustomProperties.Count).ToString(CultureInfo.InvariantCulture));
        // What the key really runs with beyond its own lines: values IIS takes from the keys above.
        var inherited = Editing.EffectiveValues.For(model, key, catalog)
            .Where(v => v.Origin == Editing.ValueOrigin.Inherited)
            .ToList();
        if (inherited.Count > 0)
            writer.Field("Inherited", inherited.Count.ToString(CultureInfo.InvariantCulture) + ": "
                + string.Join(", ", inherited.Take(ChildrenShown).Select(v => $"{v.Name} = {Shorten(v.Value ?? "")} from {v.SourceKey?.Location}"))
                + (inherited.Count > ChildrenShown ? ", …" : ""));
        return writer.ToString();
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";

    private static string DescribeCustom(MetabaseCatalog catalog, CustomProperty custom, HoverWriter writer)
    {
        writer.Title("Custom " + (custom.Name ?? "(no Name)"));
        writer.Line("A property stored by ID: IIS writes <Custom> when a property is not in the schema or has non-schema attributes.");
        if (custom.Name is { } name && name.StartsWith("UnknownName_", StringComparison.Ordinal))
            writer.Line($"{writer.Code(name)} is IIS's placeholder for a property ID it had no name for when it wrote the file.");
        if (custom.Id is { } id)
        {
            writer.Field("ID", FormatId(id));
            if (catalog.FindPropertyById(id) is { } known)
                writer.Field("Schema property with this ID", known.Name + (known.Description is { } d ? $": {d.Text}" : ""));
        }
        else writer.Field("ID", custom.IdText is null ? "(missing)" : $"{custom.IdText} (not a number)");
        if (custom.Type != null) writer.Field("Type", custom.Type);
        if (custom.UserType != null) writer.Field("User type", custom.UserType);
        if (custom.Attributes != null) writer.Field("Attributes", custom.Attributes);
        return writer.ToString();
    }

    /// <summary>Decimal and hex, as mdutil prints IDs: <c>36998 (0x9086)</c>.</summary>
    internal static string FormatId(int id) => string.Create(CultureInfo.InvariantCulture, $"{id} (0x{id:X})");

    internal static string TypeName(PropertyType type) => type switch
    {
        PropertyType.Unknown => "unknown",
        _ => type.ToString().ToUpperInvariant(),
    };
}

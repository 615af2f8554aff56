using System.Globalization;
using SmtpLsp.Metabase.Syntax;

namespace SmtpLsp.Metabase.Model;

/// <summary>
/// A &lt;Custom&gt; child of a key: a property IIS stores by ID (not in the schema, or with non-schema attributes).
/// Each attribute is exposed as its node (for spans) and its decoded text; attribute names are case-sensitive.
/// </summary>
public sealed class CustomProperty
{
    internal CustomProperty(MetabaseKey key, ElementNode element)
    {
        Key = key;
        Element = element;
        NameAttribute = element.GetAttribute("Name");
        IdAttribute = element.GetAttribute("ID");
        ValueAttribute = element.GetAttribute("Value");
        TypeAttribute = element.GetAttribute("Type");
        UserTypeAttribute = element.GetAttribute("UserType");
        AttributesAttribute = element.GetAttribute("Attributes");
    }

    public MetabaseKey Key { get; }

    public ElementNode Element { get; }

    public AttributeNode? NameAttribute { get; }
    public AttributeNode? IdAttribute { get; }
    public AttributeNode? ValueAttribute { get; }
    public AttributeNode? TypeAttribute { get; }
    public AttributeNode? UserTypeAttribute { get; }
    public AttributeNode? AttributesAttribute { get; }

    public string? Name => NameAttribute?.Value;
    public string? IdText => IdAttribute?.Value;
    public string? Value => ValueAttribute?.Value;
    public string? Type => TypeAttribute?.Value;
    public string? UserType => UserTypeAttribute?.Value;
    public string? Attributes => AttributesAttribute?.Value;

    /// <summary>The ID as a number, or null when missing or not a non-negative decimal integer.</summary>
    public int? Id =>
        IdText is { } text && int.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            ? id
            : null;

    public override string ToString() => $"Custom {Name} ({IdText})";
}

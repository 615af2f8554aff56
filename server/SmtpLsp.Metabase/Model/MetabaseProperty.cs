using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Model;

/// <summary>A schema-style property of a key: one attribute of its start tag (anything but Location).</summary>
public sealed class MetabaseProperty
{
    internal MetabaseProperty(MetabaseKey key, AttributeNode attribute)
    {
        Key = key;
        Attribute = attribute;
    }

    public MetabaseKey Key { get; }

    public AttributeNode Attribute { get; }

    public string Name => Attribute.Name;

    public TextSpan NameSpan => Attribute.NameSpan;

    /// <summary>Between the quotes, raw (MULTISZ newlines and tabs included).</summary>
    public TextSpan ValueSpan => Attribute.ValueSpan;

    public string RawText => Attribute.RawValue;

    /// <summary>The entity-decoded value.</summary>
    public string Value => Attribute.Value;

    public override string ToString() => $"{Name}={RawText}";
}

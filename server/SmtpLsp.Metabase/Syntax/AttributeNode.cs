using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// An attribute of a start tag. Only offsets are stored; <see cref="RawValue"/> and <see cref="Value"/> are cut from
/// the text on demand so a large file keeps no copies of its values.
/// </summary>
public sealed class AttributeNode
{
    internal AttributeNode(ElementNode element, string name, int nameStart)
    {
        Element = element;
        Name = name;
        _nameStart = nameStart;
        _end = nameStart + name.Length;
    }

    private readonly int _nameStart;
    internal int EqualsPos = -1;
    internal int ValueStart = -1;
    internal int ValueLength;
    internal int _end;
    internal char QuoteChar;
    internal bool ValueTerminated;

    public ElementNode Element { get; }

    public string Name { get; }

    public TextSpan NameSpan => new(_nameStart, Name.Length);

    /// <summary>From the name through the closing quote (or where recovery stopped).</summary>
    public TextSpan Span => TextSpan.FromBounds(_nameStart, _end);

    public TextSpan? EqualsSpan => EqualsPos < 0 ? null : new TextSpan(EqualsPos, 1);

    public bool HasValue => ValueStart >= 0;

    /// <summary>'"' or '\'' for quoted values, '\0' when there is no value or it is unquoted.</summary>
    public char Quote => QuoteChar;

    /// <summary>True when the value has its closing quote (or is an unquoted value); false without a value.</summary>
    public bool IsValueTerminated => ValueTerminated;

    /// <summary>The raw value between the quotes; for a value without a value, an empty span just after the name (or "=").</summary>
    public TextSpan ValueSpan => ValueStart >= 0 ? new TextSpan(ValueStart, ValueLength) : new TextSpan(_end, 0);

    /// <summary>The value as written, newlines and tabs included.</summary>
    public string RawValue => ValueStart >= 0 ? Element.Tree.Text.Substring(ValueStart, ValueLength) : string.Empty;

    /// <summary>The value with the five XML entities and character references decoded; unknown ones kept verbatim.</summary>
    public string Value => ValueStart >= 0
        ? EntityDecoder.Decode(Element.Tree.Text.AsSpan(ValueStart, ValueLength))
        : string.Empty;

    public override string ToString() => $"{Name}={QuoteChar}{RawValue}{QuoteChar} {Span}";
}

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
    }

    // Kept to four ints so an attribute is 48 bytes: large files hold hundreds of thousands of them.
    private const uint LengthMask = (1u << 29) - 1;
    private const int QuoteShift = 29;
    private const uint TerminatedBit = 1u << 31;

    private readonly int _nameStart;
    internal int EqualsPos = -1;
    internal int ValueStart = -1;
    // Value length (29 bits: values past 512M chars are cut, far beyond any editor buffer), quote kind (2 bits), terminated (1 bit).
    private uint _lengthQuoteTerminated;

    internal int ValueLength
    {
        get => (int)(_lengthQuoteTerminated & LengthMask);
        set => _lengthQuoteTerminated = (_lengthQuoteTerminated & ~LengthMask) | ((uint)value & LengthMask);
    }

    internal char QuoteChar
    {
        get => ((_lengthQuoteTerminated >> QuoteShift) & 3) switch { 1 => '"', 2 => '\'', _ => '\0' };
        set
        {
            uint kind = value == '"' ? 1u : value == '\'' ? 2u : 0u;
            _lengthQuoteTerminated = (_lengthQuoteTerminated & ~(3u << QuoteShift)) | (kind << QuoteShift);
        }
    }

    internal bool ValueTerminated
    {
        get => (_lengthQuoteTerminated & TerminatedBit) != 0;
        set => _lengthQuoteTerminated = value ? _lengthQuoteTerminated | TerminatedBit : _lengthQuoteTerminated & ~TerminatedBit;
    }

    private int End =>
        ValueStart >= 0 ? ValueStart + ValueLength + (ValueTerminated && QuoteChar != '\0' ? 1 : 0)
        : EqualsPos >= 0 ? EqualsPos + 1
        : _nameStart + Name.Length;

    public ElementNode Element { get; }

    public string Name { get; }

    public TextSpan NameSpan => new(_nameStart, Name.Length);

    /// <summary>From the name through the closing quote (or where recovery stopped).</summary>
    public TextSpan Span => TextSpan.FromBounds(_nameStart, End);

    public TextSpan? EqualsSpan => EqualsPos < 0 ? null : new TextSpan(EqualsPos, 1);

    public bool HasValue => ValueStart >= 0;

    /// <summary>'"' or '\'' for quoted values, '\0' when there is no value or it is unquoted.</summary>
    public char Quote => QuoteChar;

    /// <summary>True when the value has its closing quote (or is an unquoted value); false without a value.</summary>
    public bool IsValueTerminated => ValueTerminated;

    /// <summary>The raw value between the quotes; for a value without a value, an empty span just after the name (or "=").</summary>
    public TextSpan ValueSpan => ValueStart >= 0 ? new TextSpan(ValueStart, ValueLength) : new TextSpan(End, 0);

    /// <summary>The value as written, newlines and tabs included.</summary>
    public string RawValue => ValueStart >= 0 ? Element.Tree.Text.Substring(ValueStart, ValueLength) : string.Empty;

    /// <summary>The raw value as a slice of the text: what analysis reads, so checking a value cuts no string.</summary>
    internal ReadOnlySpan<char> RawValueSpan =>
        ValueStart >= 0 ? Element.Tree.Text.AsSpan(ValueStart, ValueLength) : ReadOnlySpan<char>.Empty;

    /// <summary>The value with the five XML entities and character references decoded; unknown ones kept verbatim.</summary>
    public string Value => ValueStart >= 0
        ? EntityDecoder.Decode(Element.Tree.Text.AsSpan(ValueStart, ValueLength))
        : string.Empty;

    public override string ToString() => $"{Name}={QuoteChar}{RawValue}{QuoteChar} {Span}";
}

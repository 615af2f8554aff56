using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// An attribute of a start tag. The tree keeps attributes as offsets in one table; this object is made on first
/// access to <see cref="ElementNode.Attributes"/> and then kept, so a caller always gets the same instance.
/// <see cref="RawValue"/> and <see cref="Value"/> are cut from the text on demand.
/// </summary>
public sealed class AttributeNode
{
    private readonly int _index;

    internal AttributeNode(ElementNode element, int index)
    {
        Element = element;
        _index = index;
    }

    internal AttributeView View => new(Element.Tree, _index);

    public ElementNode Element { get; }

    public string Name => View.Name;

    public TextSpan NameSpan => View.NameSpan;

    /// <summary>From the name through the closing quote (or where recovery stopped).</summary>
    public TextSpan Span => View.Span;

    public TextSpan? EqualsSpan => View.EqualsSpan;

    public bool HasValue => View.HasValue;

    /// <summary>'"' or '\'' for quoted values, '\0' when there is no value or it is unquoted.</summary>
    public char Quote => View.Quote;

    /// <summary>True when the value has its closing quote (or is an unquoted value); false without a value.</summary>
    public bool IsValueTerminated => View.IsValueTerminated;

    /// <summary>The raw value between the quotes; for a value without a value, an empty span just after the name (or "=").</summary>
    public TextSpan ValueSpan => View.ValueSpan;

    /// <summary>The raw value as a slice of the text: what analysis reads, so checking a value cuts no string.</summary>
    internal ReadOnlySpan<char> RawValueSpan => View.RawValueSpan;

    /// <summary>The value as written, newlines and tabs included.</summary>
    public string RawValue => View.RawValue;

    /// <summary>The value with the five XML entities and character references decoded; unknown ones kept verbatim.</summary>
    public string Value => View.Value;

    public override string ToString() => $"{Name}={Quote}{RawValue}{Quote} {Span}";
}

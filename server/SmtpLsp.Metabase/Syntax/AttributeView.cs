using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// An attribute read straight from the tree's table, with the members of <see cref="AttributeNode"/>: what analysis
/// uses so that checking a million attributes creates no object per attribute.
/// </summary>
internal readonly struct AttributeView
{
    private readonly SyntaxTree _tree;
    private readonly int _index;

    public AttributeView(SyntaxTree tree, int index)
    {
        _tree = tree;
        _index = index;
    }

    private ref readonly AttributeData Data => ref _tree.AttributeTable[_index];

    public SyntaxTree Tree => _tree;

    /// <summary>The name's number in its tree: the same for every attribute with this name.</summary>
    public int NameId => Data.NameId;

    public string Name => _tree.NameById[Data.NameId];

    public TextSpan NameSpan => new(Data.NameStart, Name.Length);

    public TextSpan Span => TextSpan.FromBounds(Data.NameStart, End);

    public TextSpan? EqualsSpan => Data.HasEquals ? new TextSpan(Data.EqualsBefore(_tree.Text), 1) : null;

    public bool HasValue => Data.ValueStart >= 0;

    public char Quote => Data.QuoteChar;

    public bool IsValueTerminated => Data.ValueTerminated;

    public TextSpan ValueSpan => Data.ValueStart >= 0 ? new TextSpan(Data.ValueStart, Data.ValueLength) : new TextSpan(End, 0);

    /// <summary>The raw value as a slice of the text, so checking a value cuts no string.</summary>
    public ReadOnlySpan<char> RawValueSpan
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Data.ValueStart >= 0 ? _tree.Text.AsSpan(Data.ValueStart, Data.ValueLength) : ReadOnlySpan<char>.Empty;
    }

    public string RawValue => Data.ValueStart >= 0 ? _tree.Text.Substring(Data.ValueStart, Data.ValueLength) : string.Empty;

    public string Value => Data.ValueStart >= 0 ? EntityDecoder.Decode(RawValueSpan) : string.Empty;

    /// <summary>
    /// The value as an XML reader hands it to IIS (character references such as &amp;#55; decoded): the slice of the
    /// text itself when it holds no '&amp;', as nearly every value does.
    /// </summary>
    public ReadOnlySpan<char> DecodedValueSpan
    {
        get
        {
            var raw = RawValueSpan;
            return raw.IndexOf('&') < 0 ? raw : EntityDecoder.Decode(raw);
        }
    }

    private int End => Data.End(Name.Length);
}

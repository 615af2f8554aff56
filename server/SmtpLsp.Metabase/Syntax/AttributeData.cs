using System.Runtime.CompilerServices;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// One attribute as the tree stores it: 16 bytes in one array per tree (<see cref="SyntaxTree.AttributeTable"/>)
/// instead of an object per attribute; <see cref="AttributeNode"/> objects are made from it only when asked for.
/// The '=' is not stored once a value is: only whitespace separates it from the value (or its quote), so
/// <see cref="AttributeView"/> finds it by stepping back over that whitespace. The parser sets these a million times
/// on a large file: the setters are marked for inlining, which the ahead-of-time compiler did not do on its own.
/// </summary>
internal struct AttributeData
{
    private const uint LengthMask = (1u << 29) - 1;
    private const int QuoteShift = 29;
    private const uint TerminatedBit = 1u << 31;
    private const int None = -1;

    /// <summary>Index of the interned name in <see cref="SyntaxTree.NameById"/>.</summary>
    public int NameId;
    public int NameStart;
    // The value's start when there is a value (>= 0); -1 for a bare name; -2 - EqualsPos for a name and '=' alone.
    private int _valueStartOrEquals;
    // Value length (29 bits: values past 512M chars are cut, far beyond any editor buffer), quote kind (2 bits), terminated (1 bit).
    private uint _lengthQuoteTerminated;

    public AttributeData(int nameId, int nameStart)
    {
        NameId = nameId;
        NameStart = nameStart;
        _valueStartOrEquals = None;
        _lengthQuoteTerminated = 0;
    }

    /// <summary>
    /// The '=' position while the attribute has no value (-1 when it has none either). Once a value is set, read it
    /// with <see cref="EqualsBefore"/>, which needs the text. Set before the value, as the parser reads them.
    /// </summary>
    public int EqualsPos
    {
        readonly get => _valueStartOrEquals <= -2 ? -2 - _valueStartOrEquals : None;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            if (_valueStartOrEquals < 0) _valueStartOrEquals = value < 0 ? None : -2 - value;
        }
    }

    /// <summary>True when an '=' was read: stored, or implied by a value.</summary>
    public readonly bool HasEquals => _valueStartOrEquals != None;

    public int ValueStart
    {
        readonly get => _valueStartOrEquals >= 0 ? _valueStartOrEquals : None;
        set => _valueStartOrEquals = value;
    }

    public int ValueLength
    {
        readonly get => (int)(_lengthQuoteTerminated & LengthMask);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _lengthQuoteTerminated = (_lengthQuoteTerminated & ~LengthMask) | ((uint)value & LengthMask);
    }

    public char QuoteChar
    {
        readonly get => ((_lengthQuoteTerminated >> QuoteShift) & 3) switch { 1 => '"', 2 => '\'', _ => '\0' };
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            uint kind = value == '"' ? 1u : value == '\'' ? 2u : 0u;
            _lengthQuoteTerminated = (_lengthQuoteTerminated & ~(3u << QuoteShift)) | (kind << QuoteShift);
        }
    }

    public bool ValueTerminated
    {
        readonly get => (_lengthQuoteTerminated & TerminatedBit) != 0;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _lengthQuoteTerminated = value ? _lengthQuoteTerminated | TerminatedBit : _lengthQuoteTerminated & ~TerminatedBit;
    }

    /// <summary>
    /// The '=' position, or -1. With a value, the parser skipped only whitespace (space, tab, CR, LF) from the '=' to
    /// the value or its opening quote, so the '=' is the first other character before that.
    /// </summary>
    public readonly int EqualsBefore(string text)
    {
        if (ValueStart < 0) return EqualsPos;
        int p = ValueStart - (QuoteChar != '\0' ? 1 : 0) - 1;
        while (p >= 0 && text[p] is ' ' or '\t' or '\r' or '\n') p--;
        return p;
    }

    /// <summary>From the name through the closing quote (or where recovery stopped).</summary>
    public readonly int End(int nameLength) =>
        ValueStart >= 0 ? ValueStart + ValueLength + (ValueTerminated && QuoteChar != '\0' ? 1 : 0)
        : EqualsPos >= 0 ? EqualsPos + 1
        : NameStart + nameLength;
}

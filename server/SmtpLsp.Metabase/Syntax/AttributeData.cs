namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// One attribute as the tree stores it: 20 bytes in one array per tree (<see cref="SyntaxTree.AttributeTable"/>)
/// instead of an object per attribute; <see cref="AttributeNode"/> objects are made from it only when asked for.
/// </summary>
internal struct AttributeData
{
    private const uint LengthMask = (1u << 29) - 1;
    private const int QuoteShift = 29;
    private const uint TerminatedBit = 1u << 31;

    /// <summary>Index of the interned name in <see cref="SyntaxTree.NameById"/>.</summary>
    public int NameId;
    public int NameStart;
    public int EqualsPos;
    public int ValueStart;
    // Value length (29 bits: values past 512M chars are cut, far beyond any editor buffer), quote kind (2 bits), terminated (1 bit).
    private uint _lengthQuoteTerminated;

    public AttributeData(int nameId, int nameStart)
    {
        NameId = nameId;
        NameStart = nameStart;
        EqualsPos = -1;
        ValueStart = -1;
        _lengthQuoteTerminated = 0;
    }

    public int ValueLength
    {
        readonly get => (int)(_lengthQuoteTerminated & LengthMask);
        set => _lengthQuoteTerminated = (_lengthQuoteTerminated & ~LengthMask) | ((uint)value & LengthMask);
    }

    public char QuoteChar
    {
        readonly get => ((_lengthQuoteTerminated >> QuoteShift) & 3) switch { 1 => '"', 2 => '\'', _ => '\0' };
        set
        {
            uint kind = value == '"' ? 1u : value == '\'' ? 2u : 0u;
            _lengthQuoteTerminated = (_lengthQuoteTerminated & ~(3u << QuoteShift)) | (kind << QuoteShift);
        }
    }

    public bool ValueTerminated
    {
        readonly get => (_lengthQuoteTerminated & TerminatedBit) != 0;
        set => _lengthQuoteTerminated = value ? _lengthQuoteTerminated | TerminatedBit : _lengthQuoteTerminated & ~TerminatedBit;
    }

    /// <summary>From the name through the closing quote (or where recovery stopped).</summary>
    public readonly int End(int nameLength) =>
        ValueStart >= 0 ? ValueStart + ValueLength + (ValueTerminated && QuoteChar != '\0' ? 1 : 0)
        : EqualsPos >= 0 ? EqualsPos + 1
        : NameStart + nameLength;
}

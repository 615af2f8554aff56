namespace SmtpLsp.Metabase.Syntax;

/// <summary>Kinds of the lossless token stream; every character of a document belongs to exactly one token.</summary>
public enum SyntaxKind : byte
{
    Bom,
    Whitespace,
    /// <summary>Non-whitespace text between markup (stray in a metabase, kept verbatim).</summary>
    Text,
    CData,
    Comment,
    ProcessingInstruction,
    Doctype,
    /// <summary>"&lt;" opening a start tag.</summary>
    LessThan,
    /// <summary>"&lt;/" opening an end tag.</summary>
    LessThanSlash,
    Name,
    Equals,
    /// <summary>A quoted value including its quotes (or up to where recovery stopped), or an unquoted value.</summary>
    AttributeValue,
    GreaterThan,
    SlashGreaterThan,
    /// <summary>Anything unrecognised inside markup.</summary>
    Unknown,
}

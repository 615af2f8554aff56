namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// What a parsed text is: a whole document, or part of one parsed alone as it parses in place, where the next key's
/// start tag follows it (the incremental analysis parses keys and the text between keys so). There, keys still open
/// at the end end before that next key, and a line break at the end is followed by its '&lt;'.
/// </summary>
internal enum TextKind
{
    Document,

    /// <summary>One or more keys (a slot): the top-level elements are keys, as the children of &lt;MBProperty&gt; are.</summary>
    KeysBeforeAKey,

    /// <summary>Text inside &lt;configuration&gt;&lt;MBProperty&gt; (the text between two keys, wrapped in them), which stay open.</summary>
    SectionBeforeAKey,
}

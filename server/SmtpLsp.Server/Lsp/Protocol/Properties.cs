namespace SmtpLsp.Server.Lsp.Protocol;

// smtpLsp/effectiveProperties and smtpLsp/setPropertyValue, exactly as docs/protocol.md describes them.

public sealed record EffectivePropertiesParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public string? Location { get; init; }
    // Instead of a Location: the key whose element holds this position (the commands at the cursor).
    public Position? Position { get; init; }
}

public sealed record EffectivePropertiesResult
{
    /// <summary>The document version the sheet was read from: what a client sends back with an edit chosen on it.</summary>
    public int Version { get; init; }
    public string Location { get; init; } = "";
    public string KeyType { get; init; } = "";
    public Range Range { get; init; }
    public Range SelectionRange { get; init; }
    public IReadOnlyList<EffectiveProperty> Properties { get; init; } = [];
}

public static class PropertyOrigin
{
    public const string Here = "here";
    public const string Inherited = "inherited";
    public const string Default = "default";
}

public sealed record EffectiveProperty
{
    public string Name { get; init; } = "";
    public int? Id { get; init; }
    public string Type { get; init; } = "";
    public string? Value { get; init; }
    public string Origin { get; init; } = PropertyOrigin.Default;
    public string? InheritedFrom { get; init; }
    public Range? Range { get; init; }
    public string? Description { get; init; }
    public PropertyFlags? Flags { get; init; }
}

public sealed record PropertyFlags
{
    /// <summary>"numeric" (written as a decimal number) or "symbolic" (written <c>A | B</c>).</summary>
    public string Kind { get; init; } = "numeric";
    public uint? Number { get; init; }
    public uint? Default { get; init; }
    public IReadOnlyList<PropertyFlagItem> Items { get; init; } = [];
}

public sealed record PropertyFlagItem
{
    public string Name { get; init; } = "";
    public uint Value { get; init; }
    public bool Set { get; init; }
    public bool Undocumented { get; init; }
}

public sealed record SetPropertyValueParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public VersionedTextDocumentIdentifier TextDocument { get; init; } = new();
    public string Location { get; init; } = "";
    public string Property { get; init; } = "";
    public string Value { get; init; } = "";
}

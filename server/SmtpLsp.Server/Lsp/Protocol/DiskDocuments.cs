namespace SmtpLsp.Server.Lsp.Protocol;

// smtpLsp/openFromDisk, as docs/protocol.md describes it.

public sealed record OpenFromDiskParams : IDocumentRequest
{
    string? IDocumentRequest.DocumentUri => TextDocument?.Uri;
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}

public sealed record OpenFromDiskResult
{
    public string Uri { get; init; } = "";
    /// <summary>The version the server gave the text it read (one more at each read).</summary>
    public int Version { get; init; }
    /// <summary>False when the editor already syncs the document: its text wins, nothing was read.</summary>
    public bool ReadFromDisk { get; init; }
    public bool IsMetabase { get; init; }
    /// <summary>UTF-16 characters of the text, as editors count them.</summary>
    public int Length { get; init; }
}

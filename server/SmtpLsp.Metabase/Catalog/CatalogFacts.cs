namespace SmtpLsp.Metabase.Catalog;

/// <summary>A label for one value of an enumerated DWORD, or a documented known value.</summary>
public sealed record EnumValueInfo(uint Value, string Label, string Source, string Confidence);

/// <summary>The value a fresh install writes when it differs from the schema default.</summary>
public sealed record InstalledDefaultInfo(string Value, string? Note, string Source, string Confidence);

/// <summary>A sourced statement (description, advice) with its confidence: high, medium or low.</summary>
public sealed record SourcedText(string Text, string Source, string Confidence);

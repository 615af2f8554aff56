using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Server.Cli;

/// <summary>The catalog for `get`/`set`: the built-in one, or a user's MBSchema.xml given with --schema.</summary>
internal static class CliCatalog
{
    public static MetabaseCatalog? Load(string? schemaPath, TextWriter stderr)
    {
        if (schemaPath == null) return MetabaseCatalog.Embedded;
        var result = MetabaseCatalog.LoadSchemaFile(schemaPath);
        if (result.Catalog != null) return result.Catalog;
        foreach (var error in result.Errors.Take(5))
            stderr.WriteLine($"smtplsp: {schemaPath}:{error.Line}:{error.Column}: {error.Message}");
        return null;
    }

    public static string UnknownPropertyMessage(MetabaseCatalog catalog, string name)
    {
        if (catalog.FindPropertyIgnoreCase(name) is { } caseOnly)
            return $"unknown property '{name}': MetaBase.xml is case-sensitive, did you mean {caseOnly.Name}?";
        var suggestions = catalog.SuggestPropertyNames(name, 3);
        return $"unknown property '{name}'" + (suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions)}?)" : "");
    }
}

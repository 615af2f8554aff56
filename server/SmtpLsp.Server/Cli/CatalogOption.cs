using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Server.Cli;

/// <summary>`--schema PATH`: the user's own MBSchema.xml, or the embedded IIS 6 catalog when absent.</summary>
internal static class CatalogOption
{
    /// <summary>Null (after printing the schema's errors) when the user's schema cannot be used.</summary>
    public static MetabaseCatalog? Load(string? schemaPath, TextWriter stderr)
    {
        if (schemaPath == null) return MetabaseCatalog.Embedded;
        var result = MetabaseCatalog.LoadSchemaFile(schemaPath);
        foreach (var error in result.Errors)
            stderr.WriteLine(error.Line > 0
                ? $"{schemaPath}:{error.Line}:{error.Column}: error: {error.Message}"
                : $"{schemaPath}: error: {error.Message}");
        if (result.Catalog == null) stderr.WriteLine($"smtplsp: cannot use the schema {schemaPath}");
        return result.Catalog;
    }

    /// <summary>For get/set, where the file is case-sensitive: says when only the case is wrong.</summary>
    public static string UnknownPropertyMessage(MetabaseCatalog catalog, string name)
    {
        if (catalog.FindPropertyIgnoreCase(name) is { } caseOnly)
            return $"unknown property '{name}': MetaBase.xml is case-sensitive, did you mean {caseOnly.Name}?";
        var suggestions = catalog.SuggestPropertyNames(name, 3);
        return $"unknown property '{name}'" + (suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions)}?)" : "");
    }

    /// <summary>A property by name: exact case first, then any case (the command line is forgiving).</summary>
    public static PropertyInfo FindProperty(MetabaseCatalog catalog, string name, string help)
    {
        var property = catalog.FindProperty(name) ?? catalog.FindPropertyIgnoreCase(name);
        if (property != null) return property;
        var suggestions = catalog.SuggestPropertyNames(name);
        throw new UsageException(
            $"unknown property '{name}'" + (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : ""),
            help);
    }
}

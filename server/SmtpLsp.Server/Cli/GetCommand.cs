using System.Globalization;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Server.Cli;

/// <summary>`smtplsp get`: effective values of a key with where each comes from, like adsutil.vbs GET / ENUM.</summary>
public static class GetCommand
{
    public const string Help = """
        smtplsp get FILE LOCATION [PROPERTY] [--all] [--schema PATH]

        Prints the effective value of PROPERTY at the key LOCATION, or of every property set on the key or
        inherited by it (--all adds those that only have a default), one per line:
          PROPERTY : (TYPE) VALUE   [set here | inherited from /LM/SmtpSvc | default]
        Bitmasks also show the flag or verb names.

        Exit: 0 ok, 1 no key at LOCATION, 2 usage error, unknown property, or unreadable file.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CommandLineArgs.Parse(args, Help, ["--schema"], ["--all"]);
        if (parsed.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (parsed.Positional.Count is < 2 or > 3) throw new UsageException("get needs FILE and LOCATION, and optionally PROPERTY", Help);
        string path = parsed.Positional[0], location = parsed.Positional[1];
        string? propertyName = parsed.Positional.Count == 3 ? parsed.Positional[2] : null;

        if (CatalogOption.Load(parsed.Get("--schema"), stderr) is not { } catalog) return CliApp.Usage;
        MetabaseFile file;
        try
        {
            file = InputFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"smtplsp: cannot read '{path}': {e.Message}");
            return CliApp.Usage;
        }
        var tree = SyntaxTree.Parse(file.Text);
        int errors = tree.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0) stderr.WriteLine($"smtplsp: warning: '{path}' has {errors} syntax error(s); values may be incomplete");
        var model = MetabaseModel.Build(tree);
        var keys = model.FindByLocation(location);
        if (keys.Count == 0)
        {
            stderr.WriteLine($"smtplsp: no key with Location \"{location}\" in '{path}'");
            return CliApp.Findings;
        }
        var key = keys[0];
        if (keys.Count > 1) stderr.WriteLine($"smtplsp: warning: Location \"{location}\" appears {keys.Count} times; showing the first");

        if (propertyName != null)
        {
            if (propertyName == "Location") { stdout.WriteLine($"Location : (STRING) \"{key.Location}\"   [set here]"); return CliApp.Ok; }
            var value = EffectiveValues.Get(model, key, propertyName, catalog);
            if (value.Info == null && value.Origin == ValueOrigin.None)
                throw new UsageException(CatalogOption.UnknownPropertyMessage(catalog, propertyName), Help);
            stdout.WriteLine(FormatLine(value, catalog, propertyName.Length));
            return CliApp.Ok;
        }

        var all = EffectiveValues.For(model, key, catalog)
            .Where(v => parsed.Has("--all") || v.Origin is ValueOrigin.SetHere or ValueOrigin.Inherited)
            .ToList();
        stdout.WriteLine($"[{key.Location}]  ({key.KeyType})");
        int width = all.Count == 0 ? 0 : all.Max(v => v.Name.Length);
        foreach (var value in all) stdout.WriteLine(FormatLine(value, catalog, width));
        return CliApp.Ok;
    }

    public static string FormatLine(EffectiveValue value, MetabaseCatalog catalog, int nameWidth)
    {
        var info = value.Info;
        string type = info != null ? ValueInput.TypeName(info.Type) : "UNKNOWN";
        string shown = value.Value == null ? "(not set)" : ShowValue(info, value.Value);
        string origin = value.Origin switch
        {
            ValueOrigin.SetHere => "set here",
            ValueOrigin.Inherited => $"inherited from {value.SourceKey?.Location}",
            ValueOrigin.SchemaDefault => "default",
            _ => "no default",
        };
        return $"{value.Name.PadRight(nameWidth)} : ({type}) {shown}   [{origin}]{Decoded(info, value.Value)}";
    }

    /// <summary>
    /// A value on one line, as `get` and `set` print it: a MULTISZ as its items quoted, and a control character (a
    /// TAB or line break from a character reference) as <U+XXXX>, so a script reading the output line by line gets one line.
    /// </summary>
    internal static string ShowValue(PropertyInfo? info, string value) => info?.Type switch
    {
        PropertyType.Dword or PropertyType.Bool => VisibleText.Of(value),
        PropertyType.MultiSz => string.Join(" ", MultiSzValue.Split(value).Select(i => $"\"{VisibleText.Of(i.Text)}\"")),
        _ => $"\"{VisibleText.Of(value)}\"",
    };

    /// <summary>For a bitmask: "  = NAME | NAME" plus any bits without a public name.</summary>
    private static string Decoded(PropertyInfo? info, string? raw)
    {
        if (info?.Flags is not { } table || raw == null) return "";
        if (FlagCodec.ResolveValue(info, raw).Value is not { } value) return "";
        var decoding = FlagCodec.Decode(table, value, info.DefaultNumber);
        var parts = new List<string>();
        if (decoding.Set.Count > 0) parts.Add(string.Join(" | ", decoding.Set.Select(f => f.Name)));
        if (decoding.UndocumentedDefaultBits != 0) parts.Add($"undocumented 0x{decoding.UndocumentedDefaultBits.ToString("X", CultureInfo.InvariantCulture)}");
        if (decoding.UnknownBits != 0) parts.Add($"unknown 0x{decoding.UnknownBits.ToString("X", CultureInfo.InvariantCulture)}");
        if (table.Kind == FlagTableKind.Symbolic && raw.Length > 0 && raw[0] is not ((>= '0' and <= '9') or '-'))
            parts.Insert(0, value.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "  = (none)" : "  = " + string.Join(", ", parts);
    }
}

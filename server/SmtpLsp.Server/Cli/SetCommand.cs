using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Server.Cli;

/// <summary>
/// `smtplsp set`: the adsutil.vbs SET of a file. Changes only the property's value (or adds its line), keeps the
/// encoding, BOM and line endings, and replaces the file atomically.
/// </summary>
public static class SetCommand
{
    public const string Help = """
        smtplsp set FILE LOCATION PROPERTY VALUE... [options]
        smtplsp set FILE LOCATION PROPERTY (--enable NAME... | --disable NAME...) [options]

        Sets PROPERTY on the key at LOCATION, changing only that value's text (or adding the property in IIS's
        place when the key lacks it). A MULTISZ takes one VALUE per item. --enable/--disable turn flags or ESMTP
        verbs on or off, starting from the key's effective value. Keys are never created.

        Options:
          --dry-run      print a unified diff, write nothing
          --no-backup    do not keep the original as FILE.bak
          --force        edit even though the file has syntax errors, the key type does not allow PROPERTY,
                         or the number is outside the schema's range or sets bits no flag names
          --schema PATH  use this MBSchema.xml instead of the built-in catalog

        Exit: 0 written (or nothing to change), 1 the edit failed (missing key, syntax errors, write error),
        2 usage error, unknown property/flag, bad value, or unreadable file.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (rest, enable, disable) = TakeFlagLists(args);
        var parsed = CommandLineArgs.Parse(rest, Help, ["--schema"], ["--dry-run", "--no-backup", "--force"]);
        if (parsed.HelpRequested) { stdout.WriteLine(Help); return CliApp.Ok; }
        if (parsed.Positional.Count < 3) throw new UsageException("set needs FILE, LOCATION and PROPERTY", Help);
        string path = parsed.Positional[0], location = parsed.Positional[1], propertyName = parsed.Positional[2];
        var values = parsed.Positional.Skip(3).ToList();
        bool flagMode = enable.Count + disable.Count > 0;
        if (flagMode && values.Count > 0) throw new UsageException("give either a VALUE or --enable/--disable, not both", Help);
        if (!flagMode && values.Count == 0) throw new UsageException($"set needs a VALUE (or --enable/--disable) for {propertyName}", Help);
        bool force = parsed.Has("--force");

        if (CatalogOption.Load(parsed.Get("--schema"), stderr) is not { } catalog) return CliApp.Usage;
        if (propertyName == "Location") throw new UsageException("Location is the key's path, not a property; keys are not renamed", Help);
        var info = catalog.FindProperty(propertyName);
        if (info == null) throw new UsageException(CatalogOption.UnknownPropertyMessage(catalog, propertyName), Help);
        if (info.IsSecure)
            return Fail(stderr, CliApp.Usage, $"{info.Name} is SECURE: IIS stores it encrypted with the machine's session key, so it cannot be set as text");
        if (flagMode && info.Flags == null)
            return Fail(stderr, CliApp.Usage, $"{info.Name} has no flag or verb table; give a VALUE instead of --enable/--disable");
        if (flagMode)
        {
            foreach (var name in enable.Concat(disable))
                if (info.Flags!.Find(name) == null) return Fail(stderr, CliApp.Usage, ValueInput.UnknownFlagMessage(info, name));
        }

        byte[] originalBytes;
        FileStamp stamp;
        string text;
        FileEncodingKind encoding;
        try
        {
            Files.SpecialFiles.ThrowIfUnreadable(path, streams: false); // set replaces the file: a stream has none to replace
            originalBytes = MetabaseFile.ReadBytes(path);
            stamp = FileStamp.Of(path, originalBytes);
            (encoding, text) = MetabaseFile.Decode(originalBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            return Fail(stderr, CliApp.Usage, $"cannot read '{path}': {e.Message}");
        }

        var tree = SyntaxTree.Parse(text);
        var syntaxErrors = tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (syntaxErrors.Count > 0 && !force)
        {
            var first = new LineIndex(text).GetPosition(syntaxErrors[0].Span.Start);
            return Fail(stderr, CliApp.Findings,
                $"'{path}' has {syntaxErrors.Count} syntax error(s), first at {first.Line + 1}:{first.Character + 1}: {syntaxErrors[0].Message}; nothing written (fix them, or use --force)");
        }

        var model = MetabaseModel.Build(tree);
        var keys = model.FindByLocation(location);
        if (keys.Count == 0)
            return Fail(stderr, CliApp.Findings, $"no key with Location \"{location}\" in '{path}'; set does not create keys");
        if (keys.Count > 1)
            return Fail(stderr, CliApp.Findings, $"Location \"{location}\" appears {keys.Count} times in '{path}'; fix the duplicate first");
        var key = keys[0];
        if (catalog.FindKeyType(key.KeyType) is { } keyType && !keyType.AllowsProperty(info.Name) && !force)
            return Fail(stderr, CliApp.Usage, $"{info.Name} is not allowed on {key.KeyType} keys (use --force to write it anyway)");

        string newLine = AttributeText.NewLineNear(text, key.Element.Span.Start);
        var existing = key.GetProperty(info.Name);
        var existingCustom = existing == null ? key.CustomProperties.FirstOrDefault(c => c.Name == info.Name && c.ValueAttribute != null) : null;
        string newValue;
        if (flagMode)
        {
            var effective = EffectiveValues.Get(model, key, info.Name, catalog);
            string baseText = effective.Value ?? "0";
            var resolved = FlagCodec.ResolveValue(info, baseText);
            if (resolved.Value is not { } current)
                return Fail(stderr, CliApp.Findings, $"the current value of {info.Name} (\"{baseText}\", {Origin(effective)}) cannot be read; set a VALUE instead");
            foreach (var name in enable) current = FlagCodec.WithFlag(current, info.Flags!.Find(name)!, true);
            foreach (var name in disable) current = FlagCodec.WithFlag(current, info.Flags!.Find(name)!, false);
            string? currentText = existing?.Value ?? existingCustom?.Value;
            bool asNumber = currentText != null ? ValueEdits.IsNumericForm(info.Flags, currentText) : info.Flags!.Kind == FlagTableKind.Numeric;
            newValue = ValueEdits.FormatFlags(info, current, asNumber);
        }
        else
        {
            var input = ValueInput.Parse(info, values, newLine, checkRange: !force);
            if (!input.Succeeded) return Fail(stderr, CliApp.Usage, input.Error!);
            newValue = input.Text!;
        }

        string? oldValue = existing?.Value ?? existingCustom?.Value;
        if (oldValue == newValue)
        {
            stdout.WriteLine($"{info.Name} at {key.Location} is already {newValue}; nothing written");
            return CliApp.Ok;
        }
        if (ValueEdits.SetOrAddProperty(key, info.Name, newValue) is not { } edit)
            return Fail(stderr, CliApp.Findings, $"cannot edit {info.Name} at {key.Location} safely (its value or tag is not closed); nothing written");
        if (parsed.Has("--dry-run"))
        {
            stdout.Write(UnifiedDiff.Create(text, TextEdit.Apply(text, [edit]), path, path));
            return CliApp.Ok;
        }
        try
        {
            var newBytes = MetabaseFile.Splice(originalBytes, encoding, text, edit.Span, edit.NewText);
            AtomicFileWriter.Replace(path, originalBytes, newBytes, stamp, keepBackup: !parsed.Has("--no-backup"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, CliApp.Findings, $"cannot write '{path}': {e.Message.TrimEnd('.')}; the file is unchanged");
        }
        stdout.WriteLine(oldValue != null
            ? $"{info.Name} at {key.Location}: {GetCommand.ShowValue(info, oldValue)} -> {GetCommand.ShowValue(info, newValue)}"
            : $"{info.Name} at {key.Location}: added {GetCommand.ShowValue(info, newValue)}");
        return CliApp.Ok;
    }

    private static string Origin(EffectiveValue value) => value.Origin switch
    {
        ValueOrigin.SetHere => "set here",
        ValueOrigin.Inherited => $"inherited from {value.SourceKey?.Location}",
        ValueOrigin.SchemaDefault => "default",
        _ => "not set",
    };

    /// <summary>Pulls out `--enable A B` / `--disable C` lists (names run until the next option).</summary>
    private static (string[] Others, List<string> Enable, List<string> Disable) TakeFlagLists(string[] args)
    {
        var rest = new List<string>();
        var enable = new List<string>();
        var disable = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--enable" or "--disable")) { rest.Add(args[i]); continue; }
            var target = args[i] == "--enable" ? enable : disable;
            int before = target.Count;
            while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                foreach (var name in args[++i].Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    target.Add(name);
            }
            if (target.Count == before) throw new UsageException($"{args[i]} needs at least one flag or verb name", Help);
        }
        return (rest.ToArray(), enable, disable);
    }

    private static int Fail(TextWriter stderr, int code, string message)
    {
        stderr.WriteLine($"smtplsp: {message}");
        return code;
    }
}

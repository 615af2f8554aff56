using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Editing;

/// <summary>The edit that stores a value (or why it cannot be made). Exactly one of the two is set.</summary>
public sealed record PropertyUpdateResult(TextEdit? Edit, string? Error);

/// <summary>Sets one property of one key from text a user typed (a property sheet), in the form the file uses.</summary>
public static class PropertyUpdate
{
    public static PropertyUpdateResult Plan(MetabaseModel model, MetabaseCatalog catalog, string location, string property, string value)
    {
        var keys = model.FindByLocation(location ?? "");
        if (keys.Count == 0) return Fail($"no key with Location \"{location}\"");
        var key = keys[0];
        if (catalog.FindProperty(property ?? "") is not { } info) return Fail($"unknown property '{property}'");
        string text = model.Tree.Text;
        string newLine = AttributeText.NewLineNear(text, key.Element.Span.Start);
        // A MULTISZ arrives as one text with an item per line.
        IReadOnlyList<string> values = info.Type == PropertyType.MultiSz
            ? (value ?? "").Replace("\r\n", "\n").Split('\n')
            : [value ?? ""];
        var input = ValueInput.Parse(info, values, newLine);
        if (!input.Succeeded) return Fail(input.Error!);
        string newValue = input.Text!;
        // A symbolic flag value already written as a number stays a number.
        string? current = key.GetProperty(info.Name)?.Value
            ?? key.CustomProperties.FirstOrDefault(c => c.Name == info.Name && c.ValueAttribute != null)?.Value;
        if (info.Flags is { Kind: FlagTableKind.Symbolic } && current != null && ValueEdits.IsNumericForm(info.Flags, current)
            && Values.FlagCodec.ResolveValue(info, newValue).Value is { } number)
            newValue = ValueEdits.FormatFlags(info, number, asNumber: true);
        if (ValueEdits.SetOrAddProperty(key, info.Name, newValue) is not { } edit)
            return Fail($"cannot edit {info.Name} at {key.Location} safely (its value or tag is not closed)");
        return new PropertyUpdateResult(edit, null);
    }

    private static PropertyUpdateResult Fail(string error) => new(null, error);
}

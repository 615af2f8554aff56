using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;

namespace SmtpLsp.Metabase.Editing;

/// <summary>The edit that stores a value (or why it cannot be made). Exactly one of the two is set.</summary>
public sealed record PropertyUpdateResult(TextEdit? Edit, string? Error);

/// <summary>Sets one property of one key from text a user typed (a property sheet), in the form the file uses.</summary>
public static class PropertyUpdate
{
    public static PropertyUpdateResult Plan(MetabaseModel model, MetabaseCatalog catalog, string location, string property, string value)
    {
        var (key, count) = model.CountByLocation(location ?? "");
        if (key is null) return Fail($"no key with Location \"{location}\"");
        // Which of the keys the user meant cannot be told; as `smtplsp set` does, refuse rather than edit the first.
        if (count > 1) return Fail($"Location \"{key.Location}\" appears {count} times; fix the duplicate (MB2003) first");
        if (catalog.FindProperty(property ?? "") is not { } info) return Fail($"unknown property '{property}'");
        // The key's own text: in a model of the keys now, a key edited since lives in a tree of its slot alone.
        string text = key.Element.Tree.Text;
        string newLine = AttributeText.NewLineNear(text, key.Element.Span.Start);
        // A MULTISZ arrives as one text with an item per line.
        IReadOnlyList<string> values = info.Type == PropertyType.MultiSz
            ? (value ?? "").Replace("\r\n", "\n").Split('\n')
            : [value ?? ""];
        string? current = key.GetProperty(info.Name)?.Value
            ?? key.CustomProperties.FirstOrDefault(c => c.Name == info.Name && c.ValueAttribute != null)?.Value;
        // A box ticked on the sheet sends the whole value: bits no flag names that the value has already (set here or
        // inherited, as the sheet shows it and as `set --enable` starts from) stay allowed.
        uint kept = info.Flags != null && EffectiveValues.Get(model, key, info.Name, catalog).Value is { } effective
            && Values.FlagCodec.ResolveValue(info, effective).Value is { } was ? info.UnknownFlagBits(was) : 0;
        var input = ValueInput.Parse(info, values, newLine, keptBits: kept);
        if (!input.Succeeded) return Fail(input.Error!);
        string newValue = input.Text!;
        // A symbolic flag value already written as a number stays a number.
        if (info.Flags is { Kind: FlagTableKind.Symbolic } && current != null && ValueEdits.IsNumericForm(info.Flags, current)
            && Values.FlagCodec.ResolveValue(info, newValue).Value is { } number)
            newValue = ValueEdits.FormatFlags(info, number, asNumber: true);
        if (ValueEdits.SetOrAddProperty(key, info.Name, newValue) is not { } edit)
            return Fail($"cannot edit {info.Name} at {key.Location} safely (its value or tag is not closed)");
        return new PropertyUpdateResult(edit with { Span = model.Place(key, edit.Span) }, null);
    }

    /// <summary>
    /// The same on a version reached by keystrokes, without its whole parse (see <see cref="Features.PropertySheet.TryFor"/>).
    /// False when the state keeps no earlier whole parse, or when the key's element has no line break after its
    /// attributes: the line break an added line copies is then the one after the element, outside the key's own text.
    /// </summary>
    public static bool TryPlan(IncrementalState state, string location, string property, string value, out PropertyUpdateResult? result)
    {
        result = null;
        if (state.KeysNow is not { } model) return false;
        if (model.CountByLocation(location ?? "").First is { } key && !HasLineBreakAfterAttributes(key)) return false;
        result = Plan(model, state.Catalog, location ?? "", property, value);
        return true;
    }

    private static bool HasLineBreakAfterAttributes(MetabaseKey key)
    {
        var element = key.Element;
        int after = element.Attributes.Count > 0 ? element.Attributes[^1].Span.End : element.NameSpan.End;
        return element.Tree.Text.AsSpan(after, element.Span.End - after).IndexOfAny('\r', '\n') >= 0;
    }

    private static PropertyUpdateResult Fail(string error) => new(null, error);
}

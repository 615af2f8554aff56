using System.Globalization;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Features;

/// <summary>
/// Completion for key types after '&lt;', properties in a key's start tag, and values (flags, verbs, BOOL, enums,
/// &lt;Custom&gt; attributes). Works on half-typed text; nothing inside comments.
/// </summary>
public static class CompletionService
{
    private static readonly string[] CustomAttributeNames = ["Name", "ID", "Value", "Type", "UserType", "Attributes"];
    private static readonly string[] CustomTypes = ["DWORD", "STRING", "BINARY", "EXPANDSZ", "MULTISZ"];
    private static readonly string[] CustomUserTypes = ["IIS_MD_UT_SERVER", "IIS_MD_UT_FILE", "IIS_MD_UT_WAM", "ASP_MD_UT_APP"];
    private static readonly string[] CustomAttributeFlags =
        ["NO_ATTRIBUTES", "INHERIT", "SECURE", "REFERENCE", "VOLATILE", "ISINHERITED", "INSERT_PATH_STRING", "LOCAL_MACHINE_ONLY"];

    public static CompletionResult GetCompletions(MetabaseDocument doc, int offset, CompletionOptions? options = null)
    {
        options ??= new CompletionOptions();
        var text = doc.Text;
        if (offset < 0 || offset > text.Length || IsInsideComment(doc, offset)) return CompletionResult.Empty(Math.Clamp(offset, 0, text.Length));

        int wordStart = offset;
        while (wordStart > 0 && IsNameChar(text[wordStart - 1])) wordStart--;
        if (wordStart > 0 && text[wordStart - 1] == '<')
        {
            int wordEnd = offset;
            while (wordEnd < text.Length && IsNameChar(text[wordEnd])) wordEnd++;
            return ElementNames(doc, wordStart - 1, TextSpan.FromBounds(wordStart, wordEnd), options);
        }

        var element = doc.Tree.FindElementAt(offset);
        if (element == null || !IsInStartTag(element, offset)) return CompletionResult.Empty(offset);
        bool isCustom = element.Name == "Custom";
        var keyType = isCustom ? null : doc.Catalog.FindKeyType(element.Name);
        if (!isCustom && (keyType == null || doc.Model.FindKeyAt(offset)?.Element != element)) return CompletionResult.Empty(offset);

        var attribute = doc.Tree.FindAttributeAt(offset);
        if (attribute != null && IsInValue(attribute, offset))
            return isCustom ? CustomValues(doc, attribute, offset, options) : PropertyValues(doc, attribute, offset);

        TextSpan replace;
        bool hasEquals = false;
        AttributeNode? editing = null;
        if (attribute != null && attribute.NameSpan.ContainsOrTouches(offset))
        {
            replace = attribute.NameSpan;
            hasEquals = attribute.EqualsSpan != null;
            editing = attribute;
        }
        else if (offset > element.NameSpan.End && char.IsWhiteSpace(text[offset - 1])) replace = new TextSpan(offset, 0);
        else return CompletionResult.Empty(offset);

        var present = element.Attributes.Where(a => a != editing).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        string typed = text.Substring(replace.Start, offset - replace.Start);
        // Typed right after a value's closing quote: XML wants whitespace between the two attributes.
        string space = text[replace.Start - 1] is '"' or '\'' ? " " : "";
        return isCustom
            ? CustomAttributeNameItems(replace, present, hasEquals, options, space)
            : PropertyNames(doc.Catalog, keyType!, replace, typed, present, hasEquals, options, space);
    }

    private static CompletionResult ElementNames(MetabaseDocument doc, int lessThan, TextSpan replace, CompletionOptions options)
    {
        var typing = doc.Tree.FindElementAt(lessThan);
        var container = typing != null && typing.Span.Start == lessThan ? typing.Parent : typing;
        // A snippet only where nothing follows the name yet; on an existing tag just rename.
        bool bare = typing == null || typing.Span.Start != lessThan || (typing.Attributes.Count == 0 && !typing.IsStartTagClosed);
        bool snippets = options.Snippets && bare;
        var custom = new CompletionItem("Custom", CompletionItemKind.Snippet,
            snippets ? "Custom\n\t\tName=\"$1\"\n\t\tID=\"$2\"\n\t\tValue=\"$3\"\n\t\tType=\"${4:DWORD}\"\n\t\tUserType=\"${5:IIS_MD_UT_SERVER}\"\n\t\tAttributes=\"${6:INHERIT}\"\n\t/>" : "Custom")
        {
            IsSnippet = snippets,
            Detail = "A property stored by ID",
            SortText = "0",
        };

        if (container != null && container.Name != "MBProperty" && doc.Model.FindKeyAt(container.NameSpan.Start)?.Element == container)
            return new CompletionResult(replace, [custom]);
        if (container?.Name != "MBProperty") return CompletionResult.Empty(replace.Start);
        // A name typed after '<' inside a key ends that key where it starts (keys never nest): it is most likely the
        // key's Custom element, offered first; the key types stay, for a key above being typed without its end tag yet.
        bool inKey = typing != null && typing.Span.Start == lessThan && KeyEndedAt(container, typing);

        // The key above the cursor: its allowed child types go first and its Location seeds the new one.
        ElementNode? previous = null;
        foreach (var sibling in container.Children)
        {
            if (sibling.Span.End <= lessThan && sibling != typing) previous = sibling;
        }
        var previousType = previous == null ? null : doc.Catalog.FindKeyType(previous.Name);
        string? previousLocation = previous?.GetAttribute("Location")?.Value;
        string locationSeed = previousLocation == null ? "" : previousLocation.TrimEnd('/') + "/";

        var items = new List<CompletionItem>();
        foreach (var keyType in doc.Catalog.KeyTypes)
        {
            if (keyType.IsHidden) continue;
            bool ranked = previousType?.AllowsChild(keyType.Name) == true;
            string insert = snippets
                ? $"{keyType.Name}\tLocation =\"${{1:{EscapeSnippet(locationSeed)}}}\"$0\n\t>\n</{keyType.Name}>"
                : keyType.Name;
            items.Add(new CompletionItem(keyType.Name, CompletionItemKind.KeyType, insert)
            {
                IsSnippet = snippets,
                Detail = ranked ? $"key type (child of {previousType!.Name})" : "key type",
                Documentation = keyType.Description?.Text,
                SortText = (ranked ? "0_" : "1_") + keyType.Name,
            });
        }
        if (inKey) items.Insert(0, custom);
        return new CompletionResult(replace, items);
    }

    /// <summary>True when the parser ended the key before <paramref name="typing"/> there, without its end tag.</summary>
    private static bool KeyEndedAt(ElementNode section, ElementNode typing)
    {
        var keys = section.Children;
        for (int i = 1; i < keys.Count; i++)
        {
            if (keys[i] != typing) continue;
            var above = keys[i - 1];
            return above.EndTagSpan == null && above.IsStartTagClosed && !above.IsSelfClosing && above.Span.End == typing.Span.Start;
        }
        return false;
    }

    private static CompletionResult PropertyNames(MetabaseCatalog catalog, KeyTypeInfo keyType, TextSpan replace, string typed,
        HashSet<string> present, bool hasEquals, CompletionOptions options, string space)
    {
        var items = new List<CompletionItem>();
        bool capped = false;
        foreach (var name in keyType.KeyAttributes.Concat(keyType.AllowedProperties))
        {
            if (present.Contains(name)) continue;
            if (typed.Length > 0 && name.IndexOf(typed, StringComparison.OrdinalIgnoreCase) < 0) continue;
            if (items.Count >= options.MaxItems) { capped = true; break; }
            var property = catalog.FindProperty(name);
            // The schema default: written out, it changes nothing IIS reads (an installed default may, see EffectiveValues).
            // A default of several MULTISZ items is left to type: a snippet has no line break of the file's own.
            string defaultText = property?.SchemaDefault is { } d && !d.Contains('\n') ? d : "";
            bool snippet = options.Snippets && !hasEquals;
            items.Add(new CompletionItem(name, CompletionItemKind.Property,
                space + (snippet ? $"{name}=\"${{1:{EscapeSnippet(defaultText)}}}\"" : name))
            {
                IsSnippet = snippet,
                Detail = property == null ? "the key's Location" : $"{HoverService.TypeName(property.Type)}" + (defaultText.Length > 0 ? $" = {defaultText}" : ""),
                Documentation = property?.Description?.Text,
                SortText = name == "Location" ? "0_Location" : "1_" + name,
            });
        }
        return new CompletionResult(replace, items, capped);
    }

    private static CompletionResult PropertyValues(MetabaseDocument doc, AttributeNode attribute, int offset)
    {
        var property = doc.Catalog.FindProperty(attribute.Name);
        if (property == null) return CompletionResult.Empty(offset);
        var text = doc.Text;
        var whole = WholeValueSpan(text, attribute, offset);
        string current = text.Substring(whole.Start, whole.Length);
        string typed = text.Substring(whole.Start, offset - whole.Start);

        if (property.Flags is { Kind: FlagTableKind.Symbolic } symbolic && !(current.Length > 0 && char.IsDigit(current[0])))
            return FlagNames(text, whole, offset, symbolic.Flags.Select(f => (f.Name, (string?)ValueReport.FormatNumber(f.Value))), StringComparison.Ordinal);

        var items = new List<CompletionItem>();
        if (property.Flags is { Kind: FlagTableKind.Numeric } verbs)
        {
            uint baseValue = DwordValue.TryParse(current, false, out var parsed, out _) ? parsed : property.DefaultNumber ?? 0;
            if (property.DefaultNumber is { } d)
                items.Add(WholeValue($"default {d}", d.ToString(CultureInfo.InvariantCulture), "the IIS default", typed, "0"));
            foreach (var verb in verbs.Flags)
            {
                bool on = (baseValue & verb.Value) == verb.Value;
                uint next = FlagCodec.WithFlag(baseValue, verb, !on);
                string nextText = next.ToString(CultureInfo.InvariantCulture);
                items.Add(WholeValue($"{(on ? "disable" : "enable")} {verb.Name}", nextText,
                    $"{baseValue} with {verb.Name} {(on ? "disabled" : "enabled")} = {nextText}", typed, "1_" + verb.Name));
            }
        }
        else if (property.Type == PropertyType.Bool)
        {
            items.Add(WholeValue("TRUE", "TRUE", null, typed, "0"));
            items.Add(WholeValue("FALSE", "FALSE", null, typed, "1"));
        }
        else
        {
            var values = property.EnumValues.Count > 0 ? property.EnumValues : property.KnownValues;
            foreach (var value in values)
            {
                string number = value.Value.ToString(CultureInfo.InvariantCulture);
                items.Add(WholeValue(number, number, value.Label, typed, value.Value.ToString("D10", CultureInfo.InvariantCulture)));
            }
        }
        return new CompletionResult(whole, items);
    }

    private static CompletionItem WholeValue(string label, string insert, string? detail, string typed, string sort) =>
        new(label, CompletionItemKind.Value, insert)
        {
            Detail = detail,
            SortText = sort,
            // The client filters by the text it will replace (the old value); keep every item visible.
            FilterText = typed.Length == 0 ? null : typed + " " + label,
        };

    /// <summary>Names for the item under the cursor in <c>A | B</c>, without the names already there.</summary>
    private static CompletionResult FlagNames(string text, TextSpan whole, int offset, IEnumerable<(string Name, string? Detail)> names, StringComparison comparison)
    {
        var raw = text.Substring(whole.Start, whole.Length);
        int relative = offset - whole.Start;
        int start = relative, end = relative;
        while (start > 0 && IsNameChar(raw[start - 1])) start--;
        while (end < raw.Length && IsNameChar(raw[end])) end++;
        var present = FlagCodec.ParseSymbolic(raw).Tokens
            .Where(t => !(t.Span.Start <= relative && relative <= t.Span.End))
            .Select(t => t.Text)
            .ToList();
        var items = new List<CompletionItem>();
        foreach (var (name, detail) in names)
        {
            if (present.Contains(name, StringComparer.FromComparison(comparison))) continue;
            items.Add(new CompletionItem(name, CompletionItemKind.FlagName, name) { Detail = detail, SortText = items.Count.ToString("D4", CultureInfo.InvariantCulture) });
        }
        return new CompletionResult(TextSpan.FromBounds(whole.Start + start, whole.Start + end), items);
    }

    private static CompletionResult CustomAttributeNameItems(TextSpan replace, HashSet<string> present, bool hasEquals, CompletionOptions options, string space)
    {
        var items = new List<CompletionItem>();
        for (int i = 0; i < CustomAttributeNames.Length; i++)
        {
            var name = CustomAttributeNames[i];
            if (present.Contains(name)) continue;
            bool snippet = options.Snippets && !hasEquals;
            items.Add(new CompletionItem(name, CompletionItemKind.Attribute, space + (snippet ? $"{name}=\"$1\"" : name))
            {
                IsSnippet = snippet,
                SortText = i.ToString(CultureInfo.InvariantCulture),
            });
        }
        return new CompletionResult(replace, items);
    }

    private static CompletionResult CustomValues(MetabaseDocument doc, AttributeNode attribute, int offset, CompletionOptions options)
    {
        var text = doc.Text;
        var whole = WholeValueSpan(text, attribute, offset);
        string typed = text.Substring(whole.Start, offset - whole.Start);
        switch (attribute.Name)
        {
            case "Type":
                return new CompletionResult(whole, CustomTypes.Select((t, i) => WholeValue(t, t, null, typed, i.ToString(CultureInfo.InvariantCulture))).ToList());
            case "UserType":
                return new CompletionResult(whole, CustomUserTypes.Select((t, i) => WholeValue(t, t, null, typed, i.ToString(CultureInfo.InvariantCulture))).ToList());
            case "Attributes":
                return FlagNames(text, whole, offset, CustomAttributeFlags.Select(f => (f, (string?)null)), StringComparison.Ordinal);
            case "Name":
            {
                var items = new List<CompletionItem>();
                bool capped = false;
                foreach (var property in doc.Catalog.Properties)
                {
                    if (typed.Length > 0 && !property.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
                    if (items.Count >= options.MaxItems) { capped = true; break; }
                    items.Add(new CompletionItem(property.Name, CompletionItemKind.Property, property.Name)
                    {
                        Detail = $"ID {HoverService.FormatId(property.Id)}, {HoverService.TypeName(property.Type)}",
                        Documentation = property.Description?.Text,
                    });
                }
                return new CompletionResult(whole, items, capped);
            }
            case "ID":
            {
                var name = attribute.Element.GetAttribute("Name")?.Value;
                if (name == null || doc.Catalog.FindProperty(name) is not { } property) return CompletionResult.Empty(offset);
                string id = property.Id.ToString(CultureInfo.InvariantCulture);
                return new CompletionResult(whole, [WholeValue(id, id, $"the ID of {property.Name}", typed, "0")]);
            }
            default:
                return CompletionResult.Empty(offset);
        }
    }

    /// <summary>The value between the quotes; for an unclosed value only up to the end of the word at the cursor.</summary>
    private static TextSpan WholeValueSpan(string text, AttributeNode attribute, int offset)
    {
        var span = attribute.ValueSpan;
        if (attribute.IsValueTerminated) return span;
        int end = offset;
        while (end < span.End && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or '<' or '/')) end++;
        return TextSpan.FromBounds(span.Start, end);
    }

    private static bool IsInStartTag(ElementNode element, int offset)
    {
        var tag = element.StartTagSpan;
        if (offset < element.NameSpan.End || offset > tag.End) return false;
        if (!element.IsStartTagClosed) return true;
        int closeLength = element.IsSelfClosing ? 2 : 1;
        return offset <= tag.End - closeLength;
    }

    private static bool IsInValue(AttributeNode attribute, int offset)
    {
        if (!attribute.HasValue || attribute.Quote == '\0') return false;
        var span = attribute.ValueSpan;
        return offset >= span.Start && offset <= span.End;
    }

    private static bool IsInsideComment(MetabaseDocument doc, int offset)
    {
        if (offset < 4) return false;
        var text = doc.Text;
        // Searching back to the start of the text made every completion scan the whole file; a comment cannot
        // straddle an element's tags, so it must start after the nearest element that ends before the offset.
        int floor = CommentSearchFloor(doc.Tree, offset);
        if (offset - floor < 4) return false;
        int open = text.LastIndexOf("<!--", offset - 1, offset - floor, StringComparison.Ordinal);
        if (open < 0) return false;
        int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
        return close < 0 || close + 3 > offset;
    }

    private static int CommentSearchFloor(SyntaxTree tree, int offset)
    {
        var element = tree.FindElementAt(offset);
        var siblings = element?.Children ?? tree.Document.Elements;
        int floor = element?.Span.Start ?? 0;
        int lo = 0, hi = siblings.Count - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (siblings[mid].Span.Start < offset) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (last >= 0 && siblings[last].Span.End <= offset) floor = Math.Max(floor, siblings[last].Span.End);
        return floor;
    }

    private static string EscapeSnippet(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':';
}

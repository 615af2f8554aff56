using System.Text.Json;
using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Tests.Catalog;

public class OverlayTests
{
    private static readonly string[] Confidences = ["high", "medium", "low"];

    [Fact]
    public void Overlay_EveryFact_HasSourceAndConfidence()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Overlay));
        var problems = new List<string>();
        Walk(json.RootElement, "$", problems);
        Assert.Empty(problems);
    }

    // Any object carrying a fact (a text, a label, an AD attribute, a verb, an installed default) must say where it comes from.
    private static void Walk(JsonElement e, string path, List<string> problems)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", problems);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        bool isFact = e.TryGetProperty("text", out _) || e.TryGetProperty("label", out _) || e.TryGetProperty("adAttribute", out _)
            || e.TryGetProperty("ehloLines", out _) || path.EndsWith(".installedDefault", StringComparison.Ordinal);
        if (isFact)
        {
            if (!e.TryGetProperty("source", out var s) || string.IsNullOrWhiteSpace(s.GetString())) problems.Add(path + ": no source");
            if (!e.TryGetProperty("confidence", out var c) || !Confidences.Contains(c.GetString())) problems.Add(path + ": bad confidence");
        }
        foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}.{p.Name}", problems);
    }

    [Fact]
    public void Overlay_ReferencesOnlyExistingPropertiesAndKeyTypes()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Overlay));
        var catalog = MetabaseCatalog.Embedded;
        var unknownProperties = json.RootElement.GetProperty("properties").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!)
            .Concat(json.RootElement.GetProperty("exchange").GetProperty("signals").EnumerateArray()
                .SelectMany(s => s.TryGetProperty("values", out var v) ? v.EnumerateArray().Select(x => x.GetProperty("property").GetString()!) : []))
            .Where(n => catalog.FindProperty(n) is null)
            .ToList();
        Assert.Empty(unknownProperties);
        var unknownKeyTypes = json.RootElement.GetProperty("keyTypes").EnumerateArray()
            .Select(k => k.GetProperty("name").GetString()!)
            .Where(n => catalog.FindKeyType(n) is null)
            .ToList();
        Assert.Empty(unknownKeyTypes);
    }

    [Fact]
    public void Overlay_VerbTable_OnlyOnPropertiesWithoutSchemaFlags_AndDisjointFromUndocumentedBits()
    {
        foreach (var p in MetabaseCatalog.Embedded.Properties.Where(p => p.Flags?.Kind == FlagTableKind.Numeric))
        {
            Assert.Equal(0u, p.Flags!.DefinedMask & p.Flags.UndocumentedDefaultBits);
            // The default must be fully explained by named + undocumented bits: nothing invented, nothing missing.
            Assert.Equal(p.DefaultNumber, p.Flags.DefinedMask | p.Flags.UndocumentedDefaultBits);
        }
    }
}

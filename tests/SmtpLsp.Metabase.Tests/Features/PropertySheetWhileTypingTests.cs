using CsCheck;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;
using Xunit;

namespace SmtpLsp.Metabase.Tests.Features;

/// <summary>
/// The property sheet and the edit of a click on it, answered after keystrokes from the keys now over the last whole
/// parse (<see cref="PropertySheet.TryFor"/>, <see cref="PropertyUpdate.TryPlan"/>), against the whole parse of each
/// version.
/// </summary>
public class PropertySheetWhileTypingTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    // The sample with keys on one line (no line break of their own to copy when a property is added), with CRLF and
    // with LF line breaks, and a generated metabase.
    private static readonly string WithOneLineKeys = Fixture.ReadSample("MetaBase.xml").Replace(
        "<IIsSmtpVirtualDir",
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/oneline.example\" RelayForAuth=\"1\"/>\r\n" +
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain/bare.example\"/>\r\n<IIsSmtpVirtualDir");
    private static readonly string[] Documents =
        [WithOneLineKeys, WithOneLineKeys.Replace("\r\n", "\n"), LargeMetabaseGenerator.Generate(8_000, seed: 3)];

    private static readonly string[] Values = ["1", "0", "TRUE", "3503297", "AuthBasic | AuthNTLM", "a\nb", "not a number", ""];

    [Fact]
    public void Sheet_RandomKeystrokesAndClicks_SameSheetAndEditsAsWholeParse()
    {
        int sheets = 0, plans = 0, adds = 0, declined = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var state = IncrementalAnalyzer.Create(Documents[(seed & int.MaxValue) % Documents.Length], Catalog);
            for (int step = 0; step < 12; step++)
            {
                // Keystrokes in values and Locations, keys reshaped, pasted or deleted, and clicks on a sheet.
                int kind = random.Next(6);
                var (newText, span) = kind == 0 && LocationEdits.Random(random, state.Text) is { } renamed ? renamed
                    : kind == 1 && LocationEdits.RandomKeyShape(random, state.Text) is { } reshaped ? reshaped
                    : kind == 2 && KeyBlockEdits.Random(random, state.Text) is { } block ? block
                    : kind == 3 && Click(random, state) is { } clicked ? clicked
                    : ValueKeystrokes.Random(random, state.Text, "7", "x", "\r\n\t\t\t");
                state = IncrementalAnalyzer.Update(state, newText, span);
                if (random.Next(8) == 0) _ = state.Document;
                if (state.Earlier == null) continue;

                var whole = MetabaseModel.Build(SyntaxTree.Parse(newText));
                foreach (var location in LocationsToAsk(random, whole, span.Start))
                {
                    Assert.True(PropertySheet.TryFor(state, location, out var sheet));
                    var expected = PropertySheet.For(whole, Catalog, location);
                    Assert.True(Describe(expected) == Describe(sheet), $"seed {seed} step {step} at {location}\nexpected {Describe(expected)}\nactual   {Describe(sheet)}");
                    Interlocked.Increment(ref sheets);

                    if (expected == null) continue;
                    var key = expected.Key;
                    string property = random.Next(2) == 0 && expected.Properties.Count > 0
                        ? expected.Properties[random.Next(expected.Properties.Count)].Effective.Name
                        : NotSetOn(random, key);
                    string value = Values[random.Next(Values.Length)];
                    var plannedWhole = PropertyUpdate.Plan(whole, Catalog, location, property, value);
                    if (!PropertyUpdate.TryPlan(state, location, property, value, out var planned))
                    {
                        Interlocked.Increment(ref declined);
                        continue;
                    }
                    Assert.True(Describe(plannedWhole) == Describe(planned), $"seed {seed} step {step} {property}={value} at {location}\nexpected {Describe(plannedWhole)}\nactual   {Describe(planned)}");
                    Interlocked.Increment(ref plans);
                    if (key.GetProperty(property) == null && planned!.Edit != null) Interlocked.Increment(ref adds);
                }
                Assert.False(state.HasDocument);
            }
        }, iter: 100);
        // Otherwise the test would compare nothing, or never a property added to a key.
        Assert.True(sheets > 600, $"{sheets} sheets compared");
        Assert.True(plans > 300, $"{plans} edits compared");
        Assert.True(adds > 50, $"{adds} properties added");
        Assert.True(declined < plans / 4, $"{declined} edits left to the whole parse ({plans} compared)");
    }

    [Fact]
    public void Sheet_AfterAClickOnIt_ShowsTheNewValueWithoutTheWholeParse()
    {
        var text = Fixture.ReadSample("MetaBase.xml");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("DefaultDomain=", StringComparison.Ordinal);
        // A keystroke first, so the version clicked on has no whole parse of its own.
        state = IncrementalAnalyzer.Update(state, text.Insert(at - 1, " "), new TextSpan(at - 1, 0));

        Assert.True(PropertyUpdate.TryPlan(state, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "3503297", out var click));
        var edit = click!.Edit!.Value;
        var clicked = state.Text.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        state = IncrementalAnalyzer.Update(state, clicked, edit.Span);

        Assert.True(PropertySheet.TryFor(state, "/lm/smtpsvc/1/", out var sheet));
        var row = sheet!.Properties.Single(p => p.Effective.Name == "SmtpInboundCommandSupportOptions");
        Assert.Equal("3503297", row.Effective.Value);
        Assert.False(row.Flags!.Items.Single(f => f.Name == "8BITMIME").Set);
        Assert.Equal("3503297", clicked.Substring(row.Effective.SourceSpan!.Value.Start, row.Effective.SourceSpan.Value.Length));
        Assert.Equal("/LM/SmtpSvc/1", clicked.Substring(sheet.SelectionSpan.Start, sheet.SelectionSpan.Length));
        Assert.False(state.HasDocument);
    }

    [Fact]
    public void TryPlan_KeyOnOneLineEditedSinceTheWholeParse_LeftToTheWholeParse()
    {
        var text = WithOneLineKeys.Replace("\r\n", "\n");
        var state = IncrementalAnalyzer.Create(text, Catalog);
        int at = text.IndexOf("RelayForAuth=\"1\"/>", StringComparison.Ordinal) + "RelayForAuth=\"".Length;
        state = IncrementalAnalyzer.Update(state, text.Remove(at, 1).Insert(at, "0"), new TextSpan(at, 1));

        // The line break an added property copies is the one after the key, which its slot's text does not hold.
        Assert.False(PropertyUpdate.TryPlan(state, "/LM/SmtpSvc/1/Domain/oneline.example", "RouteAction", "16", out _));
        var whole = PropertyUpdate.Plan(MetabaseModel.Build(SyntaxTree.Parse(state.Text)), Catalog, "/LM/SmtpSvc/1/Domain/oneline.example", "RouteAction", "16");
        Assert.StartsWith("\n", whole.Edit!.Value.NewText);
        // Its sheet needs no line break.
        Assert.True(PropertySheet.TryFor(state, "/LM/SmtpSvc/1/Domain/oneline.example", out var sheet));
        Assert.Equal("0", sheet!.Properties.Single(p => p.Effective.Name == "RelayForAuth").Effective.Value);
    }

    /// <summary>A click on the sheet of some key: the edit of one of its values, or of a property it does not set.</summary>
    private static (string Text, TextSpan Span)? Click(Random random, IncrementalState state)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(state.Text));
        if (model.Keys.Count == 0) return null;
        var key = model.Keys[random.Next(model.Keys.Count)];
        if (key.Location is not { } location) return null;
        string property = random.Next(2) == 0 && key.Properties.Count > 0 ? key.Properties[random.Next(key.Properties.Count)].Name : NotSetOn(random, key);
        if (PropertyUpdate.Plan(model, Catalog, location, property, Values[random.Next(Values.Length)]).Edit is not { } edit) return null;
        return (state.Text.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText), edit.Span);
    }

    private static string NotSetOn(Random random, MetabaseKey key)
    {
        var allowed = Catalog.FindKeyType(key.KeyType)?.AllowedProperties.Where(name => name != "Location" && key.GetProperty(name) == null).ToList();
        return allowed is { Count: > 0 } ? allowed[random.Next(allowed.Count)] : "ServerComment";
    }

    /// <summary>The key at the edit and its parent paths, another key, a server, a path nobody has, in odd spellings.</summary>
    private static IEnumerable<string> LocationsToAsk(Random random, MetabaseModel whole, int edited)
    {
        if (whole.FindKeyAt(edited)?.Location is { } here)
        {
            yield return here;
            yield return here.ToUpperInvariant() + "/";
            for (var path = LocationPath.GetParent(here); path != null; path = LocationPath.GetParent(path)) yield return path;
        }
        if (whole.Keys.Count > 0 && whole.Keys[random.Next(whole.Keys.Count)].Location is { } other) yield return other;
        yield return "/LM/SmtpSvc/1";
        yield return "/LM/nowhere";
    }

    private static string Describe(PropertySheetResult? sheet)
    {
        if (sheet == null) return "(none)";
        var sb = new System.Text.StringBuilder($"{sheet.Key.Location} {sheet.Key.KeyType} {sheet.Span} {sheet.SelectionSpan}\n");
        foreach (var row in sheet.Properties)
        {
            var e = row.Effective;
            sb.Append($"{e.Name}={e.Value} {e.Origin} {e.SourceKey?.Location} {e.SourceSpan}");
            if (row.Flags is { } flags) sb.Append($" [{flags.Number} {string.Join(",", flags.Items.Select(f => $"{f.Name}:{f.Set}"))}]");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Describe(PropertyUpdateResult? result) =>
        result == null ? "(declined)" : result.Edit is { } edit ? $"{edit.Span}={edit.NewText.Replace("\r", "\\r").Replace("\n", "\\n")}" : $"error: {result.Error}";
}

using System.Text;
using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Metabase.Values;

namespace SmtpLsp.Metabase.Tests.Editing;

/// <summary>
/// The product promise, checked on random documents built from the sample's keys and properties: an edit made by
/// the tools changes the file only inside the edited value (or the inserted attribute line), byte for byte, in
/// every encoding and line-ending style.
/// </summary>
public class MinimalEditPropertyTests
{
    private static readonly MetabaseCatalog Catalog = MetabaseCatalog.Embedded;

    private sealed record PoolKey(string KeyType, string Location, IReadOnlyList<(string Name, string Raw)> Properties);

    private static readonly IReadOnlyList<PoolKey> Pool = BuildPool();

    private static IReadOnlyList<PoolKey> BuildPool()
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(Fixture.ReadSample("MetaBase.xml")));
        return model.Keys
            .Where(k => k.Location != null)
            .Select(k => new PoolKey(k.KeyType, k.Location!, k.Properties.Select(p => (p.Name, p.RawText)).ToList()))
            .ToList();
    }

    private sealed record Doc(string Text, FileEncodingKind Encoding);

    private static readonly Gen<Doc> DocGen =
        Gen.Select(
            Gen.OneOfConst(FileEncodingKind.Utf8, FileEncodingKind.Utf8Bom, FileEncodingKind.Utf16LeBom, FileEncodingKind.Utf16BeBom),
            Gen.OneOfConst("\r\n", "\n"),
            Gen.OneOfConst("\t\t", "    ", "\t"),
            Gen.Bool.Array[Pool.Count],
            Gen.Bool.Array[Pool.Sum(k => k.Properties.Count)],
            Gen.Bool.Array[Pool.Count])
        .Select((encoding, nl, indent, keepKey, keepProperty, selfClosing) =>
        {
            var sb = new StringBuilder($"<?xml version =\"1.0\"?>{nl}<configuration>{nl}<MBProperty>{nl}");
            int p = 0;
            for (int k = 0; k < Pool.Count; k++)
            {
                var key = Pool[k];
                int first = p;
                p += key.Properties.Count;
                if (!keepKey[k]) continue;
                sb.Append($"<{key.KeyType}\tLocation =\"{key.Location}\"");
                for (int i = 0; i < key.Properties.Count; i++)
                {
                    if (!keepProperty[first + i]) continue;
                    var (name, raw) = key.Properties[i];
                    sb.Append($"{nl}{indent}{name}=\"{raw.Replace("\r\n", "\n").Replace("\n", nl)}\"");
                }
                sb.Append(selfClosing[k] ? $"{nl}\t/>{nl}" : $"{nl}\t>{nl}</{key.KeyType}>{nl}");
            }
            sb.Append($"</MBProperty>{nl}</configuration>{nl}");
            return new Doc(sb.ToString(), encoding);
        });

    private static readonly Gen<string> ValueGen = Gen.String[Gen.Char["abcXYZ019 &<>\"'|\\/.:-"], 0, 12];

    private enum EditKind { SetValue, Flag, AddProperty }

    [Fact]
    public void ToolEdits_RandomDocuments_ChangeOnlyTheEditedBytes()
    {
        Gen.Select(DocGen, Gen.Enum<EditKind>(), Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Bool, ValueGen)
            .Sample((doc, kind, pick1, pick2, on, value) => Check(doc, kind, pick1, pick2, on, value), iter: 600);
    }

    private static void Check(Doc doc, EditKind kind, int pick1, int pick2, bool on, string value)
    {
        var model = MetabaseModel.Build(SyntaxTree.Parse(doc.Text));
        Assert.DoesNotContain(model.Tree.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (model.Keys.Count == 0) return;

        TextEdit edit;
        MetabaseKey key;
        string name;
        Func<string, bool> expectedValue;
        switch (kind)
        {
            case EditKind.SetValue:
            {
                var withProperties = model.Keys.Where(k => k.Properties.Count > 0).ToList();
                if (withProperties.Count == 0) return;
                key = withProperties[pick1 % withProperties.Count];
                var property = key.Properties[pick2 % key.Properties.Count];
                name = property.Name;
                edit = ValueEdits.SetValue(property, value)!.Value;
                Assert.Equal(property.ValueSpan, edit.Span);
                expectedValue = v => v == value;
                break;
            }
            case EditKind.Flag:
            {
                var candidates = model.Keys.SelectMany(k => k.Properties)
                    .Where(p => Catalog.FindProperty(p.Name) is { Flags: not null } info && FlagCodec.ResolveValue(info, p.Value).Value != null)
                    .ToList();
                if (candidates.Count == 0) return;
                var property = candidates[pick1 % candidates.Count];
                var info = Catalog.FindProperty(property.Name)!;
                var flag = info.Flags!.Flags[pick2 % info.Flags.Flags.Count];
                uint expected = FlagCodec.WithFlag(FlagCodec.ResolveValue(info, property.Value).Value!.Value, flag, on);
                key = property.Key;
                name = property.Name;
                edit = ValueEdits.SetFlag(info, property, flag, on)!.Value;
                Assert.Equal(property.ValueSpan, edit.Span);
                bool wasNumeric = ValueEdits.IsNumericForm(info.Flags, property.Value);
                expectedValue = v => FlagCodec.ResolveValue(info, v).Value == expected && ValueEdits.IsNumericForm(info.Flags, v) == wasNumeric;
                break;
            }
            default:
            {
                key = model.Keys[pick1 % model.Keys.Count];
                var target = key;
                var missing = Catalog.FindKeyType(key.KeyType)?.AllowedProperties.Where(n => n != "Location" && target.GetProperty(n) == null).ToList();
                if (missing is not { Count: > 0 }) return;
                name = missing[pick2 % missing.Count];
                edit = ValueEdits.AddProperty(key, name, value)!.Value;
                Assert.Equal(0, edit.Span.Length);
                Assert.Contains($"{name}=\"{AttributeText.Escape(value)}\"", edit.NewText);
                Assert.Equal("", edit.NewText.Replace($"{name}=\"{AttributeText.Escape(value)}\"", "").Trim(' ', '\t', '\r', '\n'));
                expectedValue = v => v == value;
                break;
            }
        }

        string newText = TextEdit.Apply(doc.Text, [edit]);
        CheckBytes(doc, edit, newText);

        var after = MetabaseModel.Build(SyntaxTree.Parse(newText));
        Assert.DoesNotContain(after.Tree.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(model.Keys.Select(k => (k.KeyType, k.Location)), after.Keys.Select(k => (k.KeyType, k.Location)));
        int keyIndex = model.Keys.ToList().IndexOf(key);
        for (int i = 0; i < model.Keys.Count; i++)
        {
            var before = model.Keys[i].Properties.Where(p => i != keyIndex || p.Name != name).Select(p => (p.Name, p.RawText));
            var now = after.Keys[i].Properties.Where(p => i != keyIndex || p.Name != name).Select(p => (p.Name, p.RawText));
            Assert.Equal(before, now);
        }
        var edited = after.Keys[keyIndex].GetProperty(name);
        Assert.NotNull(edited);
        Assert.True(expectedValue(edited!.Value), $"{name} is '{edited.Value}'");
    }

    /// <summary>Encoded, the new file equals the old one outside the edit's bytes, BOM included.</summary>
    private static void CheckBytes(Doc doc, TextEdit edit, string newText)
    {
        byte[] oldBytes = MetabaseFile.Encode(doc.Text, doc.Encoding);
        byte[] newBytes = MetabaseFile.Encode(newText, doc.Encoding);
        int prefix = MetabaseFile.Encode(doc.Text[..edit.Span.Start], doc.Encoding).Length;
        int suffix = MetabaseFile.Encode(doc.Text[edit.Span.End..], doc.Encoding).Length
            - MetabaseFile.Encode("", doc.Encoding).Length;
        int inserted = MetabaseFile.Encode(edit.NewText, doc.Encoding).Length - MetabaseFile.Encode("", doc.Encoding).Length;
        Assert.Equal(prefix + inserted + suffix, newBytes.Length);
        Assert.True(oldBytes.AsSpan(0, prefix).SequenceEqual(newBytes.AsSpan(0, prefix)), "bytes before the edit changed");
        Assert.True(oldBytes.AsSpan(oldBytes.Length - suffix).SequenceEqual(newBytes.AsSpan(newBytes.Length - suffix)), "bytes after the edit changed");
        Assert.Equal((doc.Encoding, newText), MetabaseFile.Decode(newBytes));
    }
}

using System.Text;
using CsCheck;
using SmtpLsp.Metabase.Editing;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Editing;

public class FormatterTests
{
    private static MetabaseModel Parse(string text) => MetabaseModel.Build(SyntaxTree.Parse(text));

    private static string Format(string text) => Formatter.FormatText(text) ?? throw new InvalidOperationException("refused");

    private static string Doc(string keys, string nl = "\r\n") =>
        ("<?xml version =\"1.0\"?>\n<configuration>\n<MBProperty>\n" + keys + "</MBProperty>\n</configuration>\n").Replace("\n", nl);

    [Fact]
    public void Format_IisWrittenSample_NoEdits()
    {
        var model = Parse(Fixture.ReadSample("MetaBase.xml"));
        Assert.Empty(Formatter.FormatDocument(model));
    }

    /// <summary>A request cancelled while a large document is formatted stops within a few hundred keys, not at the end.</summary>
    [Fact]
    public void FormatDocument_Cancelled_StopsWithOperationCanceled()
    {
        var model = Parse(LargeMetabaseGenerator.Generate(300_000, seed: 3));
        Assert.True(model.Keys.Count > 256, $"{model.Keys.Count} keys");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Formatter.FormatDocument(model, ct: cancelled.Token));
        Assert.Empty(Formatter.FormatDocument(model, ct: CancellationToken.None));
    }

    [Fact]
    public void Format_MessyKey_IisLayout()
    {
        var messy = Doc("<IIsSmtpServer  MaxRecipients='10' Location=\"/LM/SmtpSvc/1\"\n   AuthFlags=\"AuthBasic\" LocalDomains=\"a.com\n  b.com\"><Custom Name=\"X\" ID=\"5\"   Value=\"1\"/></IIsSmtpServer>\n<IIsSmtpDomain Location=\"/LM/SmtpSvc/1/Domain\"/>\n");
        var expected = Doc(
            "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" +
            "\t\tAuthFlags=\"AuthBasic\"\n" +
            "\t\tLocalDomains=\"a.com\n\t\t\tb.com\"\n" +
            "\t\tMaxRecipients=\"10\"\n" +
            "\t>\n" +
            "\t<Custom\n\t\tName=\"X\"\n\t\tID=\"5\"\n\t\tValue=\"1\"\n\t/>\n" +
            "</IIsSmtpServer>\n" +
            "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain\"\n" +
            "\t>\n" +
            "</IIsSmtpDomain>\n");
        Assert.Equal(expected, Format(messy));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Format_KeepsDocumentLineEnding(string nl)
    {
        var result = Format(Doc("<IIsSmtpServer Location=\"/a\" B=\"1\" A=\"2\"/>\n", nl));
        Assert.Equal(Doc("<IIsSmtpServer\tLocation =\"/a\"\n\t\tA=\"2\"\n\t\tB=\"1\"\n\t>\n</IIsSmtpServer>\n", nl), result);
    }

    [Fact]
    public void Format_SyntaxErrors_Refused()
    {
        var model = Parse(Doc("<IIsSmtpServer Location=\"/a\" B=\"1></IIsSmtpServer>\n"));
        Assert.Empty(Formatter.FormatDocument(model));
        Assert.Null(Formatter.FormatText(model.Tree.Text));
    }

    [Fact]
    public void Format_OneMessyKey_EditTouchesOnlyThatKey()
    {
        var text = Fixture.ReadSample("MetaBase.xml").Replace("\t\tMaxRecipients=\"100\"\r\n", "  MaxRecipients=\"100\" ");
        var model = Parse(text);
        var key = model.FindByLocation("/LM/SmtpSvc/1")[0];
        var edits = Formatter.FormatDocument(model);
        var edit = Assert.Single(edits);
        Assert.True(edit.Span.Start >= key.Element.Span.Start && edit.Span.End <= key.Element.Span.End);
        Assert.True(edit.Span.Length < 40, $"edit {edit.Span} is not minimal");
        Assert.Equal(Fixture.ReadSample("MetaBase.xml"), TextEdit.Apply(text, edits));
    }

    [Fact]
    public void FormatKey_OnlyThatKey()
    {
        var text = Doc("<IIsObject Location=\"/a\"  B=\"1\"/>\n<IIsObject Location=\"/b\"  B=\"1\"/>\n");
        var model = Parse(text);
        var result = TextEdit.Apply(text, Formatter.FormatKey(model, model.FindByLocation("/b")[0]));
        Assert.Equal(Doc("<IIsObject Location=\"/a\"  B=\"1\"/>\n<IIsObject\tLocation =\"/b\"\n\t\tB=\"1\"\n\t>\n</IIsObject>\n"), result);
    }

    [Fact]
    public void Format_BodyWithComment_StartTagOnlyBodyKept()
    {
        var text = Doc("<IIsObject Location=\"/a\" B=\"1\">\n  <!-- keep me -->\n</IIsObject>\n");
        Assert.Equal(Doc("<IIsObject\tLocation =\"/a\"\n\t\tB=\"1\"\n\t>\n  <!-- keep me -->\n</IIsObject>\n"), Format(text));
    }

    /// <summary>The sample rebuilt with random spacing, attribute order and tag styles formats back to the sample.</summary>
    [Fact]
    public void Format_ScrambledSample_BackToIisTextAndIdempotent()
    {
        string sample = Fixture.ReadSample("MetaBase.xml");
        var model = Parse(sample);
        int prologEnd = sample.IndexOf("<MBProperty>", StringComparison.Ordinal) + "<MBProperty>".Length;
        int epilogStart = sample.IndexOf("</MBProperty>", StringComparison.Ordinal);
        var keys = model.Keys;

        Gen.Select(Gen.OneOfConst("\r\n", "\n"), Gen.Int.Array[200], Gen.OneOfConst(" ", "\t", "\n   ", "  \n\t").Array[400])
            .Sample((nl, order, spaces) =>
            {
                int s = 0;
                string Space() => spaces[s++ % spaces.Length].Replace("\n", nl);
                var sb = new StringBuilder(sample[..prologEnd].Replace("\r\n", nl));
                for (int k = 0; k < keys.Count; k++)
                {
                    var key = keys[k];
                    sb.Append(Space().Trim(' ', '\t').Length == 0 ? nl + nl : nl);
                    var attributes = key.Element.Attributes.OrderBy(a => order[(k * 7 + a.NameSpan.Start) % order.Length]).ToList();
                    sb.Append('<').Append(key.KeyType);
                    foreach (var a in attributes)
                    {
                        string raw = a.RawValue.Replace("\r\n", "\n").Replace("\n\t\t\t", "\n" + (order[k] % 2 == 0 ? " " : "\t")).Replace("\n", nl);
                        sb.Append(Space()).Append(a.Name).Append(order[k] % 3 == 0 ? " = " : "=").Append('"').Append(raw).Append('"');
                    }
                    if (key.CustomProperties.Count == 0 && order[k] % 2 == 0) { sb.Append(Space()).Append("/>"); continue; }
                    sb.Append('>');
                    foreach (var custom in key.CustomProperties)
                    {
                        sb.Append(Space()).Append("<Custom");
                        foreach (var a in custom.Element.Attributes) sb.Append(Space()).Append(a.Name).Append("=\"").Append(a.RawValue).Append('"');
                        sb.Append(Space()).Append("/>");
                    }
                    sb.Append(Space()).Append("</").Append(key.KeyType).Append('>');
                }
                sb.Append(Space()).Append(sample[epilogStart..].Replace("\r\n", nl));
                string scrambled = sb.ToString();
                string formatted = Format(scrambled);
                Assert.Equal(sample.Replace("\r\n", nl), formatted);
                Assert.Empty(Formatter.FormatDocument(Parse(formatted)));
            }, iter: 200);
    }
}

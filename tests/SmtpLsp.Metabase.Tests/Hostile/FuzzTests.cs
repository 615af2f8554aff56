using System.Text;
using CsCheck;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Hostile;

/// <summary>
/// The whole pipeline (scan, model, analysis, hover, completion) on mutated metabases and random bytes: no
/// exception, lossless tokens, every diagnostic inside the text. Case counts, not time, bound the run.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "\"", "'", "=", "=\"", "|", " | ", "&", "&amp;", "&#", "&#x;", "&#x110000;", "&#0;", "&#xD800;",
        "&lt", "&bogus;", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "<!ENTITY b SYSTEM \"file:///etc/passwd\">", "%p;", "&a;",
        "\r\n", "\r", "\n", "\t", " ", "\0", "\uFEFF", "\ud800", "\udc00", "\U0001F600", "\u2028",
        "-1", "4294967295", "4294967296", "99999999999999999999", "0x10", "TRUE", "ture",
        "AuthBasic", "AuthNTML", "Location =\"/LM/SmtpSvc/1\"", "Location=\"\"", "Location=\"/\"", "Location=\"//x//\"",
        "<IIsSmtpServer ", "</IIsSmtpServer>", "<IIsSmtpVirtualDir ", "<IIsConfigObject ", "<Custom Name=\"X\" ID=\"1\" Type=\"WORD\"/>",
        "<Custom ", "<MBProperty>", "</MBProperty>", "<configuration>", "</configuration>",
        "SmtpInboundCommandSupportOptions=\"7697601\"", "SmtpInboundCommandSupportOptions=\"", "AuthFlags=\"", "ServerBindings=\":25:\n\t:587:\"",
    ];

    private static readonly string[] Samples = ["MetaBase.xml", "MetaBase-with-errors.xml"];
    private static readonly string[] SampleTexts = Samples.Select(Fixture.ReadSample).ToArray();

    /// <summary>Every guarantee the core makes about any text, plus features at the given offsets.</summary>
    internal static void CheckPipeline(string text, IReadOnlyList<double> probes)
    {
        var document = MetabaseDocument.Create(text, MetabaseCatalog.Embedded);
        var tree = document.Tree;

        var rebuilt = new StringBuilder(text.Length);
        int expectedStart = 0;
        foreach (var token in tree.Tokens)
        {
            if (token.Start != expectedStart) throw new Xunit.Sdk.XunitException($"token gap or overlap at {expectedStart}");
            rebuilt.Append(text, token.Start, token.Length);
            expectedStart = token.Start + token.Length;
        }
        if (rebuilt.ToString() != text) throw new Xunit.Sdk.XunitException("tokens do not give the text back");
        if (tree.TokenizerRepaired) throw new Xunit.Sdk.XunitException("the token scan had to repair its stream");

        foreach (var d in MetabaseAnalyzer.Analyze(document.Model, document.Catalog))
        {
            AssertInside(text, d.Span, d);
            foreach (var related in d.Related ?? []) AssertInside(text, related.Span, d);
            if (string.IsNullOrEmpty(d.Message)) throw new Xunit.Sdk.XunitException($"{d.Code} without a message");
        }

        foreach (double probe in probes)
        {
            int offset = (int)(probe * text.Length);
            var hover = HoverService.GetHover(document, offset, markdown: probe < 0.5);
            if (hover != null) AssertInside(text, hover.Span, null);
            var completion = CompletionService.GetCompletions(document, offset);
            AssertInside(text, completion.ReplaceSpan, null);
            _ = document.Lines.GetPosition(offset);
        }
    }

    private static void AssertInside(string text, TextSpan span, MetabaseDiagnostic? d)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
            throw new Xunit.Sdk.XunitException($"{d?.Code ?? "feature"} span {span} outside text of length {text.Length}: {d?.Message}");
    }

    private static readonly Gen<double[]> Probes = Gen.Double[0, 1].Array[1, 4];

    private static void Run<T>(Gen<T> gen, Func<T, (string Text, double[] Probes)> toCase, double share)
    {
        int expected = FuzzBudget.Share(share);
        int ran = 0;
        gen.Sample(value =>
        {
            var (text, probes) = toCase(value);
            CheckPipeline(text, probes);
            Interlocked.Increment(ref ran);
        }, seed: FuzzBudget.Seed, iter: expected, threads: 2, print: v => Escape(toCase(v).Text));
        Assert.Equal(expected, ran);
    }

    private static string Escape(string text) =>
        System.Text.Json.JsonSerializer.Serialize(text.Length > 2000 ? text[..2000] + "..." : text);

    // 0 delete a slice, 1 insert a fragment, 2 duplicate a slice, 3 swap two slices' order, 4 flip a character.
    private static readonly Gen<(int Kind, double Where, int Length, string Fragment)> Edit =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[0, 200], Gen.OneOfConst(Fragments));

    internal static string Mutate(string text, (int Kind, double Where, int Length, string Fragment)[] edits)
    {
        foreach (var (kind, where, length, fragment) in edits)
        {
            int start = Math.Min(text.Length, (int)(where * text.Length));
            int count = Math.Min(length, text.Length - start);
            text = kind switch
            {
                0 => text.Remove(start, count),
                1 => text.Insert(start, fragment),
                2 => text.Insert(start, text.Substring(start, count)),
                3 => string.Concat(text.AsSpan(start + count), text.AsSpan(start, count), text.AsSpan(0, start)),
                _ when start < text.Length => string.Concat(text.AsSpan(0, start), ((char)(text[start] ^ (1 << (length % 16)))).ToString(), text.AsSpan(start + 1)),
                _ => text,
            };
        }
        return text;
    }

    [Fact]
    public void Fuzz_MutatedSamples_PipelineHoldsItsGuarantees()
    {
        var gen = Gen.Select(Gen.Int[0, Samples.Length - 1], Edit.Array[1, 12], Probes);
        Run(gen, v => (Mutate(SampleTexts[v.Item1], v.Item2), v.Item3), share: 0.5);
    }

    [Fact]
    public void Fuzz_RandomFragmentSoup_PipelineHoldsItsGuarantees()
    {
        var gen = Gen.Select(Gen.OneOfConst(Fragments).Array[0, 60], Probes);
        Run(gen, v => (string.Concat(v.Item1), v.Item2), share: 0.2);
    }

    [Fact]
    public void Fuzz_RandomBytes_DecodeIsStrictAndPipelineHoldsItsGuarantees()
    {
        // Bytes biased toward markup so some get past the first '<'; each is read as a file and as raw UTF-16.
        var markupByte = Gen.OneOfConst("<>/=\"'&;!?-|\r\n \tMBPropertyconfiguration"u8.ToArray());
        var anyByte = Gen.Byte;
        var bytes = Gen.Frequency((1, anyByte), (2, markupByte)).Array[0, 400];
        Run(bytes, b =>
        {
            string text;
            try
            {
                text = MetabaseFile.Decode(b).Text;
            }
            catch (InvalidDataException e)
            {
                if (!e.Message.Contains("byte offset", StringComparison.Ordinal)) throw;
                text = Encoding.Latin1.GetString(b);
            }
            return (text, [0.0, 0.5, 1.0]);
        }, share: 0.15);
    }

    [Fact]
    public void Fuzz_RandomUtf16CodeUnits_PipelineHoldsItsGuarantees()
    {
        // Lone surrogates, NULs and control characters as an editor buffer can hold them.
        var unit = Gen.Frequency((1, Gen.Char), (3, Gen.Char["<>/=\"&;|! \r\nabMBP"]));
        Run(Gen.Select(unit.Array[0, 300], Probes), v => (new string(v.Item1), v.Item2), share: 0.15);
    }
}

using System.Text;
using CsCheck;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>
/// The parallel parse is speculative: these differential tests check that its result (elements, parents, offsets,
/// attributes, names, diagnostics and their order, prolog) equals the one-pass parse, with small pieces so that every
/// document is split many times, including around the split points.
/// </summary>
public class ParallelParseTests
{
    private const int SmallPiece = 300;

    // What breaks the parser's state at a split point: unclosed comments and quotes, '<' without a name, end tags
    // that close nothing or too much, deep nesting, PIs, CDATA and doctypes.
    private static readonly string[] Fragments =
    [
        "<!--", "-->", "\"", "'", "<", "< ", "<>", "</", "</IIsWebServer>", "</MBProperty>", "</configuration>",
        "</Nothing>", "<a><b><c><d>", "</d></c></b></a>", "<IIsWebVirtualDir Location=\"/x\"", "<IIsWebServer>",
        "<?xml", "?>", "<![CDATA[", "]]>", "<!DOCTYPE x [", "]>", "/>", ">", "=\"", "Location=\"/LM/y", "&", "&amp;",
        "\r\n", "\n\t<Key>\n", "<MBProperty>", "<configuration>", "<Custom Name=\"a\" ID=\"1\"/>", "\uFEFF",
    ];

    private static readonly string Document = LargeMetabaseGenerator.Generate(12_000, seed: 3);

    [Fact]
    public void Parse_CleanGeneratedDocument_AdoptsPiecesAndEqualsOnePass()
    {
        var parallel = SyntaxTree.Parse(Document, SmallPiece);
        Assert.True(parallel.AdoptedPieces > 10, $"only {parallel.AdoptedPieces} pieces adopted");
        Assert.Equal(Describe(SyntaxTree.Parse(Document, -1)), Describe(parallel));
    }

    [Fact]
    public void Parse_RandomMutations_EqualsOnePass()
    {
        MutationGen.Of(Document, Fragments, maxEdits: 6).Sample(AssertSameAsOnePass, iter: 300);
    }

    [Fact]
    public void Parse_MutationsAtLineStarts_EqualsOnePass()
    {
        // Split points are line starts, so edits there hit the speculation where it is most fragile.
        var lineStarts = LineStarts(Document);
        var edit = Gen.Select(Gen.Int[0, lineStarts.Count - 1], Gen.Int[0, 3], Gen.OneOfConst(Fragments));
        edit.Array[1, 8].Select(edits =>
        {
            var text = Document;
            foreach (var (line, shift, fragment) in edits.OrderByDescending(e => e.Item1))
            {
                int at = Math.Min(text.Length, lineStarts[line] + shift);
                text = text.Insert(at, fragment);
            }
            return text;
        }).Sample(AssertSameAsOnePass, iter: 300);
    }

    [Fact]
    public void Parse_RandomPieceSizes_EqualsOnePass()
    {
        var mutated = MutationGen.Of(Document, Fragments, maxEdits: 3);
        Gen.Select(mutated, Gen.Int[40, 3000]).Sample((text, piece) =>
            Assert.Equal(Describe(SyntaxTree.Parse(text, -1)), Describe(SyntaxTree.Parse(text, piece))), iter: 200);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<configuration><MBProperty>")]
    [InlineData("<configuration>\n<MBProperty>\n<A>\n<B>\n<C>\n</MBProperty>\n</configuration>\n<!-- x")]
    [InlineData("<configuration>\n<MBProperty>\n<A>\n<!--\n<B>\n-->\n<C x=\"1>\n<D/>\n</MBProperty>\n</configuration>")]
    [InlineData("<configuration>\n<MBProperty>\n<A>\n</MBProperty>\n<B>\n</configuration>\n<C>\n<D>\n")]
    public void Parse_SmallDocumentsWithTinyPieces_EqualsOnePass(string text)
    {
        Assert.Equal(Describe(SyntaxTree.Parse(text, -1)), Describe(SyntaxTree.Parse(text, 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<!--")]
    [InlineData("Location=\"/LM/unclosed")]
    [InlineData("</MBProperty>")]
    [InlineData("<IIsWebServer Location=\"/LM/W3SVC/never-closed\">\r\n")] // ends before the next key
    public void Parse_LargeDocumentWithDefaultPieces_EqualsOnePass(string insertedInTheMiddle)
    {
        // Large enough for the default split on a machine with several cores.
        var text = LargeMetabaseGenerator.Generate(5_000_000, seed: 7);
        text = text.Insert(text.IndexOf('\n', text.Length / 2) + 1, insertedInTheMiddle);
        Assert.Equal(Describe(SyntaxTree.Parse(text, -1)), Describe(SyntaxTree.Parse(text)));
    }

    [Fact]
    public void Boundaries_TextWithoutKeyStarts_OnlyStartAndEnd()
    {
        var text = new string('x', 5000);
        Assert.Equal([0, 5000], ParallelParse.Boundaries(text, 0, 100));
    }

    private static void AssertSameAsOnePass(string text) =>
        Assert.Equal(Describe(SyntaxTree.Parse(text, -1)), Describe(SyntaxTree.Parse(text, SmallPiece)));

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return starts;
    }

    /// <summary>Everything a parse produces, as text, so a difference shows where it is.</summary>
    internal static string Describe(SyntaxTree tree)
    {
        var sb = new StringBuilder();
        var elements = tree.DescendantElements().ToList();
        var index = new Dictionary<ElementNode, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < elements.Count; i++) index[elements[i]] = i;
        foreach (var e in elements)
        {
            sb.Append($"E {e.Name} {e.Span} {e.NameSpan} {e.StartTagSpan} {e.EndTagSpan} {e.IsSelfClosing} {e.IsStartTagClosed}");
            sb.Append($" parent={(e.Parent == null ? -1 : index[e.Parent])} first={e.FirstAttribute} n={e.AttributeCount}\n");
            for (int a = 0; a < e.AttributeCount; a++)
            {
                var d = tree.AttributeTable[e.FirstAttribute + a];
                sb.Append($"  A {tree.NameById[d.NameId]} {d.NameId} {d.NameStart} {d.EqualsPos} {d.ValueStart} {d.ValueLength} {(int)d.QuoteChar} {d.ValueTerminated}\n");
            }
        }
        sb.Append("N ").AppendJoin(',', tree.NameById).Append('\n');
        foreach (var p in tree.Document.Prolog) sb.Append($"P {p}\n");
        foreach (var d in tree.Diagnostics) sb.Append($"D {d.Code} {d.Severity} {d.Span} {d.Message}\n");
        return sb.ToString();
    }
}

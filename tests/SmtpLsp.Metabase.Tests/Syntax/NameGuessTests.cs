using CsCheck;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Metabase.Tests.Syntax;

/// <summary>
/// The parser guesses each element and attribute name from the names seen before (and an end tag's from the open
/// element) and checks the guess against the text; these differential tests check that a parse with the guesses
/// equals one that looks every name up, on documents whose names were changed right where they end.
/// </summary>
public class NameGuessTests
{
    private static readonly string Document = LargeMetabaseGenerator.Generate(12_000, seed: 3);

    // Name characters, ASCII and not (a letter, a middle dot, an Arabic-Indic digit), and characters that end a name.
    private static readonly string[] Fragments = ["X", "x", "1", "-", ".", "_", ":", "é", "\u00B7", "\u0660", " ", "=", ">", "\t", "\"", "/"];

    [Fact]
    public void Parse_NamesChangedWhereTheyEnd_SameTreeAsLookingEveryNameUp()
    {
        var ends = NameEnds(Document);
        var edit = Gen.Select(Gen.Int[0, ends.Count - 1], Gen.Int[0, 2], Gen.OneOfConst(Fragments));
        edit.Array[1, 12].Select(edits =>
        {
            var text = Document;
            foreach (var (end, removed, fragment) in edits.OrderByDescending(e => e.Item1).DistinctBy(e => e.Item1))
            {
                int at = ends[end] - removed;
                text = text.Remove(at, removed).Insert(at, fragment);
            }
            return text;
        }).Sample(text =>
        {
            var guessed = SyntaxTree.Parse(text, pieceChars: -1);
            Assert.Equal(ParallelParseTests.Describe(SyntaxTree.Parse(text, pieceChars: -1, guessNames: false)), ParallelParseTests.Describe(guessed));
        }, iter: 200);
    }

    [Fact]
    public void Parse_GeneratedDocument_SameTreeAsLookingEveryNameUp() =>
        Assert.Equal(ParallelParseTests.Describe(SyntaxTree.Parse(Document, -1, guessNames: false)), ParallelParseTests.Describe(SyntaxTree.Parse(Document, -1)));

    // Where element names (after '<' or '</') and attribute names (before '=') end.
    private static List<int> NameEnds(string text)
    {
        var ends = new List<int>();
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '=' && Parser.IsNameChar(text[i - 1])) ends.Add(i);
            else if ((c == '>' || c == '\t' || c == ' ' || c == '\r' || c == '/') && Parser.IsNameChar(text[i - 1]))
            {
                int start = i - 1;
                while (start > 0 && Parser.IsNameChar(text[start - 1])) start--;
                if (start > 0 && (text[start - 1] == '<' || text[start - 1] == '/')) ends.Add(i);
            }
        }
        return ends;
    }
}

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// Parses a large document in pieces on several threads with the same result as one pass. The tolerant parser's
/// state at any offset depends on everything before it, so the pieces are speculative: each piece after the first
/// starts at a line that looks like a key start and assumes "&lt;configuration&gt; and &lt;MBProperty&gt; open, outside
/// any token". Pieces are then joined in order, and a piece is taken only when the parse before it really ended in
/// exactly that state at exactly its start; otherwise the text is parsed again from there in order, so a wrong guess
/// costs time, never a different result.
/// </summary>
internal static class ParallelParse
{
    // Below this a second thread costs more than it saves.
    private const int MinParallelChars = 4 << 20;
    // <configuration> and <MBProperty> open within this many characters, or the document is parsed in one pass.
    private const int MaxPrefixChars = 1 << 16;
    private const int PiecesPerWorker = 4;

    /// <summary>The piece size for a text of this length, or -1 to parse it in one pass.</summary>
    public static int DefaultPieceChars(int length)
    {
        int workers = Environment.ProcessorCount;
        if (workers < 2 || length < MinParallelChars) return -1;
        // A few pieces per core, so a core that is busy elsewhere (or a piece that is slower) does not hold up the rest.
        return Math.Max(MinParallelChars / 4, length / (workers * PiecesPerWorker) + 1);
    }

    /// <summary>
    /// Parses from <paramref name="pos"/> in pieces of about <paramref name="pieceChars"/> and leaves
    /// <paramref name="parser"/> in the state one pass would have reached where this returns.
    /// </summary>
    public static int Run(Parser parser, int pos, int pieceChars)
    {
        var text = parser.Text;
        pos = parser.RunUntil(pos, Math.Min(text.Length, pos + MaxPrefixChars), stopAtBase: true);
        if (!parser.IsAtBase()) return pos;
        var baseElements = parser.OpenElements();
        var bounds = Boundaries(text, pos, pieceChars);
        if (bounds.Count < 3) return pos;

        int pieceCount = bounds.Count - 1;
        // Piece k writes its attributes into the first parser's table from RegionStart(k) on: the table is sized at
        // about one attribute per 48 characters, and so are the regions. A piece that fills its region (and the first
        // parser, past the second piece's region start) moves to a table of its own.
        var shared = parser.SharedAttributes;
        int RegionStart(int k) => k < pieceCount ? Math.Min(Parser.AttributeCapacity(bounds[k]), shared.Length) : shared.Length;
        parser.LimitAttributes(shared, RegionStart(1));
        var pieces = new Parser?[pieceCount];
        var pieceEnds = new int[pieceCount];
        Parallel.For(0, pieceCount, k =>
        {
            if (k == 0)
            {
                pieceEnds[0] = parser.RunUntil(pos, bounds[1]);
                return;
            }
            var piece = Parser.ForPiece(parser.Tree, baseElements, shared, RegionStart(k), RegionStart(k + 1));
            pieceEnds[k] = piece.RunUntil(bounds[k], bounds[k + 1]);
            pieces[k] = piece;
        });

        pos = pieceEnds[0];
        for (int k = 1; k < pieceCount; k++)
        {
            // Piece k's region is taken over or parsed again here; later regions stay untouched.
            parser.LimitAttributes(shared, RegionStart(k + 1));
            if (pos == bounds[k] && parser.HasOpenElements(baseElements))
            {
                parser.Adopt(pieces[k]!);
                pos = pieceEnds[k];
            }
            pos = parser.RunUntil(pos, bounds[k + 1]);
            pieces[k] = null;
        }
        return pos;
    }

    /// <summary>
    /// Piece starts: <paramref name="start"/>, then per step of <paramref name="pieceChars"/> the first line within
    /// that step that starts (after spaces) with '&lt;' and a name right after a line ending in '&gt;'; the text end
    /// last. Each search stays within its step, so finding them is linear.
    /// </summary>
    internal static List<int> Boundaries(string text, int start, int pieceChars)
    {
        var bounds = new List<int> { start };
        for (long nominal = (long)start + pieceChars; nominal < text.Length; nominal += pieceChars)
        {
            int from = (int)Math.Max(nominal, bounds[^1] + 1);
            int limit = (int)Math.Min(text.Length, nominal + pieceChars);
            int found = FindKeyStart(text, from, limit);
            if (found >= 0) bounds.Add(found);
        }
        bounds.Add(text.Length);
        return bounds;
    }

    private static int FindKeyStart(string text, int from, int limit)
    {
        int i = from;
        while (i < limit)
        {
            int newline = text.IndexOf('\n', i, limit - i);
            if (newline < 0) return -1;
            int lt = newline + 1;
            while (lt < text.Length && (text[lt] == ' ' || text[lt] == '\t')) lt++;
            if (lt + 1 < text.Length && text[lt] == '<' && Parser.IsNameStart(text[lt + 1]) && EndsWithGreaterThan(text, newline))
            {
                return lt;
            }
            i = newline + 1;
        }
        return -1;
    }

    private static bool EndsWithGreaterThan(string text, int newline)
    {
        int j = newline - 1;
        if (j >= 0 && text[j] == '\r') j--;
        return j >= 0 && text[j] == '>';
    }
}

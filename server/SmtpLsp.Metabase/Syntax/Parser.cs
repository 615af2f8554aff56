using System.Buffers;
using System.Runtime.CompilerServices;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// The tolerant scanner and tree builder in one forward pass. Every character is emitted into exactly one token, in
/// order, so the token stream is lossless. Nothing here throws on bad input: each problem becomes a diagnostic and
/// parsing goes on at the most plausible place.
/// </summary>
internal sealed class Parser
{
    private static readonly SearchValues<char> WhitespaceChars = SearchValues.Create(" \t\r\n");
    // What XML does not allow in an attribute value: '<' and the control characters but TAB, LF and CR.
    private const string NotInValues = "<\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F";
    // Where a quoted value may end (its quote, or a line break that recovery looks at) or needs an entity or character check.
    private static readonly SearchValues<char> DoubleQuotedValueStops = SearchValues.Create("\"\r\n&" + NotInValues);
    private static readonly SearchValues<char> SingleQuotedValueStops = SearchValues.Create("'\r\n&" + NotInValues);
    // The ASCII characters IsNameChar accepts; names are scanned with them vectorised.
    private static readonly SearchValues<char> AsciiNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-.");
    private const int MaxQuotedExcerpt = 40;

    private readonly SyntaxTree _tree;
    private readonly string _text;
    private readonly List<SyntaxToken>? _tokens;
    private readonly List<MetabaseDiagnostic> _diagnostics = new();
    private readonly List<ElementNode> _stack = new();
    private readonly List<ElementNode> _topLevel = new();
    private readonly List<PrologItem> _prolog = new();
    // Every attribute in document order; an element keeps its first index and count.
    // This parser's attributes are _attributes[_attributeBase ..) and it may write up to _attributeLimit: speculative
    // pieces write into their own region of the first parser's table, so a large parse allocates one table only.
    private AttributeData[] _attributes;
    private int _attributeBase;
    private int _attributeLimit;
    private int _attributeCount;
    private readonly NameTable _names = new();
    // For each name id, 1 + the id of the attribute name that followed it last (0: none yet), and the name before the
    // attribute being read (the element's, for its first). Keys of a type list their properties in the same order, so
    // the next name is usually the one seen after the previous name before: checking that guess against the text is
    // cheaper than finding the name's end and looking it up (a million attributes on 50 MB).
    private int[] _nameAfter = new int[128];
    private int _previousName;
    // Off only in the test that checks the guesses never change a parse.
    private bool _guessNames = true;
    // The same for element names, by the name of the element started before.
    private int[] _elementAfter = new int[128];
    private int _previousElement;
    // Set for part of a document parsed alone (see TextKind): its top-level elements are keys, as the children of
    // <MBProperty> are; the text is followed by the next key's start tag.
    private readonly bool _keysAtRoot;
    private readonly bool _endsBeforeAKey;
    // _seenInTag[nameId] == _tagNumber when the name already appeared in the current start tag.
    private int[] _seenInTag = new int[64];
    private int _tagNumber;
    // Open elements per name id, so an end tag matching nothing is rejected without walking a deep stack.
    private int[] _openCount = new int[64];
    private readonly List<int> _stackIds = new();
    // Set once a search for "?>" failed: no later PI can be closed, so we never rescan to the end (keeps "<?<?<?" linear).
    private bool _noPiCloseLeft;
    private int _emitted;

    // Speculative piece mode (see ParallelParse): the open elements the piece assumes at its start, shared with the
    // parser that owns them. A piece never changes them: children of the innermost go to _baseChildren, and an end
    // tag that would close one of them stops the piece before that tag.
    private readonly ElementNode[]? _base;
    private List<ElementNode>? _baseChildren;
    private bool _stopRequested;

    internal SyntaxTree Tree => _tree;

    /// <summary>How many speculative pieces were taken over (the tests check that splitting really happens).</summary>
    internal int AdoptedPieces { get; private set; }

    /// <summary>Set when the search for a quoted value's end (or a stray quoted string's) reached the end of the text (see <see cref="SyntaxTree.QuotedValueRanToEnd"/>).</summary>
    internal bool QuotedValueRanToEnd { get; private set; }

    internal string Text => _text;

    /// <summary>True when <see cref="Emit"/> had to patch a gap or overlap: always a scanner bug.</summary>
    internal bool Repaired { get; private set; }

    private Parser(SyntaxTree tree, bool collectTokens, ElementNode[]? baseElements = null)
    {
        _tree = tree;
        _text = tree.Text;
        _keysAtRoot = tree.Kind == TextKind.KeysBeforeAKey;
        _endsBeforeAKey = tree.Kind != TextKind.Document;
        _tokens = collectTokens ? new List<SyntaxToken>(Math.Min(_text.Length / 4 + 16, 1 << 20)) : null;
        // About one attribute per 50 characters in real metabases; growing past that doubles.
        // Entries are written before they are read, so the table need not be zeroed first.
        if (baseElements == null)
        {
            _attributes = ScratchAttributeTable.Rent(AttributeCapacity(_text.Length));
            _attributeLimit = _attributes.Length;
        }
        else
        {
            _attributes = [];
            _base = baseElements;
            _baseChildren = new List<ElementNode>();
            foreach (var element in baseElements)
            {
                Intern(element.NameSpan.Start, element.NameSpan.End, out int id);
                Push(element, id);
            }
        }
    }

    /// <summary>The attribute table size for this much text; also where a piece's region starts in it.</summary>
    internal static int AttributeCapacity(int chars) => Math.Min(chars / 48 + 16, 1 << 24);

    internal static (DocumentNode Document, IReadOnlyList<MetabaseDiagnostic> Diagnostics, AttributeData[] Attributes, string[] Names)
        Parse(SyntaxTree tree, int pieceChars = 0, bool guessNames = true)
    {
        if (tree.Kind != TextKind.Document) pieceChars = -1;
        if (pieceChars == 0) pieceChars = ParallelParse.DefaultPieceChars(tree.Text.Length);
        var parser = new Parser(tree, collectTokens: false) { _guessNames = guessNames };
        int pos = parser.Begin();
        if (pieceChars > 0) pos = ParallelParse.Run(parser, pos, pieceChars);
        parser.RunUntil(pos, tree.Text.Length);
        parser.CloseOpenAtEnd();
        var document = parser.BuildDocument();
        // End-of-file and root checks are found last; consumers expect document order (OrderBy is stable).
        var diagnostics = parser._diagnostics.OrderBy(d => d.Span.Start).ToArray();
        tree.AdoptedPieces = parser.AdoptedPieces;
        tree.QuotedValueRanToEnd = parser.QuotedValueRanToEnd;
        return (document, diagnostics, parser.AttributeTable(), parser._names.ToArrayById());
    }

    /// <summary>
    /// The attribute table as the tree keeps it, an exact-size copy (it lives as long as the open document); the
    /// working table goes back for the next parse.
    /// </summary>
    private AttributeData[] AttributeTable()
    {
        var table = _attributes.AsSpan(0, _attributeCount).ToArray();
        ScratchAttributeTable.Return(_attributes);
        _attributes = [];
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AddAttribute(int nameId, int nameStart)
    {
        if (_attributeBase + _attributeCount >= _attributeLimit) MoveAttributes(_attributeCount + 1);
        Attribute(_attributeCount) = new AttributeData(nameId, nameStart);
        return _attributeCount++;
    }

    /// <summary>Attribute <paramref name="index"/> of this parser (its own numbering, from 0).</summary>
    private ref AttributeData Attribute(int index) => ref _attributes[_attributeBase + index];

    /// <summary>Moves this parser's attributes to a table of its own with room for at least <paramref name="needed"/>.</summary>
    private void MoveAttributes(int needed)
    {
        var table = GC.AllocateUninitializedArray<AttributeData>(Math.Max(Math.Max(16, needed), _attributeCount * 2));
        Array.Copy(_attributes, _attributeBase, table, 0, _attributeCount);
        _attributes = table;
        _attributeBase = 0;
        _attributeLimit = table.Length;
    }

    /// <summary>The table pieces write their regions into, while this parser still writes in it too.</summary>
    internal AttributeData[] SharedAttributes => _attributes;

    /// <summary>Lets this parser write in <paramref name="shared"/> up to <paramref name="limit"/> (where the next piece's region starts).</summary>
    internal void LimitAttributes(AttributeData[] shared, int limit)
    {
        if (ReferenceEquals(_attributes, shared)) _attributeLimit = Math.Min(limit, shared.Length);
    }

    /// <summary>Re-scans for the token stream only; the tree stays lean when nobody asks for tokens.</summary>
    internal static (List<SyntaxToken> Tokens, bool Repaired) Tokenize(SyntaxTree tree)
    {
        var parser = new Parser(tree, collectTokens: true);
        parser.RunUntil(parser.Begin(), tree.Text.Length);
        parser.CloseOpenAtEnd();
        ScratchAttributeTable.Return(parser._attributes); // only the tokens are kept
        if (parser._emitted < tree.Text.Length)
        {
            parser._tokens!.Add(new SyntaxToken(SyntaxKind.Unknown, parser._emitted, tree.Text.Length - parser._emitted));
            parser.Repaired = true;
        }
        return (parser._tokens!, parser.Repaired);
    }

    // Hot helpers below are marked for inlining: the ahead-of-time compiler of the shipped server left them as calls.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNameStart(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c >= 0x80 && char.IsLetter(c));

    internal static bool IsNameChar(char c) =>
        IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '\u00B7' || (c >= 0x80 && char.IsDigit(c));

    private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

    /// <summary>Emits a leading byte order mark and returns where scanning starts.</summary>
    private int Begin()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            Emit(SyntaxKind.Bom, 0, 1);
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// Scans from <paramref name="pos"/> (outside any token) until scanning reaches <paramref name="stop"/> or
    /// beyond, and returns where it stands. A speculative piece returns early, before an end tag that would close
    /// one of its base elements.
    /// </summary>
    internal int RunUntil(int pos, int stop, bool stopAtBase = false)
    {
        int length = _text.Length;
        while (pos < stop)
        {
            if (stopAtBase && IsAtBase()) return pos;
            int lt = _text.IndexOf('<', pos);
            if (lt < 0) lt = length;
            if (lt > pos) ContentText(pos, lt);
            if (lt >= length) return length;
            // Markup at or past the stop is left to whoever goes on from here.
            if (lt >= stop) return lt;
            int reported = _diagnostics.Count;
            int next = Markup(lt);
            if (_stopRequested)
            {
                _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
                return lt;
            }
            pos = next;
        }
        return pos;
    }

    /// <summary>True when exactly &lt;configuration&gt; and its &lt;MBProperty&gt; are open: where keys start.</summary>
    internal bool IsAtBase() =>
        _stack.Count == 2 && _stack[0].Name == "configuration" && _stack[1].Name == "MBProperty";

    /// <summary>The open elements, outermost first.</summary>
    internal ElementNode[] OpenElements() => _stack.ToArray();

    /// <summary>True when the open elements are exactly these (the same nodes).</summary>
    internal bool HasOpenElements(ElementNode[] elements)
    {
        if (_stack.Count != elements.Length) return false;
        for (int i = 0; i < elements.Length; i++)
        {
            if (!ReferenceEquals(_stack[i], elements[i])) return false;
        }
        return true;
    }

    /// <summary>A parser for one speculative piece that starts outside any token with <paramref name="baseElements"/> open.</summary>
    internal static Parser ForPiece(SyntaxTree tree, ElementNode[] baseElements, AttributeData[] shared, int regionStart, int regionEnd) =>
        new(tree, collectTokens: false, baseElements)
        {
            _attributes = shared,
            _attributeBase = regionStart,
            _attributeLimit = regionEnd,
        };

    /// <summary>
    /// Takes over a piece that was parsed from exactly the state this parser is in now: its elements, attributes,
    /// names (in the order the piece met them, as one pass would have added them), diagnostics and open elements.
    /// </summary>
    internal void Adopt(Parser piece)
    {
        AdoptedPieces++;
        QuotedValueRanToEnd |= piece.QuotedValueRanToEnd;
        var pieceNames = piece._names.ToArrayById();
        var idMap = new int[pieceNames.Length];
        for (int i = 0; i < pieceNames.Length; i++) _names.Get(pieceNames[i], out idMap[i]);

        // The piece's region lies at or after this parser's end in a shared table, so the copy moves it down (or
        // nowhere); Array.Copy handles the overlap.
        int offset = _attributeCount;
        int count = piece._attributeCount;
        if (_attributeBase + offset + count > _attributeLimit) MoveAttributes(offset + count);
        Array.Copy(piece._attributes, piece._attributeBase, _attributes, _attributeBase + offset, count);
        for (int i = 0; i < count; i++)
        {
            ref var data = ref Attribute(offset + i);
            data.NameId = idMap[data.NameId];
        }
        _attributeCount = offset + count;
        // Every element the piece made hangs under one of its children of the innermost base element.
        var pending = new Stack<ElementNode>();
        foreach (var top in piece._baseChildren!)
        {
            pending.Push(top);
            while (pending.Count > 0)
            {
                var element = pending.Pop();
                element.FirstAttribute += offset;
                if (element.ChildList != null) foreach (var child in element.ChildList) pending.Push(child);
            }
        }

        var innermost = _stack[^1];
        if (piece._baseChildren!.Count > 0) (innermost.ChildList ??= new List<ElementNode>()).AddRange(piece._baseChildren);
        _diagnostics.AddRange(piece._diagnostics);
        for (int i = piece._base!.Length; i < piece._stack.Count; i++) Push(piece._stack[i], idMap[piece._stackIds[i]]);
        _noPiCloseLeft |= piece._noPiCloseLeft;
    }

    /// <summary>Every element still open at the end of the text ends there.</summary>
    private void CloseOpenAtEnd()
    {
        int length = _text.Length;
        if (_endsBeforeAKey)
        {
            // The next key's start tag follows: keys still open end before it, and the section holding them goes on.
            if (KeyLevel() is var keyLevel and >= 0) CloseKeys(keyLevel, length);
            if (_keysAtRoot || IsAtBase())
            {
                foreach (var open in _stack) open.End = length;
                _stack.Clear();
                _stackIds.Clear();
                return;
            }
        }
        for (int i = _stack.Count - 1; i >= 0; i--)
        {
            var open = _stack[i];
            Report(DiagnosticCodes.MissingEndTag, open.NameSpan,
                $"Element '<{open.Name}>' is never closed; expected '</{open.Name}>' before the end of the file");
            open.End = length;
        }
        _stack.Clear();
        _stackIds.Clear();
    }

    private DocumentNode BuildDocument()
    {
        var root = _topLevel.Count > 0 ? _topLevel[0] : null;
        if (root == null)
        {
            int firstContent = _text.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF");
            if (firstContent >= 0)
            {
                Report(DiagnosticCodes.InvalidRoot, new TextSpan(firstContent, 0),
                    "The document has no root element; expected '<configuration>'");
            }
        }
        else if (root.Name != "configuration")
        {
            Report(DiagnosticCodes.InvalidRoot, root.NameSpan,
                $"Root element '<{root.Name}>' is not a metabase root; expected '<configuration>'");
        }
        else if (root.ChildList?.Exists(c => c.Name == "MBProperty") != true)
        {
            Report(DiagnosticCodes.InvalidRoot, root.NameSpan,
                "'<configuration>' has no '<MBProperty>' child; expected the keys inside '<MBProperty>'");
        }
        for (int i = 1; i < _topLevel.Count; i++)
        {
            var extra = _topLevel[i];
            Report(DiagnosticCodes.InvalidRoot, extra.NameSpan,
                $"A second root element '<{extra.Name}>'; expected one root element only");
        }
        return new DocumentNode(new TextSpan(0, _text.Length), _prolog.ToArray(), _topLevel.ToArray());
    }

    private void ContentText(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        int first = span.IndexOfAnyExcept(WhitespaceChars);
        if (first < 0)
        {
            Emit(SyntaxKind.Whitespace, start, end);
            return;
        }
        Emit(SyntaxKind.Text, start, end);
        int last = span.LastIndexOfAnyExcept(WhitespaceChars);
        var stray = TextSpan.FromBounds(start + first, start + last + 1);
        Report(DiagnosticCodes.StrayText, stray,
            $"Text '{Excerpt(stray)}' is not allowed here; expected only elements, comments or whitespace");
    }

    /// <summary>Handles markup starting at <paramref name="p"/> (a '&lt;') and returns where scanning goes on.</summary>
    private int Markup(int p)
    {
        char next = p + 1 < _text.Length ? _text[p + 1] : '\0';
        if (next == '?') return ProcessingInstruction(p);
        if (next == '!')
        {
            if (StartsWithAt(p, "<!--")) return Comment(p);
            if (StartsWithAt(p, "<![CDATA[")) return CData(p);
            if (StartsWithAt(p, "<!DOCTYPE")) return Doctype(p);
            return Declaration(p);
        }
        if (next == '/') return EndTag(p);
        if (IsNameStart(next)) return StartTag(p);

        // A '<' that starts nothing: swallow up to the next '>' on the way (or the next '<') as one unknown token.
        int nextLt = _text.IndexOf('<', p + 1);
        int limit = nextLt < 0 ? _text.Length : nextLt;
        int gt = _text.IndexOf('>', p + 1, limit - (p + 1));
        int end = gt < 0 ? limit : gt + 1;
        Emit(SyntaxKind.Unknown, p, end);
        Report(DiagnosticCodes.MalformedMarkup, new TextSpan(p, 1),
            "'<' is not followed by a name; expected an element name right after '<' (write '&lt;' for a literal '<')");
        return end;
    }

    private int ProcessingInstruction(int p)
    {
        int close = _noPiCloseLeft ? -1 : _text.IndexOf("?>", p + 2, StringComparison.Ordinal);
        if (close < 0) _noPiCloseLeft = true;
        int end;
        if (close >= 0) end = close + 2;
        else
        {
            // Unclosed: stop before the next tag so a half-typed <?xml does not swallow the document.
            int nextLt = _text.IndexOf('<', p + 2);
            end = nextLt < 0 ? _text.Length : nextLt;
            Report(DiagnosticCodes.UnterminatedTag, TextSpan.FromBounds(p, NameEnd(p + 2)),
                $"Processing instruction '{Excerpt(TextSpan.FromBounds(p, NameEnd(p + 2)))}' is never closed; expected '?>'");
        }
        Emit(SyntaxKind.ProcessingInstruction, p, end);
        AddProlog(SyntaxKind.ProcessingInstruction, p, end);
        return end;
    }

    private int Comment(int p)
    {
        int close = _text.IndexOf("-->", p + 4, StringComparison.Ordinal);
        int end = close >= 0 ? close + 3 : _text.Length;
        if (close < 0)
        {
            Report(DiagnosticCodes.UnterminatedTag, new TextSpan(p, 4), "Comment '<!--' is never closed; expected '-->'");
        }
        else if (DashesInComment(_text.AsSpan(p + 4, close - (p + 4))) is var dashes and >= 0)
        {
            int at = p + 4 + dashes;
            Report(DiagnosticCodes.MalformedMarkup, new TextSpan(at, at + 1 < close ? 2 : 1), at + 1 < close
                ? "'--' is not allowed inside a comment; expected another character between the dashes"
                : "A comment cannot end with '-' right before its '-->'; expected a space before '-->'");
        }
        Emit(SyntaxKind.Comment, p, end);
        AddProlog(SyntaxKind.Comment, p, end);
        return end;
    }

    /// <summary>Where a closed comment's text breaks XML's rule on dashes ("--" inside, or '-' last), or -1.</summary>
    internal static int DashesInComment(ReadOnlySpan<char> content)
    {
        int at = content.IndexOf("--", StringComparison.Ordinal);
        if (at >= 0) return at;
        return content.Length > 0 && content[^1] == '-' ? content.Length - 1 : -1;
    }

    private int CData(int p)
    {
        int close = _text.IndexOf("]]>", p + 9, StringComparison.Ordinal);
        int end = close >= 0 ? close + 3 : _text.Length;
        if (close < 0)
        {
            Report(DiagnosticCodes.UnterminatedTag, new TextSpan(p, 9), "CDATA section '<![CDATA[' is never closed; expected ']]>'");
        }
        Emit(SyntaxKind.CData, p, end);
        int contentEnd = close >= 0 ? close : end;
        var content = _text.AsSpan(p + 9, contentEnd - (p + 9));
        if (content.IndexOfAnyExcept(WhitespaceChars) >= 0)
        {
            var span = TextSpan.FromBounds(p, end);
            Report(DiagnosticCodes.StrayText, span,
                $"CDATA text '{Excerpt(span)}' is not allowed here; expected only elements, comments or whitespace");
        }
        return end;
    }

    /// <summary>
    /// Skips a doctype with its internal subset in one linear pass (quoted strings jumped over by IndexOf) and
    /// reports it once. Declared entities are never recorded, so nothing can ever be expanded.
    /// </summary>
    private int Doctype(int p)
    {
        int depth = 0;
        int i = p + 9;
        int end = -1;
        while (i < _text.Length)
        {
            char c = _text[i];
            if (c == '"' || c == '\'')
            {
                int close = _text.IndexOf(c, i + 1);
                if (close < 0) break;
                i = close + 1;
                continue;
            }
            // A comment in the internal subset may hold ']' or '>' of its own.
            if (c == '<' && StartsWithAt(i, "<!--"))
            {
                int close = _text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0) break;
                i = close + 3;
                continue;
            }
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == '>' && depth <= 0)
            {
                end = i + 1;
                break;
            }
            i++;
        }
        if (end < 0)
        {
            end = _text.Length;
            Report(DiagnosticCodes.UnterminatedTag, new TextSpan(p, 9), "'<!DOCTYPE' is never closed; expected '>'");
        }
        Emit(SyntaxKind.Doctype, p, end);
        AddProlog(SyntaxKind.Doctype, p, end);
        Report(DiagnosticCodes.DoctypeNotAllowed, TextSpan.FromBounds(p, end),
            "A '<!DOCTYPE>' is not allowed in a metabase; it is skipped and its entities are never expanded");
        return end;
    }

    /// <summary>"&lt;!ENTITY", "&lt;!ELEMENT" and other "&lt;!" markup outside a doctype: skipped to the next '&gt;'.</summary>
    private int Declaration(int p)
    {
        int gt = _text.IndexOf('>', p + 2);
        int end = gt < 0 ? _text.Length : gt + 1;
        bool dtd = p + 2 < _text.Length && IsNameStart(_text[p + 2]);
        Emit(dtd ? SyntaxKind.Doctype : SyntaxKind.Unknown, p, end);
        var head = TextSpan.FromBounds(p, dtd ? NameEnd(p + 2) : p + 2);
        if (dtd)
        {
            AddProlog(SyntaxKind.Doctype, p, end);
            Report(DiagnosticCodes.DoctypeNotAllowed, TextSpan.FromBounds(p, end),
                $"'{Excerpt(TextSpan.FromBounds(p, end))}': a DTD declaration is not allowed in a metabase; it is skipped and never expanded");
        }
        else
        {
            Report(DiagnosticCodes.MalformedMarkup, head,
                $"Unknown markup '{Excerpt(head)}'; expected '<!--' for a comment");
        }
        return end;
    }

    private int EndTag(int p)
    {
        Emit(SyntaxKind.LessThanSlash, p, p + 2);
        int i = p + 2;
        string? name = null;
        int nameId = -1;
        int nameEnd;
        // Usually the innermost open element's end tag.
        if (_stackIds.Count > 0 && _guessNames && IsNameAt(i, _names.NameOf(_stackIds[^1])))
        {
            nameId = _stackIds[^1];
            name = _names.NameOf(nameId);
            nameEnd = i + name.Length;
            Emit(SyntaxKind.Name, i, nameEnd);
            i = nameEnd;
        }
        else if ((nameEnd = NameEnd(i)) > i && IsNameStart(_text[i]))
        {
            name = Intern(i, nameEnd, out nameId);
            Emit(SyntaxKind.Name, i, nameEnd);
            i = nameEnd;
        }
        else
        {
            nameEnd = i;
        }
        i = EmitWhitespace(i);
        if (i < _text.Length && _text[i] == '>')
        {
            Emit(SyntaxKind.GreaterThan, i, i + 1);
            i++;
        }
        else
        {
            i = EndTagWithoutGreaterThan(p, i, nameEnd, name);
        }
        if (name == null)
        {
            Report(DiagnosticCodes.MalformedMarkup, TextSpan.FromBounds(p, Math.Max(p + 2, nameEnd)),
                "End tag without a name; expected '</' followed by the element name");
            return i;
        }
        CloseElement(name, nameId, p, i);
        return i;
    }

    /// <summary>Where an end tag without its '>' right after the name ends: at a later '>' before the next '&lt;', or at that '&lt;'.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int EndTagWithoutGreaterThan(int p, int i, int nameEnd, string? name)
    {
        int nextLt = _text.IndexOf('<', i);
        int limit = nextLt < 0 ? _text.Length : nextLt;
        int gt = _text.IndexOf('>', i, limit - i);
        if (gt >= 0)
        {
            Emit(SyntaxKind.Unknown, i, gt);
            var junk = TextSpan.FromBounds(i, gt);
            Report(DiagnosticCodes.MalformedMarkup, junk,
                $"Unexpected '{Excerpt(junk)}' in end tag '</{name}>'; expected '>'");
            Emit(SyntaxKind.GreaterThan, gt, gt + 1);
            return gt + 1;
        }
        if (limit > i) Emit(SyntaxKind.Unknown, i, limit);
        Report(DiagnosticCodes.UnterminatedTag, TextSpan.FromBounds(p, nameEnd),
            $"End tag '{Excerpt(TextSpan.FromBounds(p, nameEnd))}' is never closed; expected '>'");
        return limit;
    }

    /// <summary>
    /// Closes the nearest open element with this name; elements opened after it are reported as never closed and
    /// end where this end tag starts. An end tag that matches nothing open is reported and ignored.
    /// </summary>
    private void CloseElement(string name, int nameId, int tagStart, int tagEnd)
    {
        int match = -1;
        if (OpenCount(nameId) > 0)
        {
            // Names are interned, so the walk compares ids; its length equals the elements it closes (amortised O(1)).
            match = _stack.Count - 1;
            while (_stackIds[match] != nameId) match--;
        }
        if (_base != null && match >= 0 && match < _base.Length)
        {
            // Closing an element the piece only assumed open: the owner of that element goes on from this tag.
            _stopRequested = true;
            return;
        }
        if (match < 0)
        {
            ReportStrayEndTag(name, TextSpan.FromBounds(tagStart, tagEnd));
            return;
        }
        int keyLevel = KeyLevel();
        for (int i = _stack.Count - 1; i > match; i--)
        {
            var open = _stack[i];
            if (keyLevel >= 0 && i >= keyLevel) ReportKeyNeverClosed(open, isKey: i == keyLevel);
            else ReportNeverClosed(open, name);
            open.End = tagStart;
            Pop();
        }
        var element = _stack[match];
        element.EndTagStart = tagStart;
        element.End = tagEnd;
        Pop();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportStrayEndTag(string name, TextSpan span) =>
        Report(DiagnosticCodes.StrayEndTag, span,
            _stack.Count == 0
                ? $"End tag '</{name}>' has no open element to close; expected no end tag here"
                : $"End tag '</{name}>' matches no open element; expected '</{_stack[^1].Name}>'" +
                  (_stack.Count == SectionLevel && IsInSection() ? KeysNeverNest : ""));

    // Said where a key nested in another meets its end: the outer key ended at the inner one's start tag.
    private const string KeysNeverNest = " (keys never nest: a key ends where the next one starts)";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportNeverClosed(ElementNode open, string closingName) =>
        Report(DiagnosticCodes.MissingEndTag, open.NameSpan,
            $"Element '<{open.Name}>' is never closed; expected '</{open.Name}>' before '</{closingName}>'");

    private int OpenCount(int nameId) => nameId < _openCount.Length ? _openCount[nameId] : 0;

    private void Push(ElementNode element, int nameId)
    {
        if (nameId >= _openCount.Length) Array.Resize(ref _openCount, Math.Max(nameId + 1, _openCount.Length * 2));
        _openCount[nameId]++;
        _stack.Add(element);
        _stackIds.Add(nameId);
    }

    private void Pop()
    {
        int last = _stack.Count - 1;
        _openCount[_stackIds[last]]--;
        _stack.RemoveAt(last);
        _stackIds.RemoveAt(last);
    }

    private int StartTag(int p)
    {
        Emit(SyntaxKind.LessThan, p, p + 1);
        // As for attributes (see _nameAfter): the element that followed the last one's name before, such as Custom.
        var elementName = ReadName(p + 1, ref _elementAfter, _previousElement, out int elementNameId, out int nameEnd);
        _previousElement = elementNameId;
        if (KeyLevel() is var keyLevel and >= 0 && _stack.Count > keyLevel && elementName != CustomName) CloseKeys(keyLevel, p);
        var parent = _stack.Count > 0 ? _stack[^1] : null;
        var element = new ElementNode(_tree, parent, elementName, p, p + 1);
        Emit(SyntaxKind.Name, p + 1, nameEnd);
        if (parent == null) _topLevel.Add(element);
        else if (_base != null && ReferenceEquals(parent, _base[^1])) _baseChildren!.Add(element);
        else (parent.ChildList ??= new List<ElementNode>()).Add(element);

        element.FirstAttribute = _attributeCount;
        _previousName = elementNameId;
        _tagNumber++;
        int i = nameEnd;
        bool closed = false;
        bool selfClosing = false;
        int valueEnd = -1;
        while (true)
        {
            i = EmitWhitespace(i);
            if (i >= _text.Length) break;
            char c = _text[i];
            if (i == valueEnd && IsNameStart(c)) ReportNoSpaceBeforeAttribute(i);
            if (c == '>')
            {
                Emit(SyntaxKind.GreaterThan, i, i + 1);
                i++;
                closed = true;
                break;
            }
            if (c == '/' && i + 1 < _text.Length && _text[i + 1] == '>')
            {
                Emit(SyntaxKind.SlashGreaterThan, i, i + 2);
                i += 2;
                closed = selfClosing = true;
                break;
            }
            if (c == '<') break;
            if (IsNameStart(c))
            {
                i = Attribute(element, i);
                // Right after a quoted value's closing quote, where XML wants whitespace before another attribute.
                valueEnd = Attribute(_attributeCount - 1).ValueTerminated ? i : -1;
            }
            else
            {
                i = JunkInTag(element, i);
                valueEnd = -1;
            }
        }

        element.AttributeCount = _attributeCount - element.FirstAttribute;
        element.StartTagEnd = i;
        element.StartTagClosed = closed;
        element.SelfClosing = selfClosing;
        if (!closed)
        {
            ReportUnclosedStartTag(element, TextSpan.FromBounds(p, nameEnd));
        }
        // A half-typed tag gets no children, so it cannot swallow its siblings; but when its own end tag follows
        // ("<Key Location=\"/x\"\n</Key>") it stays open so that end tag closes it instead of being stray.
        if ((closed && !selfClosing) || (!closed && IsEndTagOf(i, element.Name))) Push(element, elementNameId);
        else element.End = i;
        return i;
    }

    // Keys are the children of <configuration><MBProperty>, at this depth of the open elements.
    private const int SectionLevel = 2;
    private const string CustomName = "Custom";

    private bool IsInSection() => _stack[1].Name == "MBProperty" && _stack[0].Name == "configuration";

    /// <summary>
    /// Keys never nest in a metabase: only Custom elements go inside a key. Any other element met inside one starts
    /// the next key, so the key still open (and anything open in it) ends here instead of holding every key after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CloseKeys(int keyLevel, int tagStart)
    {
        for (int i = _stack.Count - 1; i >= keyLevel; i--)
        {
            var open = _stack[i];
            ReportKeyNeverClosed(open, isKey: i == keyLevel);
            open.End = tagStart;
            Pop();
        }
    }

    /// <summary>
    /// The same words wherever a key ends without its end tag (before the next key, or at the section's end tag), so a
    /// key's text parsed alone draws what it draws in place.
    /// </summary>
    private void ReportKeyNeverClosed(ElementNode open, bool isKey) =>
        Report(DiagnosticCodes.MissingEndTag, open.NameSpan,
            $"Element '<{open.Name}>' is never closed; expected '</{open.Name}>' at the end of the key" + (isKey ? KeyEnds : ""));

    // Said of every key closed this way, alone or in place: where it ended, and why a key written inside it ended it.
    private const string KeyEnds = " (a key ends at the next key or at </MBProperty>: keys never nest)";

    /// <summary>The depth of the open elements where keys are (their section open), or -1.</summary>
    private int KeyLevel() => _keysAtRoot ? 0 : _stack.Count > SectionLevel && IsInSection() ? SectionLevel : -1;

    private bool IsEndTagOf(int i, string name)
    {
        if (!StartsWithAt(i, "</") || !_text.AsSpan(i + 2).StartsWith(name, StringComparison.Ordinal)) return false;
        int after = i + 2 + name.Length;
        return after >= _text.Length || !IsNameChar(_text[after]);
    }

    private int JunkInTag(ElementNode element, int i)
    {
        char c = _text[i];
        int end;
        if (c == '"' || c == '\'')
        {
            // A quoted value without a name: skip to its closing quote on the same line.
            int lineEnd = LineEnd(i + 1);
            int close = _text.IndexOf(c, i + 1, lineEnd - (i + 1));
            end = close < 0 ? lineEnd : close + 1;
            if (close < 0 && lineEnd == _text.Length) QuotedValueRanToEnd = true;
        }
        else
        {
            end = i + 1;
            while (end < _text.Length)
            {
                char d = _text[end];
                if (IsWhitespace(d) || IsNameStart(d) || d == '>' || d == '<' || d == '"' || d == '\'' ||
                    (d == '/' && end + 1 < _text.Length && _text[end + 1] == '>'))
                {
                    break;
                }
                end++;
            }
        }
        Emit(SyntaxKind.Unknown, i, end);
        var span = TextSpan.FromBounds(i, end);
        Report(DiagnosticCodes.MalformedMarkup, span,
            $"Unexpected '{Excerpt(span)}' in start tag '<{element.Name}>'; expected an attribute name, '>' or '/>'");
        return end;
    }

    private int Attribute(ElementNode element, int nameStart)
    {
        var name = ReadName(nameStart, ref _nameAfter, _previousName, out int nameId, out int nameEnd);
        _previousName = nameId;
        var nameSpan = TextSpan.FromBounds(nameStart, nameEnd);
        int index = AddAttribute(nameId, nameStart);
        Emit(SyntaxKind.Name, nameStart, nameEnd);
        if (nameId >= _seenInTag.Length) Array.Resize(ref _seenInTag, Math.Max(nameId + 1, _seenInTag.Length * 2));
        bool duplicate = _seenInTag[nameId] == _tagNumber;
        _seenInTag[nameId] = _tagNumber;
        if (duplicate)
        {
            ReportDuplicateAttribute(name, element, nameSpan);
        }

        int i = SkipWhitespace(nameEnd);
        if (i >= _text.Length || _text[i] != '=')
        {
            ReportNoValue(name, nameSpan);
            return nameEnd;
        }
        if (_tokens != null) EmitWhitespace(nameEnd); // i is already past it
        Emit(SyntaxKind.Equals, i, i + 1);
        Attribute(index).EqualsPos = i;
        int v = SkipWhitespace(i + 1);
        char c = v < _text.Length ? _text[v] : '\0';
        if (c == '"' || c == '\'')
        {
            if (_tokens != null) EmitWhitespace(i + 1); // v is already past it
            return QuotedValue(index, name, v);
        }
        if (v < _text.Length && c != '>' && c != '<' && !(c == '/' && v + 1 < _text.Length && _text[v + 1] == '>'))
        {
            if (_tokens != null) EmitWhitespace(i + 1);
            int end = v;
            while (end < _text.Length)
            {
                char d = _text[end];
                if (IsWhitespace(d) || d == '>' || d == '<' || (d == '/' && end + 1 < _text.Length && _text[end + 1] == '>')) break;
                end++;
            }
            Emit(SyntaxKind.AttributeValue, v, end);
            ref var data = ref Attribute(index);
            data.ValueStart = v;
            data.ValueLength = end - v;
            data.ValueTerminated = true;
            var span = TextSpan.FromBounds(v, end);
            ReportUnquoted(name, span);
            CheckEntities(span);
            return end;
        }
        ReportNothingAfterEquals(name, TextSpan.FromBounds(nameStart, i + 1));
        return i + 1;
    }

    /// <summary>
    /// Reads a quoted value. MULTISZ values legitimately span lines, so a line break alone never ends a value.
    /// Recovery rule for a missing closing quote: at each line break inside the value, if the next line (after
    /// spaces and tabs) starts like tag content - <c>Name="</c> / <c>Name='</c> (spaces around '=' allowed), '>',
    /// '/>' or '&lt;' - the value is taken to end at that line break. At the end of the text without a closing quote,
    /// the value ends at the end of its first line.
    /// </summary>
    private int QuotedValue(int index, string name, int quotePos)
    {
        char quote = _text[quotePos];
        int valueStart = quotePos + 1;
        int search = valueStart;
        int firstLineEnd = -1;
        // The first '&' met on the way, so entities are checked without a second pass over every value; the first
        // character XML does not allow in a value likewise.
        int firstAmpersand = -1;
        int firstNotAllowed = -1;
        var stops = quote == '"' ? DoubleQuotedValueStops : SingleQuotedValueStops;
        int valueEnd;
        bool terminated = false;
        while (true)
        {
            int found = search >= _text.Length ? -1 : _text.AsSpan(search).IndexOfAny(stops);
            if (found < 0)
            {
                valueEnd = firstLineEnd >= 0 ? firstLineEnd : _text.Length;
                QuotedValueRanToEnd = true;
                break;
            }
            found += search;
            if (_text[found] == '&')
            {
                if (firstAmpersand < 0) firstAmpersand = found;
                search = found + 1;
                continue;
            }
            if (_text[found] == quote)
            {
                valueEnd = found;
                terminated = true;
                break;
            }
            if (_text[found] is not ('\r' or '\n'))
            {
                if (firstNotAllowed < 0) firstNotAllowed = found;
                search = found + 1;
                continue;
            }
            if (firstLineEnd < 0) firstLineEnd = found;
            if (NextLineLooksLikeTagContent(found))
            {
                valueEnd = found;
                break;
            }
            search = found + 1;
        }

        ref var data = ref Attribute(index);
        data.ValueStart = valueStart;
        data.ValueLength = valueEnd - valueStart;
        data.QuoteChar = quote;
        data.ValueTerminated = terminated;
        int tokenEnd = terminated ? valueEnd + 1 : valueEnd;
        Emit(SyntaxKind.AttributeValue, quotePos, tokenEnd);
        if (!terminated)
        {
            ReportUnterminatedValue(name, quote, quotePos, TextSpan.FromBounds(valueStart, valueEnd));
        }
        // Any '&' before the value's end was met above, in order; one past it belongs to a later line.
        if (firstAmpersand >= 0 && firstAmpersand < valueEnd) CheckEntities(TextSpan.FromBounds(firstAmpersand, valueEnd));
        // A value never closed already has its report, and runs on over tags whose every '<' would get one more.
        if (terminated && firstNotAllowed >= 0 && firstNotAllowed < valueEnd) CheckValueCharacters(TextSpan.FromBounds(firstNotAllowed, valueEnd));
        return tokenEnd;
    }

    /// <summary>
    /// Reports each '&lt;' in a value (a strict XML reader, as IIS's is, refuses the file) with its fix, and each run
    /// of control characters, which no XML file can hold, not even as character references.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckValueCharacters(TextSpan value)
    {
        var span = _text.AsSpan(value.Start, value.Length);
        for (int i = span.IndexOfAny(NotInValuesSearch); i >= 0 && i < span.Length;)
        {
            int at = value.Start + i;
            if (span[i] == '<')
            {
                _diagnostics.Add(new MetabaseDiagnostic(DiagnosticCodes.MalformedMarkup, DiagnosticSeverity.Error, new TextSpan(at, 1),
                    "'<' is not allowed in a value; expected '&lt;'") { FixData = "&lt;" });
                i++;
            }
            else
            {
                int run = i + 1;
                while (run < span.Length && span[run] != '<' && NotInValuesSearch.Contains(span[run])) run++;
                Report(DiagnosticCodes.MalformedMarkup, new TextSpan(at, run - i),
                    $"Control character U+{(int)span[i]:X4} is not allowed in XML, not even as a character reference; expected it removed");
                i = run;
            }
            int next = span[i..].IndexOfAny(NotInValuesSearch);
            i = next < 0 ? -1 : i + next;
        }
    }

    private static readonly SearchValues<char> NotInValuesSearch = SearchValues.Create(NotInValues);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportNoSpaceBeforeAttribute(int nameStart)
    {
        int nameEnd = NameEnd(nameStart);
        string name = _text[nameStart..nameEnd];
        _diagnostics.Add(new MetabaseDiagnostic(DiagnosticCodes.MalformedMarkup, DiagnosticSeverity.Error, TextSpan.FromBounds(nameStart, nameEnd),
            $"Attribute '{name}' follows the value before it without whitespace; expected a space before '{name}'") { FixData = " " + name });
    }

    // The reports of StartTag, Attribute and QuotedValue (and EndTag's, above), out of line: their interpolated messages made every call, even one
    // without a problem, clear a large stack frame (hundreds of thousands of calls on a large file).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportDuplicateAttribute(string name, ElementNode element, TextSpan nameSpan) =>
        Report(DiagnosticCodes.DuplicateAttribute, nameSpan, $"Attribute '{name}' appears twice in '<{element.Name}>'; expected each attribute once");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportNoValue(string name, TextSpan nameSpan) =>
        Report(DiagnosticCodes.MalformedMarkup, nameSpan, $"Attribute '{name}' has no value; expected {name}=\"...\"");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportUnquoted(string name, TextSpan value) =>
        Report(DiagnosticCodes.MalformedMarkup, value, $"Value '{Excerpt(value)}' of '{name}' is not quoted; expected {name}=\"{Excerpt(value)}\"");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportNothingAfterEquals(string name, TextSpan span) =>
        Report(DiagnosticCodes.MalformedMarkup, span, $"Attribute '{name}=' has no value; expected a quoted value after '='");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportUnclosedStartTag(ElementNode element, TextSpan head) =>
        Report(DiagnosticCodes.UnterminatedTag, head, $"Start tag '<{element.Name}' is never closed; expected '>' or '/>'");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportUnterminatedValue(string name, char quote, int quotePos, TextSpan value) =>
        Report(DiagnosticCodes.UnterminatedValue, new TextSpan(quotePos, 1),
            $"Value {quote}{Excerpt(value)} of '{name}' has no closing {quote}; expected {quote} at the end of the value");

    private bool NextLineLooksLikeTagContent(int lineBreak)
    {
        int j = lineBreak + 1;
        if (_text[lineBreak] == '\r' && j < _text.Length && _text[j] == '\n') j++;
        while (j < _text.Length && (_text[j] == ' ' || _text[j] == '\t')) j++;
        // A key's text parsed alone is followed by the next key's '<'.
        if (j >= _text.Length) return _endsBeforeAKey;
        char c = _text[j];
        if (c == '>' || c == '<') return true;
        if (c == '/') return j + 1 < _text.Length && _text[j + 1] == '>';
        if (!IsNameStart(c)) return false;
        j = NameEnd(j);
        while (j < _text.Length && (_text[j] == ' ' || _text[j] == '\t')) j++;
        if (j >= _text.Length || _text[j] != '=') return false;
        j++;
        while (j < _text.Length && (_text[j] == ' ' || _text[j] == '\t')) j++;
        return j < _text.Length && (_text[j] == '"' || _text[j] == '\'');
    }

    private void CheckEntities(TextSpan value)
    {
        var span = _text.AsSpan(value.Start, value.Length);
        int offset = span.IndexOf('&');
        while (offset >= 0)
        {
            int length = EntityDecoder.Read(span[offset..], out string? replacement);
            if (replacement == null)
            {
                var bad = new TextSpan(value.Start + offset, length);
                Report(DiagnosticCodes.UnknownEntity, bad, length == 1
                    ? "'&' does not start an entity reference; expected '&amp;' for a literal '&'"
                    : span[offset + 1] == '#'
                        ? $"Character reference '{Excerpt(bad)}' {EntityDecoder.WhyNotACharacter(span.Slice(offset, length))}; expected a character XML allows, or none"
                        : $"Entity '{Excerpt(bad)}' is not expanded; expected one of &lt; &gt; &amp; &quot; &apos; or a character reference such as &#65;");
            }
            int nextStart = offset + length;
            int next = span[nextStart..].IndexOf('&');
            offset = next < 0 ? -1 : nextStart + next;
        }
    }

    // Tokens are kept only by the token scan; a parse calls this millions of times on a large file. The check is
    // inlined by hand: the ahead-of-time compiler does not inline the whole method, and the call cost 2% of a check.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Emit(SyntaxKind kind, int start, int end)
    {
        if (_tokens != null) EmitToken(_tokens, kind, start, end);
    }

    private void EmitToken(List<SyntaxToken> tokens, SyntaxKind kind, int start, int end)
    {
        // Never throw on a scanner slip: keep the stream lossless and flag it for the tests instead.
        if (start > _emitted)
        {
            tokens.Add(new SyntaxToken(SyntaxKind.Unknown, _emitted, start - _emitted));
            Repaired = true;
        }
        else if (start < _emitted)
        {
            start = _emitted;
            Repaired = true;
        }
        if (end <= start) return;
        tokens.Add(new SyntaxToken(kind, start, end - start));
        _emitted = end;
    }

    private int EmitWhitespace(int i)
    {
        int end = SkipWhitespace(i);
        Emit(SyntaxKind.Whitespace, i, end);
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipWhitespace(int i)
    {
        while (i < _text.Length && IsWhitespace(_text[i])) i++;
        return i;
    }

    private int NameEnd(int i)
    {
        while (i < _text.Length)
        {
            int stop = _text.AsSpan(i).IndexOfAnyExcept(AsciiNameChars);
            if (stop < 0) return _text.Length;
            i += stop;
            // A non-ASCII letter or digit (or U+00B7) goes on; anything else ends the name.
            if (_text[i] < 0x80 || !IsNameChar(_text[i])) return i;
            i++;
        }
        return i;
    }

    /// <summary>
    /// The name at <paramref name="start"/> (which starts a name), its id and end: the guess <paramref name="after"/>
    /// holds for <paramref name="previous"/> when the text has it there (see _nameAfter), else found and looked up,
    /// and then kept as that guess.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private string ReadName(int start, ref int[] after, int previous, out int id, out int end)
    {
        int guess = previous < after.Length ? after[previous] - 1 : -1;
        if (guess >= 0 && _guessNames && IsNameAt(start, _names.NameOf(guess)))
        {
            var guessed = _names.NameOf(guess);
            id = guess;
            end = start + guessed.Length;
            return guessed;
        }
        end = NameEnd(start);
        var name = Intern(start, end, out id);
        if (previous >= after.Length) Array.Resize(ref after, Math.Max(previous + 1, after.Length * 2));
        after[previous] = id + 1;
        return name;
    }

    /// <summary>
    /// True when the name at <paramref name="start"/> is exactly <paramref name="name"/>: its characters, then a
    /// character that ends a name (as <see cref="NameEnd"/> finds it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsNameAt(int start, string name)
    {
        int end = start + name.Length;
        if (end >= _text.Length) return false;
        char after = _text[end];
        bool ends = after < 0x80 ? !AsciiNameChars.Contains(after) : !IsNameChar(after);
        return ends && _text.AsSpan(start, name.Length).SequenceEqual(name);
    }

    private int LineEnd(int i)
    {
        int found = i >= _text.Length ? -1 : _text.AsSpan(i).IndexOfAny('\r', '\n');
        return found < 0 ? _text.Length : i + found;
    }

    private bool StartsWithAt(int p, string value) =>
        _text.AsSpan(p).StartsWith(value, StringComparison.Ordinal);

    private string Intern(int start, int end) => _names.Get(_text.AsSpan(start, end - start), out _);

    private string Intern(int start, int end, out int id) => _names.Get(_text.AsSpan(start, end - start), out id);

    private void AddProlog(SyntaxKind kind, int start, int end)
    {
        if (_stack.Count == 0) _prolog.Add(new PrologItem(kind, TextSpan.FromBounds(start, end)));
    }

    private string Excerpt(TextSpan span)
    {
        int length = Math.Min(span.Length, MaxQuotedExcerpt);
        if (length < span.Length && length > 0 && char.IsHighSurrogate(_text[span.Start + length - 1])) length--; // never half a character
        var text = _text.Substring(span.Start, length);
        text = VisibleText.Of(text);
        return length < span.Length ? text + "..." : text;
    }

    private void Report(string code, TextSpan span, string message) =>
        _diagnostics.Add(new MetabaseDiagnostic(code, DiagnosticSeverity.Error, span, message));
}

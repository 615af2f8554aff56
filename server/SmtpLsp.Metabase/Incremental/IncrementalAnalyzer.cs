using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Features;
using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Syntax;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Incremental;

/// <summary>
/// Diagnostics that follow edits without re-reading the whole file. An edit strictly inside one key element that
/// parses alone as it does in place is re-parsed as that element alone; if it still parses as one such element of
/// the same extent (a half-typed attribute inside it is fine, see <see cref="ParsesAsOneElement"/>), only its keys
/// are re-analysed (Exchange hints on its SMTP servers included), its syntax diagnostics replace the old ones, and
/// every other key's results move by the length change, provided the edited keys are not ones Exchange detection
/// reads for other keys (at the paths above SMTP servers) whose type, Location or Custom presence changed. The Location rules (duplicates, parent links) are reused,
/// or, after a changed Location, type or Location attribute, run again over the keys of the last whole parse
/// (<see cref="CrossKeyRecheck"/>). Whitespace typed or removed between two keys only moves what follows; keys
/// pasted or deleted there, a new key's first characters and stray text are parsed alone as they are in place, each
/// key a slot of its own, and the Location rules run again (<see cref="TryBetweenSlots"/>). Anything else falls back
/// to a full pass. Either way the diagnostics equal a full analysis.
/// </summary>
public static class IncrementalAnalyzer
{
    private static readonly MetabaseDiagnostic[] None = [];

    /// <summary>A full parse and analysis, split per key so later edits can reuse it.</summary>
    public static IncrementalState Create(string? text, MetabaseCatalog catalog, AnalysisOptions? options = null,
        CancellationToken ct = default) =>
        Create(text, catalog, options, KeyPartitions.DefaultMinItemsPerWorker, ct);

    /// <summary>
    /// The same; slots are analysed in parallel on contiguous ranges when there are at least
    /// <paramref name="minSlotsPerWorker"/> slots per worker (tests lower it to exercise the parallel path).
    /// </summary>
    internal static IncrementalState Create(string? text, MetabaseCatalog catalog, AnalysisOptions? options,
        int minSlotsPerWorker, CancellationToken ct)
    {
        text ??= string.Empty;
        options ??= AnalysisOptions.Default;
        var model = MetabaseModel.Build(SyntaxTree.Parse(text));
        var lookups = CatalogLookups.For(catalog);
        var syntax = model.Tree.Diagnostics.ToArray();
        var syntaxIndex = new DiagnosticSpanIndex(syntax);

        var keys = model.Keys;

        // First where each slot's keys are (cheap, in order), then the per-key rules per slot.
        // One slot per key in the usual file, so the key count sizes the list without regrowing it.
        var layout = new List<SlotLayout>(keys.Count);
        int next = 0;
        int checkedAlone = 0;
        foreach (var element in SlotElements(model.Tree))
        {
            if ((layout.Count & 1023) == 0) ct.ThrowIfCancellationRequested();
            var span = element.Span;
            int first = next;
            // model.Keys lists each slot's keys in document order, so they are consumed in runs.
            while (next < keys.Count && keys[next].Element.Span.Start >= span.Start && keys[next].Element.Span.Start < Math.Max(span.End, span.Start + 1)) next++;
            // A key with a syntax error in it (one being typed) is checked by parsing it alone; a file broken
            // everywhere is not checked key by key.
            bool alone = !syntaxIndex.Touches(span) || (checkedAlone++ < MaxSlotsCheckedAlone && ParsesAloneAsInPlace(text, span, syntax));
            layout.Add(new SlotLayout(span, first, next - first, alone));
        }

        int workers = KeyPartitions.WorkerCount(layout.Count, minSlotsPerWorker);
        // The cross-key rules only read the model: on a large file they run beside the per-key rules.
        var crossKeyTask = workers > 1 ? Task.Run(() => CrossKey(model, catalog, options)) : null;
        var slotArray = new KeySlot[layout.Count];
        KeyPartitions.Run(layout.Count, workers, ct, (_, start, end) =>
        {
            var names = new PropertyNameCache(catalog);
            var scratch = new List<MetabaseDiagnostic>();
            for (int i = start; i < end; i++)
            {
                if (((i - start) & 255) == 0) ct.ThrowIfCancellationRequested();
                if (i + TextPrefetch.KeysAhead < end && layout[i + TextPrefetch.KeysAhead] is { KeyCount: > 0 } ahead)
                    TextPrefetch.HintStartTag(keys[ahead.FirstKey].Element, TextPrefetch.StartTagChars);
                var at = layout[i];
                slotArray[i] = BuildSlot(keys, at.FirstKey, at.KeyCount, at.Span, lookups, names, scratch, at.ParsesAlone);
            }
        });
        ct.ThrowIfCancellationRequested();
        var (exchange, crossKey, smtpKeys) = crossKeyTask?.GetAwaiter().GetResult() ?? CrossKey(model, catalog, options);

        // The Exchange hints list each slot's servers in the same order, so they are handed out in runs.
        int nextExchange = 0;
        for (int i = 0; i < slotArray.Length; i++)
        {
            var span = layout[i].Span;
            int firstExchange = nextExchange;
            while (nextExchange < exchange.Count && exchange[nextExchange].Span.Start < span.End) nextExchange++;
            if (nextExchange == firstExchange) continue; // BuildSlot left the empty array
            slotArray[i] = slotArray[i] with { ExchangeDiagnostics = Relative(exchange.GetRange(firstExchange, nextExchange - firstExchange), span.Start) };
        }

        var crossKeyArray = crossKey.ToArray();
        var diagnostics = Assemble(syntax, slotArray, crossKeyArray);
        return new IncrementalState(text, catalog, options, UpdateKind.Full, slotArray, syntax, crossKeyArray, smtpKeys, diagnostics, DocumentOf(catalog, model));
    }

    /// <summary>
    /// Made outside Create so the lambda captures only these two: a lambda in Create would share its closure with the
    /// per-slot work and keep the layout and the slot array (about 9 MB on 50 MB) alive until Document is asked for.
    /// </summary>
    private static Lazy<MetabaseDocument> DocumentOf(MetabaseCatalog catalog, MetabaseModel model) =>
        new(() => new MetabaseDocument(catalog, model));

    /// <summary>What Create needs from all keys at once: the Exchange hints, the Location rules and the SMTP keys by path.</summary>
    private static (List<MetabaseDiagnostic> Exchange, List<MetabaseDiagnostic> CrossKey, Dictionary<string, SmtpAncestor?> SmtpKeys) CrossKey(
        MetabaseModel model, MetabaseCatalog catalog, AnalysisOptions options)
    {
        var servers = ExchangeRules.SmtpServers(model);
        var exchange = new List<MetabaseDiagnostic>();
        if (options.ExchangeHints) ExchangeRules.Analyze(model, servers, catalog, exchange);
        var crossKey = new List<MetabaseDiagnostic>();
        DocumentRules.Analyze(model, crossKey);
        // The first key at each path, as detection finds it, or null where there is none (a key typed there later
        // would change a verdict); looked up in the model's index rather than by hashing every key's Location again.
        var smtpKeys = new Dictionary<string, SmtpAncestor?>(LocationPath.Comparer);
        foreach (var path in PathsAboveSmtpServers(servers))
        {
            smtpKeys.Add(path, model.FindByLocation(path) is [var first, ..] ? new SmtpAncestor(first.Location, first.HasCustomProperties) : null);
        }
        return (exchange, crossKey, smtpKeys);
    }

    /// <summary>
    /// The paths Exchange detection can ask about: the /LM/SmtpSvc paths above each IIsSmtpServer. An incremental
    /// update keeps every key at these paths and brings no server below a path not among them, so no other path is
    /// ever asked for; a server removed or renamed away may leave its paths here, where a key typed later makes the
    /// full pass as it did before. Keeping only these (a few instead of every SMTP domain and virtual directory, 4 MB on
    /// 50 MB) is what lets the state stay small.
    /// </summary>
    private static HashSet<string> PathsAboveSmtpServers(IReadOnlyList<MetabaseKey> servers)
    {
        var paths = new HashSet<string>(LocationPath.Comparer);
        foreach (var server in servers)
        {
            foreach (var path in PathsAbove(server))
            {
                if (!paths.Add(path)) break;
            }
        }
        return paths;
    }

    /// <summary>The /LM/SmtpSvc paths above one server, normalised, nearest first: those detection asks about for it.</summary>
    private static IEnumerable<string> PathsAbove(MetabaseKey server)
    {
        var location = server.Location;
        while (LocationPath.GetParent(location) is { } parent && ExchangeDetection.IsSmtpSvcPath(parent))
        {
            yield return LocationPath.Normalize(parent);
            location = parent;
        }
    }

    /// <summary>Where one slot's keys are in the full pass's list, and whether its text parses alone as in place.</summary>
    private readonly record struct SlotLayout(TextSpan Span, int FirstKey, int KeyCount, bool ParsesAlone);

    private const int MaxSlotsCheckedAlone = 1000;

    /// <summary>
    /// True when the slot element at <paramref name="span"/>, which syntax diagnostics touch, parses alone as one
    /// element (<see cref="ParsesAsOneElement"/>) drawing exactly the syntax diagnostics it has in place.
    /// </summary>
    private static bool ParsesAloneAsInPlace(string text, TextSpan span, MetabaseDiagnostic[] syntax)
    {
        var tree = SlotParse.Parse(text.Substring(span.Start, span.Length));
        if (!ParsesAsOneElement(tree, span.Length)) return false;
        var alone = SyntaxDiagnosticsOf(tree);
        int first = FirstStartingAtOrAfter(syntax, span.Start);
        int count = 0;
        while (first + count < syntax.Length && syntax[first + count].Span.Start < span.End) count++;
        if (count != alone.Length) return false;
        for (int i = 0; i < count; i++)
        {
            if (Move(alone[i], span.Start) != syntax[first + i]) return false;
        }
        return true;
    }

    /// <summary>
    /// True when the slot's key ends with its own '&gt;' (its end tag's, or its start tag's when self-closing): then
    /// what follows it is read the same whatever it is. A key being typed ends before the next key instead, whatever
    /// its last character; its start tag or its element is reported never closed, at its start.
    /// </summary>
    private static bool EndsWithItsOwnTag(IncrementalState previous, KeySlot slot)
    {
        if (previous.Buffer[slot.End - 1] != '>') return false;
        var syntax = previous.SyntaxDiagnostics;
        for (int i = FirstStartingAtOrAfter(syntax, slot.Start); i < syntax.Length && syntax[i].Span.Start <= slot.Start + 1; i++)
        {
            var code = syntax[i].Code;
            if (code == DiagnosticCodes.UnterminatedTag || code == DiagnosticCodes.MissingEndTag) return false;
        }
        return true;
    }

    private static int FirstStartingAtOrAfter(MetabaseDiagnostic[] sorted, int offset)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Span.Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The state for <paramref name="newText"/>, which is the previous text with <paramref name="changedSpan"/> (a range
    /// of the previous text) replaced; the inserted length is implied by the two text lengths. Several LSP changes
    /// in one didChange can be passed as one span covering all of them.
    /// </summary>
    public static IncrementalState Update(IncrementalState previous, string newText, TextSpan changedSpan,
        CancellationToken ct = default) =>
        Update(previous, TextBuffer.From(newText), changedSpan, ct);

    /// <summary>
    /// As <see cref="Update(IncrementalState, string, TextSpan, CancellationToken)"/> on a text buffer: the incremental
    /// path copies only the edited key out of it, so no whole string is built; a fallback to a full pass builds one.
    /// </summary>
    public static IncrementalState Update(IncrementalState previous, TextBuffer newText, TextSpan changedSpan,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        newText ??= TextBuffer.Empty;
        return TryIncremental(previous, newText, changedSpan) ?? Create(newText.ToString(), previous.Catalog, previous.Options, ct);
    }

    /// <summary>Finds the changed range itself (common prefix and suffix); for hosts that only have the two texts.</summary>
    public static IncrementalState Update(IncrementalState previous, string newText, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        newText ??= string.Empty;
        var oldText = previous.Text;
        int prefix = oldText.AsSpan().CommonPrefixLength(newText);
        int maxSuffix = Math.Min(oldText.Length, newText.Length) - prefix;
        int suffix = CommonSuffixLength(oldText.AsSpan(oldText.Length - maxSuffix), newText.AsSpan(newText.Length - maxSuffix));
        return Update(previous, newText, TextSpan.FromBounds(prefix, oldText.Length - suffix), ct);
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Whole blocks with vectorised compares first, then the last differing block char by char.
        const int Block = 256;
        int matched = 0;
        while (matched + Block <= a.Length && a[^(matched + Block)..^matched].SequenceEqual(b[^(matched + Block)..^matched])) matched += Block;
        while (matched < a.Length && a[a.Length - 1 - matched] == b[b.Length - 1 - matched]) matched++;
        return matched;
    }

    private static IncrementalState? TryIncremental(IncrementalState previous, TextBuffer newText, TextSpan changed)
    {
        int oldLength = previous.Buffer.Length;
        if (changed.Start < 0 || changed.Length < 0 || changed.End > oldLength) return null;
        int delta = newText.Length - oldLength;
        if (changed.Length + delta < 0) return null;
        // An edit whose old and new text together outweigh the document (a replace-all over the file) would be read
        // twice on one thread before the rules run: one full pass is cheaper.
        if (2L * changed.Length + delta > Math.Max(oldLength, MinEditReadAsAWhole)) return null;

        var slots = previous.Slots;
        if (MayMoveAnUnclosedPiEnd(previous, newText, changed, delta)) return null;
        if (TryBetweenKeys(previous, newText, changed, delta) is { } between) return between;
        if (TryCommentsBetweenKeys(previous, newText, changed, delta) is { } comments) return comments;
        int index = slots.Find(changed.Start);
        // Typed right at the end of a key being typed, which ends at the next '<': the key grows.
        if ((index < 0 || changed.Start == slots[index].Start) && changed.Start > 0 && slots.LastStartingAtOrBefore(changed.Start - 1) is var last and >= 0
            && slots[last].End == changed.Start && TryInSlot(previous, newText, changed, delta, last) is { } grown)
            return grown;
        if (index < 0 || changed.Start == slots[index].Start) return TryBetweenSlots(previous, newText, changed, delta);
        if (TryInSlot(previous, newText, changed, delta, index) is { } inSlot) return inSlot;
        // The edit made the key two (an element other than Custom typed in it), or a Custom element that goes inside
        // the key before, which ends where it starts (one being typed): read from the last key that ends with its '>'.
        int before = index - 1;
        for (int steps = 0; steps < 2 && before >= 0 && slots[before].End == slots[before + 1].Start; steps++) before--;
        return TryRegion(previous, newText, changed, delta, before, slots.LastStartingAtOrBefore(changed.End - 1) + 1);
    }

    /// <summary>An edit strictly inside slot <paramref name="index"/> that leaves it one key element, or null.</summary>
    private static IncrementalState? TryInSlot(IncrementalState previous, TextBuffer newText, TextSpan changed, int delta, int index)
    {
        int oldLength = previous.Buffer.Length;
        var slots = previous.Slots;
        var old = slots[index];
        // Strictly inside: the element's '<' and final '>' stay as they were, so its neighbours parse as before. A key
        // being typed ends at the next '<' instead, which stays too when the edit ends right before it.
        if (!old.ParsesAlone || changed.Start <= old.Start || changed.End > old.End) return null;
        if (changed.End == old.End && (old.End >= oldLength || previous.Buffer[old.End] != '<' || EndsWithItsOwnTag(previous, old))) return null;

        var fragment = newText.ToString(old.Start, old.Length + delta);
        var tree = SlotParse.Parse(fragment);
        // A key being typed that ended before the next key, now closed by its end tag: the whitespace after it is no
        // longer its own.
        if (EndsBeforeWhitespace(tree) is int end)
        {
            fragment = fragment[..end];
            tree = SlotParse.Parse(fragment);
        }
        if (!ParsesAsOneElement(tree, fragment.Length)) return null;
        // A key being typed ends at the next '<' in place, as SlotParse has it alone; not at the end of the text. One
        // whose start tag is closed ends there only when that '<' starts another key.
        if (SlotParse.IsOpen(tree) && (old.End >= oldLength || previous.Buffer[old.End] != '<')) return null;
        if (SlotParse.IsNeverClosed(tree) && !SlotParse.EndsAnOpenKeyAt(previous.Buffer, old.End))
        {
            // Its end tag just broken (a key type renamed in its start tag first): in place it now runs on over the
            // whitespace after it to the next key, or to the section's end tag.
            int next = index + 1 < slots.Count ? slots[index + 1].Start : SlotParse.SectionEndAfter(previous.Buffer, old.End);
            if (next < 0 || !IsWhitespace(previous.Buffer, old.End, next) || !SlotParse.EndsAnOpenKeyAt(previous.Buffer, next)) return null;
            fragment = newText.ToString(old.Start, next + delta - old.Start);
            tree = SlotParse.Parse(fragment);
            if (!ParsesAsOneElement(tree, fragment.Length) || !SlotParse.IsNeverClosed(tree)) return null;
        }
        // A Custom element right after a key that ends where it starts (one being typed) goes inside that key in place.
        if (tree.Root!.Name == "Custom" && index > 0 && slots[index - 1].End == old.Start) return null;
        var keys = MetabaseModel.KeysOf(tree);

        // Results for other keys can only change when a key's type, Location or Custom elements changed. A change in
        // a key Exchange detection reads needs the full pass, but for an SMTP server detection judges alone; a
        // changed Location, type or Location attribute, or an edit in a key the cross-key rules report on, has those
        // rules run again over the keys of the last whole parse (CrossKeyRecheck).
        var change = Compare(previous.Buffer.ToString(old.Start, old.Length), keys, previous.SmtpKeys);
        if (change == KeyChange.Other) return null;
        bool reportedOn = false;
        foreach (var diagnostic in previous.CrossKeyDiagnostics)
        {
            if (!Overlaps(diagnostic.Span, old.Start, old.End)) continue;
            reportedOn = true;
            break;
        }
        var slot = BuildSlot(keys, 0, keys.Count, new TextSpan(0, fragment.Length), CatalogLookups.For(previous.Catalog), parsesAlone: true);
        slot = slot with { Start = old.Start, ExchangeDiagnostics = ExchangeHints(keys, previous) };
        var newSlots = slots.Replace(index, slot, delta);

        int at = changed.End;
        var earlier = EarlierFor(previous, index, change == KeyChange.CrossKey);
        MetabaseDiagnostic[] crossKey;
        if (change == KeyChange.CrossKey || reportedOn)
        {
            if (earlier == null) return null;
            crossKey = CrossKeyRecheck.Run(earlier, newSlots, newText, new Dictionary<int, (SyntaxTree, List<MetabaseKey>)> { [index] = (tree, keys) });
        }
        else crossKey = Shift(previous.CrossKeyDiagnostics, at, delta);

        var syntax = ReplaceSyntax(previous.SyntaxDiagnostics, new TextSpan(old.Start, old.Length), SyntaxDiagnosticsOf(tree), at, delta);
        return Updated(previous, newText, newSlots, syntax, crossKey, earlier);
    }

    /// <summary>
    /// True when a processing instruction before the edit is left unclosed and the edit makes or breaks a "?&gt;": the
    /// parser looks for one "?&gt;" after the first unclosed one, however far, so its end would move.
    /// </summary>
    private static bool MayMoveAnUnclosedPiEnd(IncrementalState previous, TextBuffer newText, TextSpan changed, int delta)
    {
        int from = Math.Max(0, changed.Start - 1);
        if (!previous.Buffer.ToString(from, Math.Min(previous.Buffer.Length, changed.End + 1) - from).Contains("?>", StringComparison.Ordinal)
            && !newText.ToString(from, Math.Min(newText.Length, changed.End + delta + 1) - from).Contains("?>", StringComparison.Ordinal))
            return false;
        foreach (var diagnostic in previous.SyntaxDiagnostics)
        {
            if (diagnostic.Span.Start >= changed.Start) break;
            if (diagnostic.Code == DiagnosticCodes.UnterminatedTag && previous.Buffer[diagnostic.Span.Start + 1] == '?') return true;
        }
        return false;
    }

    /// <summary>Where the one element of a slot parsed alone ends with its own '&gt;' before only whitespace, or null.</summary>
    private static int? EndsBeforeWhitespace(SyntaxTree tree)
    {
        if (tree.Document.Elements is not [var only] || (only.EndTagSpan == null && !only.IsSelfClosing)) return null;
        int end = only.Span.End;
        if (end == 0 || end >= tree.Text.Length || tree.Text[end - 1] != '>') return null;
        return tree.Text.AsSpan(end).IndexOfAnyExcept(" \t\r\n") < 0 ? end : null;
    }

    /// <summary>
    /// An edit in the whitespace between two keys that leaves only whitespace there (a line break after an end tag, a
    /// blank line removed), after a key that parses alone as in place: nothing is parsed or judged differently, so every
    /// later key, slot and diagnostic only moves. Null for anything else, including text before the first key or after
    /// the last.
    /// </summary>
    private static IncrementalState? TryBetweenKeys(IncrementalState previous, TextBuffer newText, TextSpan changed, int delta)
    {
        var slots = previous.Slots;
        // The first slot starting at or after the edit's end, and the one before it.
        int next = slots.LastStartingAtOrBefore(changed.End);
        if (next < 0 || slots[next].Start < changed.End) next++;
        if (next < 1 || next >= slots.Count) return null;
        var before = slots[next - 1];
        var after = slots[next];
        // The key before must end with its own '>': one that recovery ended (an unterminated value or start tag) can
        // take the whitespace after it into its value when the text changes. And a key being typed (its start tag
        // open) ends at the next '<', with no whitespace after it: whitespace typed right before that '<' is its own.
        if (before.End > changed.Start || !before.ParsesAlone || before.End == after.Start) return null;
        if (!IsWhitespace(previous.Buffer, before.End, after.Start) || !IsWhitespace(newText, before.End, after.Start + delta)) return null;

        var newSlots = slots.Replace(next, after with { Start = after.Start + delta }, delta);
        int at = changed.End;
        // No slot was edited: the earlier whole parse moves as it is (text between slots moves with the slot before it,
        // and this whitespace holds no element or comment).
        return Updated(previous, newText, newSlots, Shift(previous.SyntaxDiagnostics, at, delta),
            Shift(previous.CrossKeyDiagnostics, at, delta), EarlierFor(previous, editedSlot: null, keysChanged: false));
    }

    /// <summary>
    /// An edit between two keys where comments are, or are pasted, that leaves only whitespace and comments closed
    /// there, after a key that ends with its own '&gt;' and parses alone as in place; or between the section's start
    /// tag and its first key, or its last key and its end tag, comments or not. A closed comment draws no diagnostic
    /// and ends at its first "--&gt;", so nothing else is read differently and every later key, slot and diagnostic
    /// only moves. The earlier whole parse's comments there no longer move with the slot before them, so folding is
    /// left to a whole parse (<see cref="EarlierDocument.CommentsChanged"/>). Null for anything else, such as a
    /// comment opened, closed early or left open, which swallows or frees what follows.
    /// </summary>
    private static IncrementalState? TryCommentsBetweenKeys(IncrementalState previous, TextBuffer newText, TextSpan changed, int delta)
    {
        var slots = previous.Slots;
        if (slots.Count == 0) return null;
        // The first slot starting at or after the edit's end; the text edited runs from the one before it (or the
        // section's start tag) to it (or the section's end tag).
        int next = slots.LastStartingAtOrBefore(changed.End);
        if (next < 0 || slots[next].Start < changed.End) next++;
        int start, end;
        if (next > 0)
        {
            var before = slots[next - 1];
            if (before.End > changed.Start || !before.ParsesAlone || !EndsWithItsOwnTag(previous, before)) return null;
            start = before.End;
        }
        else if (SectionContentStart(previous.Buffer, slots[0].Start) is int first && first <= changed.Start) start = first;
        else return null;
        if (next < slots.Count) end = slots[next].Start;
        else if (SlotParse.SectionEndAfter(previous.Buffer, start, MaxCharsBetweenKeysReadAgain) is var last and >= 0 && changed.End <= last) end = last;
        else return null;

        int length = end - start;
        if (Math.Max(length, length + delta) > MaxCharsBetweenKeysReadAgain) return null;
        if (CommentsAndWhitespace(previous.Buffer.ToString(start, length)) is not int was
            || CommentsAndWhitespace(newText.ToString(start, length + delta)) is not int now)
            return null;
        // Whitespace alone between two keys is TryBetweenKeys's, which keeps the folding moving.
        if (was + now == 0 && next > 0 && next < slots.Count) return null;

        var newSlots = next < slots.Count ? slots.Replace(next, slots[next] with { Start = end + delta }, delta) : slots;
        int at = changed.End;
        return Updated(previous, newText, newSlots, Shift(previous.SyntaxDiagnostics, at, delta),
            Shift(previous.CrossKeyDiagnostics, at, delta), EarlierFor(previous, editedSlot: null, keysChanged: false, commentsChanged: true));
    }

    /// <summary>
    /// Right after the MBProperty start tag that the first key at <paramref name="firstKey"/> follows, when only text
    /// within reach lies between them; else null (the tag then sits inside something, or too far).
    /// </summary>
    private static int? SectionContentStart(TextBuffer text, int firstKey)
    {
        int from = Math.Max(0, firstKey - MaxCharsBetweenKeysReadAgain);
        var before = text.ToString(from, firstKey - from);
        int tag = before.LastIndexOf("<MBProperty", StringComparison.Ordinal);
        if (tag < 0) return null;
        int nameEnd = tag + "<MBProperty".Length;
        int close = before.IndexOf('>', nameEnd);
        if (close < 0 || (before[nameEnd] != '>' && !char.IsWhiteSpace(before[nameEnd])) || before.AsSpan(nameEnd, close - nameEnd).Contains('<')) return null;
        return from + close + 1;
    }

    // Text between two keys read again at each keystroke in it: comments of a few screens, not a file's worth.
    private const int MaxCharsBetweenKeysReadAgain = 64 * 1024;

    /// <summary>
    /// How many comments the text holds when it is only whitespace and comments closed in it that draw no diagnostic
    /// (no "--" inside), else null.
    /// </summary>
    private static int? CommentsAndWhitespace(string text)
    {
        int comments = 0;
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n') { i++; continue; }
            if (!text.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal)) return null;
            // As the parser ends a comment: at the first "-->" after its "<!--".
            int close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
            if (close < 0 || Parser.DashesInComment(text.AsSpan(i + 4, close - (i + 4))) >= 0) return null;
            comments++;
            i = close + 3;
        }
        return comments;
    }

    /// <summary>
    /// An edit between two keys that keeps both (the key before ends with its own '&gt;' and parses alone as in place)
    /// and leaves between them whitespace, stray text, closed comments and whole keys: a key pasted, deleted, commented
    /// out or back in, or started with its '&lt;'.
    /// The text between them is parsed inside an MBProperty as it is in place (<see cref="RegionParse"/>), before and
    /// after the edit; each key there now must parse alone as in place, and becomes a slot of its own. Keys at paths
    /// Exchange detection asks about are not added or removed this way, nor SMTP servers it would judge by keys it has
    /// not looked up. Null for anything else.
    /// </summary>
    private static IncrementalState? TryBetweenSlots(IncrementalState previous, TextBuffer newText, TextSpan changed, int delta)
    {
        var slots = previous.Slots;
        // The last slot starting before the edit, and the first starting at or after its end; those between are removed.
        int before = changed.Start > 0 ? slots.LastStartingAtOrBefore(changed.Start - 1) : -1;
        int after = changed.End > 0 ? slots.LastStartingAtOrBefore(changed.End - 1) + 1 : 0;
        if (before < 0 || after <= before) return null;
        if (slots[before].End > changed.Start || (after - 1 > before && slots[after - 1].End > changed.End)) return null;
        return TryRegion(previous, newText, changed, delta, before, after);
    }

    /// <summary>
    /// The text between slots <paramref name="before"/> and <paramref name="after"/> (which the edit lies in) parsed
    /// again as between keys, as <see cref="TryBetweenSlots"/> has it; null when that does not hold.
    /// </summary>
    private static IncrementalState? TryRegion(IncrementalState previous, TextBuffer newText, TextSpan changed, int delta, int before, int after)
    {
        var slots = previous.Slots;
        if (before < 0 || after > slots.Count || after <= before) return null;
        var first = slots[before];
        if (!first.ParsesAlone || !EndsWithItsOwnTag(previous, first)) return null;
        // Up to the next key, or after the last one up to the section's end tag.
        int end = after < slots.Count ? slots[after].Start : SlotParse.SectionEndAfter(previous.Buffer, first.End);
        if (end < changed.End) return null;
        // The text is read as followed by a key's start tag; a Custom element there would go inside a key left open.
        if (!SlotParse.EndsAnOpenKeyAt(previous.Buffer, end)) return null;

        int start = first.End;
        var wasText = previous.Buffer.ToString(start, end - start);
        var nowText = newText.ToString(start, end + delta - start);
        var was = RegionParse.Parse(wasText);
        var now = RegionParse.Parse(nowText);
        // Each key pasted is parsed and judged alone, at a cost per key that a full pass spreads over many: past this
        // many, one full pass is cheaper.
        if (was == null || now == null || was.Elements.Length != after - before - 1 || now.Elements.Length > MaxKeysAddedAlone) return null;
        for (int i = 0; i < was.Elements.Length; i++)
        {
            if (was.Elements[i] != new TextSpan(slots[before + 1 + i].Start - start, slots[before + 1 + i].Length)) return null;
        }
        // The text between read alone must draw what it drew in place.
        var syntax = previous.SyntaxDiagnostics;
        int from = FirstStartingAtOrAfter(syntax, start), to = FirstStartingAtOrAfter(syntax, end);
        if (to - from != was.Diagnostics.Length) return null;
        for (int i = 0; i < was.Diagnostics.Length; i++)
        {
            if (Move(was.Diagnostics[i], start) != syntax[from + i]) return null;
        }

        // Keys at paths Exchange detection asks about are not removed or added here, nor servers it would judge by keys
        // it has not looked up (those added are checked as each is read below); servers that go take their hints along.
        var wasKeys = MetabaseModel.Build(was.Tree).Keys;
        if (wasKeys.Any(key => AtPathAskedAbout(key, previous.SmtpKeys))) return null;

        var lookups = CatalogLookups.For(previous.Catalog);
        var added = new KeySlot[now.Elements.Length];
        int addedKeys = 0;
        var parsedNow = new Dictionary<int, (SyntaxTree, List<MetabaseKey>)>();
        for (int i = 0; i < added.Length; i++)
        {
            var span = now.Elements[i];
            var fragment = newText.ToString(start + span.Start, span.Length);
            var tree = SlotParse.Parse(fragment);
            if (!ParsesAsOneElement(tree, fragment.Length)) return null;
            var alone = SyntaxDiagnosticsOf(tree);
            int inRegion = 0;
            foreach (var diagnostic in now.Diagnostics)
            {
                if (diagnostic.Span.Start < span.Start || diagnostic.Span.Start >= span.End) continue;
                if (inRegion >= alone.Length || Move(alone[inRegion], span.Start) != diagnostic) return null;
                inRegion++;
            }
            if (inRegion != alone.Length) return null;
            var keys = MetabaseModel.KeysOf(tree);
            if (!keys.All(key => JudgedAlone(key, previous.SmtpKeys))) return null;
            addedKeys += keys.Count;
            added[i] = BuildSlot(keys, 0, keys.Count, new TextSpan(0, fragment.Length), lookups, parsesAlone: true)
                with { Start = start + span.Start, ExchangeDiagnostics = ExchangeHints(keys, previous) };
            parsedNow[before + 1 + i] = (tree, keys);
        }

        int removed = after - before - 1;
        var newSlots = removed == 0 && added.Length == 0
            ? after < slots.Count ? slots.Replace(after, slots[after] with { Start = end + delta }, delta) : slots
            : slots.Splice(before + 1, removed, added, delta);
        int at = changed.End;
        var newSyntax = ReplaceSyntax(syntax, TextSpan.FromBounds(start, end), now.Diagnostics, at, delta);
        // Comments here (a key commented out or back in, a note beside a key pasted) no longer move with the slot before.
        bool comments = wasText.Contains("<!--", StringComparison.Ordinal) || nowText.Contains("<!--", StringComparison.Ordinal);
        if (wasKeys.Count == 0 && addedKeys == 0)
        {
            // Only stray text changed: no key moved or changed, so the cross-key results and the earlier parse only move.
            return Updated(previous, newText, newSlots, newSyntax, Shift(previous.CrossKeyDiagnostics, at, delta),
                EarlierFor(previous, editedSlot: null, keysChanged: false, comments));
        }
        var earlier = EarlierSpliced(previous, before + 1, removed, added.Length);
        if (comments) earlier = earlier?.WithCommentsChanged();
        if (earlier == null) return null;
        var crossKey = CrossKeyRecheck.Run(earlier, newSlots, newText, parsedNow);
        return Updated(previous, newText, newSlots, newSyntax, crossKey, earlier);
    }

    private const int MaxKeysAddedAlone = 1000;

    // Below this many characters an edit is never too large to read alone, however small the document.
    private const int MinEditReadAsAWhole = 1 << 20;

    /// <summary>The state an incremental update makes; the whole parse of the new text is left until a feature asks.</summary>
    private static IncrementalState Updated(IncrementalState previous, TextBuffer newText, SlotTable slots,
        MetabaseDiagnostic[] syntax, MetabaseDiagnostic[] crossKey, EarlierDocument? earlier)
    {
        var catalog = previous.Catalog;
        var document = new Lazy<MetabaseDocument>(() => MetabaseDocument.Create(newText.ToString(), catalog));
        return new IncrementalState(newText, catalog, previous.Options, UpdateKind.Incremental, slots, syntax, crossKey,
            previous.SmtpKeys, Assemble(syntax, slots, crossKey), document, earlier);
    }

    // The parser's whitespace: anything else between keys is text it reports.
    private static bool IsWhitespace(TextBuffer text, int start, int end)
    {
        if (end < start) return false;
        foreach (var chunk in text.GetChunks(start, end - start))
        {
            if (chunk.Span.IndexOfAnyExcept(" \t\r\n") >= 0) return false;
        }
        return true;
    }

    /// <summary>
    /// The earlier whole parse the next version's outline and cross-key rules can start from: the previous version's
    /// when it has one (a full pass always does), else the one the previous version kept, with
    /// <paramref name="editedSlot"/> (if any) among its edited slots.
    /// </summary>
    private static EarlierDocument? EarlierFor(IncrementalState previous, int? editedSlot, bool keysChanged, bool commentsChanged = false)
    {
        if (previous.Kind == UpdateKind.Full || previous.HasDocument)
            return new EarlierDocument(previous.Document, previous.Slots, editedSlot is int slot ? [new EditedRun(slot, slot + 1, slot, slot + 1)] : [], keysChanged, commentsChanged);
        var earlier = editedSlot is int edited ? previous.Earlier?.WithEdited(edited, keysChanged) : previous.Earlier;
        return commentsChanged ? earlier?.WithCommentsChanged() : earlier;
    }

    /// <summary>The same after slots <paramref name="slot"/> to <paramref name="slot"/> + <paramref name="removed"/> were replaced by <paramref name="added"/>.</summary>
    private static EarlierDocument? EarlierSpliced(IncrementalState previous, int slot, int removed, int added)
    {
        var earlier = previous.Kind == UpdateKind.Full || previous.HasDocument
            ? new EarlierDocument(previous.Document, previous.Slots, [], keysChanged: false)
            : previous.Earlier;
        return earlier?.WithSpliced(slot, removed, added);
    }

    /// <summary>The top-level elements of each MBProperty section of a configuration root, in document order.</summary>
    private static IEnumerable<ElementNode> SlotElements(SyntaxTree tree)
    {
        var root = tree.Root;
        if (root == null || root.Name != "configuration") yield break;
        foreach (var section in root.Children)
        {
            if (section.Name != "MBProperty") continue;
            foreach (var element in section.Children) yield return element;
        }
    }

    private static KeySlot BuildSlot(IReadOnlyList<MetabaseKey> keys, int first, int count, TextSpan span,
        CatalogLookups lookups, bool parsesAlone) =>
        BuildSlot(keys, first, count, span, lookups, new PropertyNameCache(lookups.Catalog), new List<MetabaseDiagnostic>(), parsesAlone);

    /// <summary>The same with the caller's name cache and scratch list, so a full pass does not make them per slot.</summary>
    private static KeySlot BuildSlot(IReadOnlyList<MetabaseKey> keys, int first, int count, TextSpan span,
        CatalogLookups lookups, PropertyNameCache names, List<MetabaseDiagnostic> local, bool parsesAlone)
    {
        local.Clear();
        for (int k = 0; k < count; k++) KeyRules.Analyze(keys[first + k], lookups, names, local);
        return new KeySlot(span.Start, span.Length, Relative(local, span.Start), None, parsesAlone);
    }

    private enum KeyChange { None, CrossKey, Other }

    /// <summary>
    /// How the keys of the old slot's element (which parses alone as it did in place) differ from the re-parsed ones:
    /// not at all for other keys (Custom elements added or removed, which only Exchange detection reads), in what the
    /// cross-key rules read (a Location, a key type, whether a Location attribute is there), or otherwise (their
    /// number, or a key Exchange detection reads: an SMTP server, but for one it judges alone, or a key at a path above
    /// one). Recomputed here instead of kept per slot: one small parse per keystroke instead of an array and a Location
    /// string per key held for the life of the document.
    /// </summary>
    private static KeyChange Compare(string oldFragment, List<MetabaseKey> newKeys, IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys)
    {
        var oldKeys = MetabaseModel.KeysOf(SlotParse.Parse(oldFragment));
        if (oldKeys.Count == 0 || oldKeys.Count != newKeys.Count) return KeyChange.Other;
        var change = KeyChange.None;
        for (int k = 0; k < oldKeys.Count; k++)
        {
            KeySummary was = KeySummary.Of(oldKeys[k]), now = KeySummary.Of(newKeys[k]);
            if (was == now) continue;
            if ((ReadByExchangeDetection(oldKeys[k], smtpKeys) || ReadByExchangeDetection(newKeys[k], smtpKeys))
                && !OnlyItsOwnHintsChange(oldKeys[k], newKeys[k], smtpKeys)) return KeyChange.Other;
            if (was with { HasCustom = now.HasCustom } != now) change = KeyChange.CrossKey;
        }
        return change;
    }

    /// <summary>
    /// An SMTP server, or a key at a path above one that detection asks about (<see cref="IncrementalState.SmtpKeys"/>,
    /// present or not). Other keys under /LM/SmtpSvc (domains, virtual directories) are never read by it.
    /// </summary>
    private static bool ReadByExchangeDetection(MetabaseKey key, IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys) =>
        key.KeyType == ExchangeRules.SmtpServerType || AtPathAskedAbout(key, smtpKeys);

    /// <summary>
    /// A key changed into <paramref name="now"/> that detection judges alone, before and after: an SMTP server (or a key
    /// that becomes or stops being one) at no path detection asks about (no other server hangs below it), which
    /// detection judges by the keys above it, and no other server by it. Only its own hints change, made again with its
    /// slot. Typing in a server's Location or its type, or adding a Custom element to it, is such an edit.
    /// </summary>
    private static bool OnlyItsOwnHintsChange(MetabaseKey was, MetabaseKey now, IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys) =>
        !AtPathAskedAbout(was, smtpKeys) && JudgedAlone(now, smtpKeys);

    /// <summary>
    /// A key now in the text that detection sees in its own hints only: at no path it asks about, and no SMTP server,
    /// or one whose paths above are all among those asked about, so the keys above it are known and no path has to
    /// be added (which would need every key to look it up).
    /// </summary>
    private static bool JudgedAlone(MetabaseKey key, IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys) =>
        !AtPathAskedAbout(key, smtpKeys) && (key.KeyType != ExchangeRules.SmtpServerType || PathsAbove(key).All(smtpKeys.ContainsKey));

    private static bool AtPathAskedAbout(MetabaseKey key, IReadOnlyDictionary<string, SmtpAncestor?> smtpKeys) =>
        key.Location is { } location && smtpKeys.ContainsKey(LocationPath.Normalize(location));

    /// <summary>MB5001 on the SMTP servers among a re-parsed slot's keys (whose spans are already slot-relative).</summary>
    private static MetabaseDiagnostic[] ExchangeHints(List<MetabaseKey> keys, IncrementalState previous)
    {
        var facts = previous.Catalog.Exchange;
        if (!previous.Options.ExchangeHints || facts.AdAttributeByProperty.Count == 0) return None;
        var sink = new List<MetabaseDiagnostic>();
        var smtpKeys = previous.SmtpKeys;
        foreach (var key in keys)
        {
            if (key.KeyType != ExchangeRules.SmtpServerType) continue;
            var verdict = ExchangeDetection.Evaluate(key, facts,
                location => smtpKeys.TryGetValue(LocationPath.Normalize(location), out var ancestor) ? ancestor : null);
            ExchangeRules.AnalyzeServer(key, verdict, facts, sink);
        }
        return sink.Count == 0 ? None : sink.ToArray();
    }

    private static MetabaseDiagnostic[] Relative(List<MetabaseDiagnostic> diagnostics, int start)
    {
        if (diagnostics.Count == 0) return None;
        var relative = new MetabaseDiagnostic[diagnostics.Count];
        for (int i = 0; i < diagnostics.Count; i++) relative[i] = Move(diagnostics[i], -start);
        return relative;
    }

    private static IReadOnlyList<MetabaseDiagnostic> Assemble(MetabaseDiagnostic[] syntax, KeySlot[] slots, MetabaseDiagnostic[] crossKey)
    {
        var local = new List<MetabaseDiagnostic>();
        var exchange = new List<MetabaseDiagnostic>();
        foreach (var slot in slots)
        {
            foreach (var diagnostic in slot.LocalDiagnostics) local.Add(Move(diagnostic, slot.Start));
            foreach (var diagnostic in slot.ExchangeDiagnostics) exchange.Add(Move(diagnostic, slot.Start));
        }
        return InAnalyzerOrder(syntax, local, crossKey, exchange);
    }

    private static IReadOnlyList<MetabaseDiagnostic> Assemble(MetabaseDiagnostic[] syntax, SlotTable slots, MetabaseDiagnostic[] crossKey)
    {
        var local = new List<MetabaseDiagnostic>();
        var exchange = new List<MetabaseDiagnostic>();
        slots.CollectDiagnostics(local, exchange);
        return InAnalyzerOrder(syntax, local, crossKey, exchange);
    }

    /// <summary>Same order as <see cref="MetabaseAnalyzer.Analyze"/>: syntax, per key, cross-key, Exchange, then a stable sort.</summary>
    private static IReadOnlyList<MetabaseDiagnostic> InAnalyzerOrder(MetabaseDiagnostic[] syntax, List<MetabaseDiagnostic> local,
        MetabaseDiagnostic[] crossKey, List<MetabaseDiagnostic> exchange)
    {
        var all = new List<MetabaseDiagnostic>(syntax.Length + local.Count + crossKey.Length + exchange.Count);
        all.AddRange(syntax);
        all.AddRange(local);
        all.AddRange(crossKey);
        all.AddRange(exchange);
        return MetabaseAnalyzer.InDocumentOrder(all);
    }

    // What an element can draw alone exactly as in place: problems inside its own tags, values and children, and end
    // tags matching nothing open (one being typed), unless they name MBProperty or configuration, which are open only
    // in place (see ParsesAsOneElement). Left out: DTDs (a quoted string in one can run past the element), and
    // unclosed comments or CDATA (they swallow the element's end tag, which the checks below already refuse).
    private static readonly HashSet<string> LocalSyntaxCodes =
    [
        DiagnosticCodes.MalformedMarkup, DiagnosticCodes.UnterminatedValue, DiagnosticCodes.UnterminatedTag, DiagnosticCodes.MissingEndTag,
        DiagnosticCodes.StrayText, DiagnosticCodes.UnknownEntity, DiagnosticCodes.DuplicateAttribute, DiagnosticCodes.StrayEndTag,
    ];

    /// <summary>
    /// True when a slot's text parsed alone (<see cref="SlotParse"/>) is one element over all of it, with its own end
    /// tag, self-closing, or being typed: its start tag not closed yet (it ends at the next '<'), or its end tag not
    /// typed yet (it ends before the next key; the caller checks that one follows in place). It draws only syntax
    /// diagnostics that it draws the same in place: with &lt;configuration&gt; and &lt;MBProperty&gt; open around it,
    /// every tag and value inside it is read the same way, and every search for a closing character finds it inside
    /// (the element ends with its '&gt;', or before the next '<'). Alone, it is also reported as a wrong root, which
    /// does not count.
    /// </summary>
    private static bool ParsesAsOneElement(SyntaxTree tree, int length)
    {
        var document = tree.Document;
        if (document.Elements.Count != 1 || document.Prolog.Count != 0) return false;
        var element = document.Elements[0];
        if (element.Name == "configuration" || element.Span != new TextSpan(0, length)) return false;
        // A value that ran to the end of the text would run on into what follows the slot in place.
        if (tree.QuotedValueRanToEnd) return false;
        // Once one processing instruction is left unclosed, the parser stops looking for "?>" in the rest of the text.
        if (tree.Text.Contains("<?", StringComparison.Ordinal)) return false;
        // A comment, CDATA or declaration left open in a key that ends before the next key would run on into it in place.
        if (SlotParse.IsNeverClosed(tree) && tree.Text.Contains("<!", StringComparison.Ordinal)) return false;
        // In place these close the section around the element; alone they match nothing.
        if (tree.Text.Contains("</MBProperty", StringComparison.Ordinal) || tree.Text.Contains("</configuration", StringComparison.Ordinal)) return false;
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.Code == DiagnosticCodes.InvalidRoot ? diagnostic.Span != element.NameSpan : !LocalSyntaxCodes.Contains(diagnostic.Code))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The syntax diagnostics of an element parsed alone (see <see cref="ParsesAsOneElement"/>), without the wrong-root one.
    /// </summary>
    private static MetabaseDiagnostic[] SyntaxDiagnosticsOf(SyntaxTree tree)
    {
        var diagnostics = tree.Diagnostics;
        if (diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.InvalidRoot) return None; // the usual key
        return diagnostics.Where(d => d.Code != DiagnosticCodes.InvalidRoot).ToArray();
    }

    /// <summary>
    /// The whole document's syntax diagnostics after an edit inside <paramref name="old"/> (a slot, or the text between
    /// two): those starting inside it replaced by <paramref name="inSlot"/> (relative to its start), the later ones moved.
    /// </summary>
    private static MetabaseDiagnostic[] ReplaceSyntax(MetabaseDiagnostic[] syntax, TextSpan old, MetabaseDiagnostic[] inSlot, int at, int delta)
    {
        int first = FirstStartingAtOrAfter(syntax, old.Start);
        int end = FirstStartingAtOrAfter(syntax, old.End);
        if (first == end && inSlot.Length == 0) return Shift(syntax, at, delta);
        var result = new MetabaseDiagnostic[first + inSlot.Length + syntax.Length - end];
        for (int i = 0; i < first; i++) result[i] = MoveAfter(syntax[i], at, delta);
        for (int i = 0; i < inSlot.Length; i++) result[first + i] = Move(inSlot[i], old.Start);
        for (int i = end; i < syntax.Length; i++) result[first + inSlot.Length + i - end] = MoveAfter(syntax[i], at, delta);
        return result;
    }

    // Touching counts: an empty span at a boundary may belong to either side.
    private static bool Overlaps(TextSpan span, int start, int end) => span.Start <= end && span.End >= start;

    private static MetabaseDiagnostic[] Shift(MetabaseDiagnostic[] diagnostics, int at, int delta)
    {
        if (delta == 0 || diagnostics.Length == 0) return diagnostics;
        var moved = new MetabaseDiagnostic[diagnostics.Length];
        for (int i = 0; i < diagnostics.Length; i++) moved[i] = MoveAfter(diagnostics[i], at, delta);
        return moved;
    }

    private static MetabaseDiagnostic MoveAfter(MetabaseDiagnostic diagnostic, int at, int delta)
    {
        bool spanMoves = diagnostic.Span.Start >= at;
        bool relatedMoves = diagnostic.Related?.Any(r => r.Span.Start >= at) == true;
        if (!spanMoves && !relatedMoves) return diagnostic;
        return diagnostic with
        {
            Span = spanMoves ? Offset(diagnostic.Span, delta) : diagnostic.Span,
            Related = relatedMoves
                ? diagnostic.Related!.Select(r => r.Span.Start >= at ? r with { Span = Offset(r.Span, delta) } : r).ToArray()
                : diagnostic.Related,
        };
    }

    internal static MetabaseDiagnostic Move(MetabaseDiagnostic diagnostic, int delta)
    {
        if (delta == 0) return diagnostic;
        return diagnostic with
        {
            Span = Offset(diagnostic.Span, delta),
            Related = diagnostic.Related?.Select(r => r with { Span = Offset(r.Span, delta) }).ToArray(),
        };
    }

    private static TextSpan Offset(TextSpan span, int delta) => new(span.Start + delta, span.Length);
}

namespace SmtpLsp.Metabase.Text;

/// <summary>
/// An immutable document text that an edit does not copy whole: a chunked rope. The text is a sequence of chunks,
/// each a slice of some string; a buffer made from a string slices that string without copying it, and a ranged
/// replace copies only the chunk or two it touches (at most <see cref="MaxChunk"/> characters, below the large
/// object heap) into a new string. The whole string is materialised only when asked for, and then cached.
/// Safe to read from several threads.
/// </summary>
public sealed class TextBuffer
{
    /// <summary>Chunk size when slicing a string: small enough that re-copying one per keystroke is cheap.</summary>
    internal const int ChunkSize = 16 * 1024;

    /// <summary>Largest chunk an edit writes as one new string (64 KB of UTF-16, under the 85 KB LOH threshold).</summary>
    internal const int MaxChunk = 2 * ChunkSize;

    public static readonly TextBuffer Empty = new(new Layout([], [0]), 0, string.Empty);

    // Swapped as a whole (never mutated) so readers on other threads see one consistent layout.
    private Layout _layout;
    private string? _text;

    private TextBuffer(Layout layout, int length, string? text)
    {
        _layout = layout;
        Length = length;
        _text = text;
    }

    public int Length { get; }

    /// <summary>How many chunks hold the text (for tests and diagnostics of the structure).</summary>
    public int ChunkCount => _layout.Chunks.Length;

    /// <summary>A buffer over the string itself: no copy, and <see cref="ToString()"/> returns the same instance.</summary>
    public static TextBuffer From(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Empty;
        return new TextBuffer(Slice(text), text.Length, text);
    }

    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index));
            var layout = _layout;
            int chunk = layout.ChunkAt(index);
            return layout.Chunks[chunk].Span[index - layout.Starts[chunk]];
        }
    }

    /// <summary>A new buffer with <paramref name="length"/> characters at <paramref name="start"/> replaced by <paramref name="inserted"/>.</summary>
    public TextBuffer Replace(int start, int length, string? inserted)
    {
        inserted ??= string.Empty;
        CheckRange(start, length);
        if (length == 0 && inserted.Length == 0) return this;
        int newLength = checked(Length - length + inserted.Length);
        if (newLength == 0) return Empty;
        if (start == 0 && length == Length) return From(inserted);

        var layout = _layout;
        var chunks = layout.Chunks;
        int end = start + length;
        // The chunks [first, last] hold the replaced range, or the character just before an insertion at the end.
        int first = layout.ChunkAt(start == Length ? start - 1 : start);
        int last = length == 0 ? first : layout.ChunkAt(end - 1);
        var left = chunks[first][..(start - layout.Starts[first])];
        var right = chunks[last][(end - layout.Starts[last])..];

        var replacement = new List<ReadOnlyMemory<char>>(4);
        int total = left.Length + inserted.Length + right.Length;
        if (inserted.Length <= ChunkSize)
        {
            // A keystroke or a small paste: copy the touched chunks into new strings, each at most MaxChunk long.
            int pieces = total <= MaxChunk ? 1 : (total + ChunkSize - 1) / ChunkSize;
            for (int i = 0, from = 0; i < pieces; i++)
            {
                int size = (total - from) / (pieces - i);
                if (size > 0) replacement.Add(ConcatRange(left, inserted, right, from, size).AsMemory());
                from += size;
            }
        }
        else
        {
            // A large paste: keep the untouched parts as slices and slice the inserted string, copying nothing big.
            if (left.Length > 0) replacement.Add(left);
            for (int i = 0; i < inserted.Length; i += ChunkSize)
                replacement.Add(inserted.AsMemory(i, Math.Min(ChunkSize, inserted.Length - i)));
            if (right.Length > 0) replacement.Add(right);
        }

        int removed = last - first + 1;
        var newChunks = new ReadOnlyMemory<char>[chunks.Length - removed + replacement.Count];
        Array.Copy(chunks, 0, newChunks, 0, first);
        replacement.CopyTo(newChunks, first);
        Array.Copy(chunks, first + removed, newChunks, first + replacement.Count, chunks.Length - first - removed);
        return new TextBuffer(new Layout(newChunks, StartsOf(newChunks)), newLength, null);
    }

    /// <summary>Copies <paramref name="destination"/>.Length characters starting at <paramref name="start"/>.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        CheckRange(start, destination.Length);
        if (destination.Length == 0) return;
        var layout = _layout;
        int chunk = layout.ChunkAt(start);
        int offset = start - layout.Starts[chunk];
        int written = 0;
        while (written < destination.Length)
        {
            var source = layout.Chunks[chunk].Span[offset..];
            int n = Math.Min(source.Length, destination.Length - written);
            source[..n].CopyTo(destination[written..]);
            written += n;
            chunk++;
            offset = 0;
        }
    }

    public string ToString(int start, int length)
    {
        CheckRange(start, length);
        if (length == 0) return string.Empty;
        if (_text is { } text) return text.Substring(start, length);
        return string.Create(length, (this, start), static (span, state) => state.Item1.CopyTo(state.start, span));
    }

    /// <summary>
    /// The whole text, built on first use and cached. Once built, the buffer re-slices itself over that string, so
    /// the strings older versions were cut from can be collected when nothing else holds them.
    /// </summary>
    public override string ToString()
    {
        if (_text is { } cached) return cached;
        string text = string.Create(Length, this, static (span, buffer) => buffer.CopyTo(0, span));
        string? raced = Interlocked.CompareExchange(ref _text, text, null);
        if (raced != null) return raced;
        _layout = Slice(text);
        return text;
    }

    /// <summary>True once the whole string exists (from <see cref="From"/> or an earlier <see cref="ToString()"/>).</summary>
    public bool IsMaterialized => _text != null;

    /// <summary>The text of [start, start + length) as consecutive pieces, without copying.</summary>
    public IEnumerable<ReadOnlyMemory<char>> GetChunks(int start, int length)
    {
        CheckRange(start, length);
        if (length == 0) yield break;
        var layout = _layout;
        int chunk = layout.ChunkAt(start);
        int offset = start - layout.Starts[chunk];
        int remaining = length;
        while (remaining > 0)
        {
            var piece = layout.Chunks[chunk][offset..];
            if (piece.Length > remaining) piece = piece[..remaining];
            yield return piece;
            remaining -= piece.Length;
            chunk++;
            offset = 0;
        }
    }

    private void CheckRange(int start, int length)
    {
        if (start < 0 || length < 0 || start > Length - length)
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {start}+{length}) is outside a text of {Length} characters");
    }

    /// <summary>Characters [from, from + count) of left + middle + right as a new string.</summary>
    private static string ConcatRange(ReadOnlyMemory<char> left, string middle, ReadOnlyMemory<char> right, int from, int count) =>
        string.Create(count, (left, middle, right, from), static (span, s) =>
        {
            int skip = s.from;
            foreach (var part in (ReadOnlySpan<ReadOnlyMemory<char>>)[s.left, s.middle.AsMemory(), s.right])
            {
                if (span.IsEmpty) break;
                var source = part.Span;
                if (skip >= source.Length) { skip -= source.Length; continue; }
                source = source[skip..];
                skip = 0;
                int n = Math.Min(source.Length, span.Length);
                source[..n].CopyTo(span);
                span = span[n..];
            }
        });

    private static Layout Slice(string text)
    {
        int count = (text.Length + ChunkSize - 1) / ChunkSize;
        var chunks = new ReadOnlyMemory<char>[count];
        for (int i = 0; i < count; i++)
        {
            int start = i * ChunkSize;
            chunks[i] = text.AsMemory(start, Math.Min(ChunkSize, text.Length - start));
        }
        return new Layout(chunks, StartsOf(chunks));
    }

    private static int[] StartsOf(ReadOnlyMemory<char>[] chunks)
    {
        var starts = new int[chunks.Length + 1];
        for (int i = 0; i < chunks.Length; i++) starts[i + 1] = starts[i] + chunks[i].Length;
        return starts;
    }

    /// <param name="Starts">The offset of each chunk, plus the total length at the end.</param>
    private sealed record Layout(ReadOnlyMemory<char>[] Chunks, int[] Starts)
    {
        /// <summary>The chunk holding the character at <paramref name="offset"/> (which must be inside the text).</summary>
        public int ChunkAt(int offset)
        {
            int index = Array.BinarySearch(Starts, 0, Chunks.Length, offset);
            return index >= 0 ? index : ~index - 1;
        }
    }
}

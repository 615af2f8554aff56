using System.Runtime.Intrinsics.X86;

namespace SmtpLsp.Metabase.Text;

/// <summary>
/// Asks the CPU to start loading a slice of a text into cache. The passes over keys after a parse (the model build,
/// the per-key rules) read each key's start tag again long after the parser's sequential pass, and on a large file
/// that text has left the cache: a hint a few keys ahead overlaps those loads with the work on the current key. A
/// hint never faults and changes no result; without SSE it does nothing. .NET has no safe API for it, hence the
/// pointer.
/// </summary>
internal static class TextPrefetch
{
    private const int CharsPerCacheLine = 32;

    /// <summary>How far ahead the per-key passes hint: enough keys to cover a load from memory, few enough to stay in cache.</summary>
    public const int KeysAhead = 6;

    /// <summary>Enough of a start tag for the per-key rules: the usual key's whole tag, the first lines of a long one.</summary>
    public const int StartTagChars = 1024;

    /// <summary>Hints the cache lines of text[start .. start + maxChars), clipped to the text.</summary>
    public static unsafe void Hint(string text, int start, int maxChars)
    {
        if (!Sse.IsSupported || start < 0 || start >= text.Length) return;
        int end = start + Math.Min(maxChars, text.Length - start);
        fixed (char* chars = text)
        {
            for (int i = start; i < end; i += CharsPerCacheLine) Sse.Prefetch0(chars + i);
        }
    }

    /// <summary>Hints an element's start tag, up to <paramref name="maxChars"/> of it.</summary>
    public static void HintStartTag(Syntax.ElementNode element, int maxChars)
    {
        var span = element.StartTagSpan;
        Hint(element.Tree.Text, span.Start, Math.Min(span.Length, maxChars));
    }
}

using System.Collections.Concurrent;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Document texts that <see cref="LspFrameSanitizer"/> already decoded while it validated a large didOpen or
/// didChange frame. The frame goes on to StreamJsonRpc with a small placeholder in place of the text, and
/// <see cref="Protocol.DocumentTextConverter"/> takes the text back, so a 20 MB text is decoded once instead of being
/// copied into a pipe, a JsonDocument and the typed deserialiser.
/// </summary>
internal static class LargeTextStash
{
    // Frames are deserialised in the order they are read, right after reading, so an owner never has texts of more
    // than one or two earlier frames waiting; the bound only keeps an entry whose frame failed to deserialise from
    // living forever. The frame being read may add any number.
    private const int MaxPendingPerOwner = 8;

    private static readonly ConcurrentDictionary<long, (object Owner, string Text)> Entries = new();
    private static long _lastId;

    /// <summary>Drops the oldest texts of <paramref name="owner"/> beyond the bound; call before a new frame's texts.</summary>
    public static void Trim(object owner)
    {
        var pending = Entries.Where(e => ReferenceEquals(e.Value.Owner, owner)).Select(e => e.Key).Order().ToList();
        for (int i = 0; i < pending.Count - MaxPendingPerOwner; i++) Entries.TryRemove(pending[i], out _);
    }

    /// <summary>Keeps the text for one frame of <paramref name="owner"/> and returns its placeholder id.</summary>
    public static long Put(object owner, string text)
    {
        long id = Interlocked.Increment(ref _lastId);
        Entries[id] = (owner, text);
        return id;
    }

    /// <summary>The text for a placeholder, once; null when there is none (a forged or expired id).</summary>
    public static string? Take(long id) => Entries.TryRemove(id, out var entry) ? entry.Text : null;

    /// <summary>Texts still waiting for <paramref name="owner"/> (tests).</summary>
    internal static int PendingFor(object owner) => Entries.Count(e => ReferenceEquals(e.Value.Owner, owner));
}

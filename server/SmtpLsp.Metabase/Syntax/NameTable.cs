using System.Runtime.CompilerServices;

namespace SmtpLsp.Metabase.Syntax;

/// <summary>
/// Interns element and attribute names straight from the text, so each distinct name is one string however often it
/// appears, and gives each a small id for O(1) duplicate-attribute checks. Open addressing with a cheap hash of the
/// length and a few characters: metabase names are few and distinct, and this is the scanner's hottest lookup.
/// </summary>
internal sealed class NameTable
{
    private string?[] _names = new string?[256];
    private int[] _ids = new int[256];
    private string[] _byId = new string[128];
    private int _count;

    public int Count => _count;

    /// <summary>Every name, at the index of its id.</summary>
    public string[] ToArrayById() => _byId[.._count];

    /// <summary>The name with this id (0 &lt;= id &lt; Count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string NameOf(int id) => _byId[id];

    public string Get(ReadOnlySpan<char> span, out int id)
    {
        int mask = _names.Length - 1;
        int slot = Hash(span) & mask;
        while (true)
        {
            var candidate = _names[slot];
            if (candidate == null) break;
            if (span.SequenceEqual(candidate))
            {
                id = _ids[slot];
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        var name = span.ToString();
        id = _count++;
        _names[slot] = name;
        _ids[slot] = id;
        if (id == _byId.Length) Array.Resize(ref _byId, _byId.Length * 2);
        _byId[id] = name;
        if (_count * 2 > _names.Length) Grow();
        return name;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> span)
    {
        int n = span.Length;
        if (n == 0) return 0;
        uint h = (uint)n * 0x9E3779B1u;
        h = (h ^ span[0]) * 0x85EBCA77u;
        h = (h ^ span[n - 1]) * 0xC2B2AE3Du;
        h = (h ^ span[n >> 1]) * 0x27D4EB2Fu;
        h = (h ^ span[n >> 2]) * 0x165667B1u;
        return (int)(h ^ (h >> 15));
    }

    private void Grow()
    {
        var oldNames = _names;
        var oldIds = _ids;
        _names = new string?[oldNames.Length * 2];
        _ids = new int[oldNames.Length * 2];
        int mask = _names.Length - 1;
        for (int i = 0; i < oldNames.Length; i++)
        {
            var name = oldNames[i];
            if (name == null) continue;
            int slot = Hash(name) & mask;
            while (_names[slot] != null) slot = (slot + 1) & mask;
            _names[slot] = name;
            _ids[slot] = oldIds[i];
        }
    }
}

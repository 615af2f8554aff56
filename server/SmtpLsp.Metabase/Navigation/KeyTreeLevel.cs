using SmtpLsp.Metabase.Model;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Navigation;

/// <summary>A key of one level of the key tree: named as in the outline, with how many child keys it has.</summary>
public sealed record KeyTreeItem(MetabaseKey Key, string Name, TextSpan Span, TextSpan SelectionSpan, int ChildCount);

/// <summary>A page of one level, and how many keys the level has in all.</summary>
public sealed record KeyTreePage(IReadOnlyList<KeyTreeItem> Items, int Total);

/// <summary>
/// The key tree one level and one page at a time, for a tree view that loads what it shows (the VS Code Metabase
/// Explorer, like IIS Manager's scope pane): the outline stops at 5000 keys, and a metabase with 30,000 web sites has
/// that many keys on one level. The same tree as the outline (<see cref="KeyHierarchy"/>: a key's children go to the
/// first key at its Location), in document order.
/// </summary>
public static class KeyTreeLevel
{
    public const int DefaultPageSize = 2000;

    /// <summary>
    /// The keys at the top (<paramref name="location"/> null), or the child keys of the first key at
    /// <paramref name="location"/>, from <paramref name="start"/> on, at most <paramref name="pageSize"/> of them;
    /// null when no key has that Location.
    /// </summary>
    public static KeyTreePage? Page(MetabaseModel model, string? location, int start = 0, int pageSize = DefaultPageSize)
    {
        var hierarchy = KeyHierarchy.Build(model);
        MetabaseKey? parent = null;
        if (location != null && (parent = model.CountByLocation(location).First) == null) return null;
        var level = parent == null ? hierarchy.Roots : hierarchy.ChildrenOf(parent);
        var items = new List<KeyTreeItem>();
        for (int i = Math.Max(0, start); i < level.Count && items.Count < pageSize; i++)
        {
            var key = level[i];
            items.Add(new KeyTreeItem(key, DocumentSymbols.NameOf(key, parent), key.Element.Span, KeyTarget.SelectionOf(key),
                hierarchy.ChildrenOf(key).Count));
        }
        return new KeyTreePage(items, level.Count);
    }
}

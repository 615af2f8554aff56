using CsCheck;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>Random edits of a valid document: the broken text an editor holds while someone types.</summary>
internal static class MutationGen
{
    /// <summary>
    /// Texts made from <paramref name="original"/> by 1..<paramref name="maxEdits"/> edits, each deleting a slice,
    /// inserting one of <paramref name="fragments"/>, or duplicating a slice, at a random place.
    /// </summary>
    public static Gen<string> Of(string original, string[] fragments, int maxEdits)
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, 80], Gen.OneOfConst(fragments));
        return edit.Array[1, maxEdits].Select(edits =>
        {
            var text = original;
            foreach (var (kind, where, length, fragment) in edits)
            {
                int start = (int)(where * text.Length);
                int count = Math.Min(length, text.Length - start);
                text = kind switch
                {
                    0 => text.Remove(start, count),
                    1 => text.Insert(start, fragment),
                    _ => text.Insert(start, text.Substring(start, count)),
                };
            }
            return text;
        });
    }
}

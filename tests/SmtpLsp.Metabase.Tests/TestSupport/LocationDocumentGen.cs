using CsCheck;

namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// Small documents of keys whose Locations stress the path rules: segments that collide case-insensitively, slashes
/// doubled or trailing, relative, empty and special Locations, keys without one, and now and then a key nested in a key.
/// </summary>
internal static class LocationDocumentGen
{
    public static readonly Gen<string?> Location = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (1, Gen.OneOfConst<string?>("/", ".", "//", "rel", "rel/x", "/LM/", "", " ")),
        (8, Gen.OneOfConst("LM", "lm", "W3SVC", "1", "2", "ROOT", "x").Array[1, 5]
            .Select(Gen.OneOfConst("/", "/", "/", "//"), Gen.OneOfConst("", "", "", "/"),
                (segments, separator, trailing) => (string?)("/" + string.Join(separator, segments) + trailing))));

    public static readonly Gen<string> Document = Gen.Select(Location, Gen.Int[0, 4]).Array[0, 40].Select(keys =>
    {
        var sb = new System.Text.StringBuilder("<configuration>\n<MBProperty>\n");
        foreach (var (location, nested) in keys)
        {
            string attribute = location == null ? "" : $" Location=\"{location}\"";
            // Not IIS layout, but the model collects keys nested in keys.
            sb.Append(nested == 0 ? $"<IIsObject{attribute}>\n<IIsObject Location=\"{location}/n\"/>\n</IIsObject>\n" : $"<IIsObject{attribute}/>\n");
        }
        return sb.Append("</MBProperty>\n</configuration>\n").ToString();
    });
}

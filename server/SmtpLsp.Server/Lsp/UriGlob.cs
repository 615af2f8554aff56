using System.Text;
using System.Text.RegularExpressions;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Glob matching for <c>forceMetabase</c>: <c>**</c> spans folders, <c>*</c> stays inside one, <c>?</c> is one
/// character. A glob is tried against the whole URI and, for file URIs, against the decoded path; case-insensitive
/// because metabase files come from Windows.
/// </summary>
public static class UriGlob
{
    public static bool IsMatch(string glob, string uri)
    {
        var regex = ToRegex(glob);
        if (regex.IsMatch(uri)) return true;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
            return regex.IsMatch(parsed.LocalPath) || regex.IsMatch(parsed.AbsolutePath);
        return false;
    }

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" also matches no folder at all, so "**/x.xml" matches "x.xml".
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') pattern.Append("[^/]*");
            else if (c == '?') pattern.Append("[^/]");
            else pattern.Append(Regex.Escape(c.ToString()));
        }
        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}

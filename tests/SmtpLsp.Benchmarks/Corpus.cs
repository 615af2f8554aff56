using SmtpLsp.Metabase.Tests.TestSupport;

namespace SmtpLsp.Benchmarks;

/// <summary>Generated metabases, written once under the temp folder so file-reading baselines read real files.</summary>
internal static class Corpus
{
    private static readonly Dictionary<int, (string Text, string Path)> Cache = new();

    public static (string Text, string Path) Get(int megabytes)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(megabytes, out var hit)) return hit;
            var text = LargeMetabaseGenerator.Generate(megabytes * LargeMetabaseGenerator.OneMegabyte, seed: 1);
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"smtplsp-bench-{megabytes}mb.xml");
            if (!File.Exists(path) || new FileInfo(path).Length != System.Text.Encoding.UTF8.GetByteCount(text))
                File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
            return Cache[megabytes] = (text, path);
        }
    }

    /// <summary>An offset inside a numeric attribute value about halfway through, where a user would type.</summary>
    public static int ValueOffset(string text, string attribute = "MaxConnections=\"")
    {
        int at = text.IndexOf(attribute, text.Length / 2, StringComparison.Ordinal);
        return at + attribute.Length + 1;
    }
}

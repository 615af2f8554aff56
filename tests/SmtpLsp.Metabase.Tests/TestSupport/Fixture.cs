namespace SmtpLsp.Metabase.Tests.TestSupport;

/// <summary>
/// Test text with a '|' cursor marker: <c>Fixture.Parse("AuthFlags=\"Auth|\"")</c> gives the text without the marker
/// and the marker's offset. Use <see cref="ParseSpan"/> with two markers "[|...|]" for an expected range.
/// </summary>
public static class Fixture
{
    public const char Marker = '|';

    public static (string Text, int Offset) Parse(string marked, char marker = Marker)
    {
        int offset = marked.IndexOf(marker);
        if (offset < 0) throw new ArgumentException($"No '{marker}' cursor marker in test text", nameof(marked));
        if (marked.IndexOf(marker, offset + 1) >= 0)
        {
            throw new ArgumentException($"More than one '{marker}' in test text; pass another marker char", nameof(marked));
        }
        return (marked.Remove(offset, 1), offset);
    }

    /// <summary>Two markers delimit a span: "a[b]c" with '[' and ']' gives ("abc", start 1, length 1).</summary>
    public static (string Text, int Start, int Length) ParseSpan(string marked, char open = '[', char close = ']')
    {
        int start = marked.IndexOf(open);
        int end = marked.IndexOf(close, start + 1);
        if (start < 0 || end < 0) throw new ArgumentException($"Expected '{open}' and '{close}' markers", nameof(marked));
        var text = marked.Remove(end, 1).Remove(start, 1);
        return (text, start, end - start - 1);
    }

    /// <summary>Full path of a file in tests/samples, found by walking up from the test binaries.</summary>
    public static string SamplePath(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "samples", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Sample '{fileName}' not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Reads a sample keeping the BOM char, as an editor's buffer holds it.</summary>
    public static string ReadSample(string fileName)
    {
        var bytes = File.ReadAllBytes(SamplePath(fileName));
        return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes);
    }

    public static IEnumerable<string> SampleNames() =>
        Directory.GetFiles(Path.GetDirectoryName(SamplePath("MetaBase.xml"))!, "*.xml").Select(Path.GetFileName)!;
}

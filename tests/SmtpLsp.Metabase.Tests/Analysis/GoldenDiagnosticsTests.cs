// Golden diagnostics: every tests/golden/<name>.xml is analysed and compared with <name>.diagnostics.txt next to it,
// one line per diagnostic: `line:col-line:col severity CODE message` (1-based lines and UTF-16 columns).
// To regenerate after an intended change, run:  SMTPLSP_UPDATE_GOLDEN=1 dotnet test tests/SmtpLsp.Metabase.Tests
// and review the diff of tests/golden/*.diagnostics.txt before committing.
using System.Text;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Analysis;

public class GoldenDiagnosticsTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("SMTPLSP_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenDirectory(), "*.xml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Golden_File_MatchesDiagnosticsBaseline(string fileName)
    {
        var inputPath = Path.Combine(GoldenDirectory(), fileName);
        var baselinePath = Path.ChangeExtension(inputPath, ".diagnostics.txt");
        // Keep the BOM char, as an editor's buffer holds it.
        var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(inputPath));
        var actual = Render(text, Analyze.Text(text));

        if (Update)
        {
            File.WriteAllText(baselinePath, actual);
            return;
        }
        Assert.True(File.Exists(baselinePath), $"{baselinePath} is missing; run with SMTPLSP_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(baselinePath).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Golden_RealisticSample_HasEmptyBaseline()
    {
        var baseline = Path.Combine(GoldenDirectory(), "realistic-sample.diagnostics.txt");
        Assert.Equal("", File.ReadAllText(baseline));
    }

    [Fact]
    public void Golden_RealisticSample_IsTheSharedSample()
    {
        Assert.Equal(File.ReadAllBytes(TestSupport.Fixture.SamplePath("MetaBase.xml")),
            File.ReadAllBytes(Path.Combine(GoldenDirectory(), "realistic-sample.xml")));
    }

    internal static string Render(string text, IReadOnlyList<MetabaseDiagnostic> diagnostics)
    {
        var lines = new LineIndex(text);
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var start = lines.GetPosition(d.Span.Start);
            var end = lines.GetPosition(d.Span.End);
            sb.Append($"{start.Line + 1}:{start.Character + 1}-{end.Line + 1}:{end.Character + 1} ")
              .Append(d.Severity.ToString().ToLowerInvariant()).Append(' ')
              .Append(d.Code).Append(' ')
              .Append(d.Message.Replace("\r", "\\r").Replace("\n", "\\n"))
              .Append('\n');
        }
        return sb.ToString();
    }

    private static string GoldenDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "golden");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/golden not found above {AppContext.BaseDirectory}");
    }
}

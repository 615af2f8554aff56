using System.Text;
using System.Text.Json;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Server.Cli;

/// <summary>The diagnostics of one checked file, with what is needed to print positions.</summary>
public sealed record CheckedFile(string Path, LineIndex Lines, IReadOnlyList<MetabaseDiagnostic> Diagnostics);

/// <summary>
/// Prints `smtplsp check` results as text (`file:line:col: severity CODE: message`, 1-based like compilers),
/// a JSON array, or SARIF 2.1.0. Written with Utf8JsonWriter so it needs no reflection under Native AOT.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Text(IEnumerable<CheckedFile> files)
    {
        var sb = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var d in file.Diagnostics)
            {
                var p = file.Lines.GetPosition(d.Span.Start);
                sb.Append(file.Path).Append(':').Append(p.Line + 1).Append(':').Append(p.Character + 1).Append(": ")
                  .Append(SeverityWord(d.Severity)).Append(' ').Append(d.Code).Append(": ").Append(OneLine(d.Message)).Append('\n');
                foreach (var r in d.Related ?? [])
                {
                    var rp = file.Lines.GetPosition(r.Span.Start);
                    sb.Append(file.Path).Append(':').Append(rp.Line + 1).Append(':').Append(rp.Character + 1)
                      .Append(": note: ").Append(OneLine(r.Message)).Append('\n');
                }
            }
        }
        return sb.ToString();
    }

    public static string Json(IEnumerable<CheckedFile> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var file in files)
            {
                foreach (var d in file.Diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("file", file.Path);
                    w.WriteString("code", d.Code);
                    w.WriteString("severity", SeverityWord(d.Severity));
                    w.WriteString("message", d.Message);
                    WriteRange(w, "range", file.Lines, d.Span);
                    w.WriteNumber("offset", d.Span.Start);
                    w.WriteNumber("length", d.Span.Length);
                    if (d.Related is { Count: > 0 })
                    {
                        w.WriteStartArray("related");
                        foreach (var r in d.Related)
                        {
                            w.WriteStartObject();
                            w.WriteString("message", r.Message);
                            WriteRange(w, "range", file.Lines, r.Span);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Sarif(IEnumerable<CheckedFile> files, string toolVersion)
    {
        var list = files.ToList();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "smtplsp");
            w.WriteString("version", toolVersion);
            w.WriteString("informationUri", DiagnosticCodes.DocumentationBase.TrimEnd('#'));
            w.WriteStartArray("rules");
            foreach (var code in list.SelectMany(f => f.Diagnostics).Select(d => d.Code).Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", code);
                w.WriteString("helpUri", DiagnosticCodes.DocumentationUrl(code));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var file in list)
            {
                foreach (var d in file.Diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", d.Code);
                    w.WriteString("level", d.Severity switch
                    {
                        DiagnosticSeverity.Error => "error",
                        DiagnosticSeverity.Warning => "warning",
                        _ => "note",
                    });
                    w.WriteStartObject("message");
                    w.WriteString("text", d.Message);
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    WriteSarifLocation(w, file, d.Span, null);
                    w.WriteEndArray();
                    if (d.Related is { Count: > 0 })
                    {
                        w.WriteStartArray("relatedLocations");
                        foreach (var r in d.Related) WriteSarifLocation(w, file, r.Span, r.Message);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string SeverityWord(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "info",
        _ => "hint",
    };

    // Messages may quote multi-line values; one diagnostic stays on one line in text output.
    private static string OneLine(string message) => message.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    private static void WriteRange(Utf8JsonWriter w, string name, LineIndex lines, TextSpan span)
    {
        var s = lines.GetPosition(span.Start);
        var e = lines.GetPosition(span.End);
        w.WriteStartObject(name);
        w.WriteStartObject("start");
        w.WriteNumber("line", s.Line + 1);
        w.WriteNumber("column", s.Character + 1);
        w.WriteEndObject();
        w.WriteStartObject("end");
        w.WriteNumber("line", e.Line + 1);
        w.WriteNumber("column", e.Character + 1);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// A URI reference as SARIF requires: each path segment percent-encoded (a space, '#', '?' or '%' in a name made
    /// an invalid URI), a relative path kept relative, an absolute one a file: URI.
    /// </summary>
    internal static string SarifUri(string path)
    {
        // A Windows path (a drive letter, or \\server\share) is written with backslashes; elsewhere a backslash is a
        // character of a name, and a leading "//" is one root, not a host.
        bool drive = path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':';
        bool unc = path.StartsWith(@"\\", StringComparison.Ordinal);
        if (drive || unc) path = path.Replace('\\', '/');
        var segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (!(drive && i == 0)) segments[i] = Uri.EscapeDataString(segments[i]);
        }
        string escaped = string.Join('/', segments);
        if (unc) return "file:" + escaped; // file://server/share/...
        if (drive) return "file:///" + escaped;
        return escaped.StartsWith('/') ? "file:///" + escaped.TrimStart('/') : escaped;
    }

    private static void WriteSarifLocation(Utf8JsonWriter w, CheckedFile file, TextSpan span, string? message)
    {
        var s = file.Lines.GetPosition(span.Start);
        var e = file.Lines.GetPosition(span.End);
        w.WriteStartObject();
        if (message != null)
        {
            w.WriteStartObject("message");
            w.WriteString("text", message);
            w.WriteEndObject();
        }
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", SarifUri(file.Path));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", s.Line + 1);
        w.WriteNumber("startColumn", s.Character + 1);
        w.WriteNumber("endLine", e.Line + 1);
        w.WriteNumber("endColumn", e.Character + 1);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

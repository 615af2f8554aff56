using System.Globalization;
using System.Text;
using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Features;

public sealed partial class ValueReport
{
    private const string UndocumentedLabel = "(undocumented)";
    // research/metabase-domain.md §6: SIZE from MaxMessageSize, PIPELINING from ShouldPipelineIn, AUTH from AuthFlags;
    // published answers also list VRFY, which no source ties to a setting.
    private const string OtherEhloSources = "SIZE, PIPELINING and AUTH lines come from other settings";

    /// <summary>What <c>smtplsp decode</c> prints: a header, then one flag per line, aligned.</summary>
    public string ToPlainText()
    {
        var sb = new StringBuilder();
        sb.Append(Property.Name).Append(" = ").Append(Kind is ValueReportKind.MultiSz ? $"{MultiSzItems.Count} item(s)" : Headline()).Append('\n');
        foreach (var problem in Problems) sb.Append("Problem: ").Append(problem).Append('\n');
        if (Default is { } d && Kind is ValueReportKind.Bitmask or ValueReportKind.OpaqueBitmask or ValueReportKind.Dword or ValueReportKind.Enum)
            sb.Append("Default: ").Append(FormatNumber(d)).Append('\n');
        if (Kind == ValueReportKind.Bitmask && Number is not null)
        {
            sb.Append("Compared with the default: ").Append(DefaultDifference()).Append('\n');
            int width = Math.Max(UndocumentedLabel.Length, Flags.Count == 0 ? 0 : Flags.Max(f => f.Name.Length));
            sb.Append(FlagHeading()).Append(":\n");
            foreach (var f in Flags)
            {
                sb.Append(PlainFlagLine(f.IsSet, f.Name, f.Value, width));
                if (f.Flag.Confidence != "high") sb.Append($"  ({f.Flag.Confidence} confidence)");
                sb.Append('\n');
            }
            if (UndocumentedBits.Count > 0)
            {
                sb.Append("Undocumented bits (set in the IIS default; no public source names them): ")
                    .Append(FormatNumber(UndocumentedBits.Aggregate(0u, (m, b) => m | b.Value))).Append('\n');
                foreach (var b in UndocumentedBits) sb.Append(PlainFlagLine(b.IsSet, UndocumentedLabel, b.Value, width)).Append('\n');
            }
            sb.Append("Unknown bits: ").Append(UnknownBits == 0 ? "none" : FormatNumber(UnknownBits)).Append('\n');
            if (EhloLines.Count > 0)
            {
                sb.Append("EHLO lines (").Append(OtherEhloSources).Append("):\n");
                foreach (var line in EhloLines) sb.Append("  ").Append(line).Append('\n');
            }
        }
        if (Kind == ValueReportKind.MultiSz)
            foreach (var item in MultiSzItems) sb.Append("  ").Append(item).Append('\n');
        foreach (var note in Notes) sb.Append(note).Append('\n');
        AppendKnownValues(sb, markdown: false);
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(Property.Name).Append("** = ")
            .Append(Kind is ValueReportKind.MultiSz ? $"{MultiSzItems.Count} item(s)" : Escape(Headline())).Append("\n\n");
        foreach (var problem in Problems) sb.Append("- Problem: ").Append(Escape(problem)).Append('\n');
        if (Problems.Count > 0) sb.Append('\n');
        if (Default is { } d && Kind is ValueReportKind.Bitmask or ValueReportKind.OpaqueBitmask or ValueReportKind.Dword or ValueReportKind.Enum)
            sb.Append("Default: ").Append(FormatNumber(d)).Append("\n\n");
        if (Kind == ValueReportKind.Bitmask && Number is not null)
        {
            sb.Append("Compared with the default: ").Append(Escape(DefaultDifference())).Append("\n\n");
            sb.Append("| | ").Append(FlagHeading() == "Verbs" ? "Verb" : "Flag").Append(" | Decimal | Hex |\n|---|---|---:|---|\n");
            foreach (var f in Flags) sb.Append(MarkdownFlagLine(f.IsSet, Escape(FlagLabel(f)), f.Value));
            foreach (var b in UndocumentedBits) sb.Append(MarkdownFlagLine(b.IsSet, "*undocumented* (set in the IIS default)", b.Value));
            sb.Append('\n');
            if (UndocumentedBits.Count > 0)
                sb.Append("Undocumented bits (set in the IIS default; no public source names them): ")
                    .Append(FormatNumber(UndocumentedBits.Aggregate(0u, (m, b) => m | b.Value))).Append("\n\n");
            if (UnknownBits != 0) sb.Append("Unknown bits: ").Append(FormatNumber(UnknownBits)).Append("\n\n");
            if (EhloLines.Count > 0)
            {
                sb.Append("EHLO lines (").Append(OtherEhloSources).Append("):\n```\n");
                foreach (var line in EhloLines) sb.Append(line).Append('\n');
                sb.Append("```\n");
            }
        }
        if (Kind == ValueReportKind.MultiSz)
            foreach (var item in MultiSzItems) sb.Append("- `").Append(item.Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
        foreach (var note in Notes) NewParagraph(sb).Append(Escape(note)).Append('\n');
        AppendKnownValues(sb, markdown: true);
        return sb.ToString();
    }

    /// <summary>Decimal and hex as mdutil shows them: <c>7697601 (0x007574C1)</c>.</summary>
    public static string FormatNumber(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value} (0x{value:X8})");

    private string Headline()
    {
        string head = Kind switch
        {
            ValueReportKind.Bool when BoolValue is { } b => Values.BoolValue.Format(b),
            ValueReportKind.Text => Property.IsSecure ? "(secure value, stored encrypted)" : $"\"{RawValue}\"",
            _ when Number is { } n => FormatNumber(n),
            _ => $"\"{RawValue}\"",
        };
        return Label is null ? head : $"{head}: {Label}";
    }

    /// <summary>A name whose value its source does not fully confirm says so (ENHANCEDSTATUSCODES: the KB copies are cut off).</summary>
    private static string FlagLabel(FlagState f) =>
        f.Flag.Confidence == "high" ? f.Name : $"{f.Name} ({f.Flag.Confidence} confidence)";

    private string FlagHeading() => Property.Flags?.Kind == FlagTableKind.Numeric ? "Verbs" : "Flags";

    private string DefaultDifference()
    {
        if (Default is null) return "no default";
        if (EnabledVsDefault.Count == 0 && DisabledVsDefault.Count == 0 && Number == Default) return "same as the default";
        var parts = new List<string>();
        if (EnabledVsDefault.Count > 0) parts.Add("enabled " + string.Join(", ", EnabledVsDefault.Select(f => f.Name)));
        if (DisabledVsDefault.Count > 0) parts.Add("disabled " + string.Join(", ", DisabledVsDefault.Select(f => f.Name)));
        uint undocumentedChange = (Number!.Value ^ Default.Value) & UndocumentedBits.Aggregate(0u, (m, b) => m | b.Value);
        if (undocumentedChange != 0) parts.Add("undocumented bits changed " + $"0x{undocumentedChange:X8}");
        if (UnknownBits != 0) parts.Add("unknown bits added");
        return string.Join("; ", parts);
    }

    private void AppendKnownValues(StringBuilder sb, bool markdown)
    {
        if (KnownValues.Count == 0 || Kind is not (ValueReportKind.Enum or ValueReportKind.OpaqueBitmask)) return;
        string heading = Kind == ValueReportKind.Enum ? "Values" : "Known values";
        (markdown ? NewParagraph(sb) : sb).Append($"{heading}:\n");
        foreach (var known in KnownValues)
        {
            string mark = Number == known.Value ? "*" : " ";
            sb.Append(markdown ? $"- `{known.Value}`{(mark == "*" ? " (this value)" : "")}: {Escape(known.Label)}\n" : $" {mark} {known.Value}: {known.Label}\n");
        }
    }

    /// <summary>One blank line before what follows, whatever ended above (two made a gap Neovim's float shows).</summary>
    private static StringBuilder NewParagraph(StringBuilder sb)
    {
        if (sb.Length > 0 && !(sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n')) sb.Append(sb[^1] == '\n' ? "\n" : "\n\n");
        return sb;
    }

    private static string PlainFlagLine(bool isSet, string name, uint value, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"  [{(isSet ? 'x' : ' ')}] {name.PadRight(width)}  {value,10}  0x{value:X8}");

    private static string MarkdownFlagLine(bool isSet, string name, uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"| {(isSet ? "✓" : " ")} | {name} | {value} | 0x{value:X8} |\n");

    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

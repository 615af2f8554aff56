using System.Text;

namespace SmtpLsp.Metabase.Features;

/// <summary>Builds hover text as Markdown or plain text from the same calls, so both forms say the same.</summary>
internal sealed class HoverWriter(bool markdown)
{
    private readonly StringBuilder _sb = new();

    public void Title(string title)
    {
        _sb.Append(markdown ? $"**{ValueReport.Escape(title)}**" : title).Append(markdown ? "\n\n" : "\n");
    }

    public void Line(string text)
    {
        _sb.Append(markdown ? EscapeKeepingCode(text) : text).Append(markdown ? "\n\n" : "\n");
    }

    public void Field(string name, string value)
    {
        if (markdown) _sb.Append("- ").Append(name).Append(": ").Append(ValueReport.Escape(value)).Append('\n');
        else _sb.Append(name).Append(": ").Append(value).Append('\n');
    }

    /// <summary>Marks a name as code; Line keeps it intact in Markdown.</summary>
    public string Code(string text) => markdown ? $"`{text.Replace("`", "'", StringComparison.Ordinal)}`" : text;

    public override string ToString() => _sb.ToString().TrimEnd('\n');

    private static string EscapeKeepingCode(string text)
    {
        var parts = text.Split('`');
        for (int i = 0; i < parts.Length; i += 2) parts[i] = ValueReport.Escape(parts[i]);
        return string.Join('`', parts);
    }
}

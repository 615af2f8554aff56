using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Lsp.Protocol;
using LspRange = SmtpLsp.Server.Lsp.Protocol.Range;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>A small SMTP metabase in IIS layout, and helpers to find positions in it and apply edits to it.</summary>
internal static class FeatureDocs
{
    public const string DocUri = "file:///srv/MetaBase.xml";

    public const string Smtp =
        "<?xml version =\"1.0\"?>\n" +
        "<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n" +
        "<MBProperty>\n" +
        "<IIsComputer\tLocation =\"/LM\"\n" +
        "\t>\n" +
        "</IIsComputer>\n" +
        "<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\n" +
        "\t\tAuthFlags=\"AuthAnonymous | AuthNTLM\"\n" +
        "\t\tConnectionTimeout=\"600\"\n" +
        "\t\tDontLog=\"TRUE\"\n" +
        "\t>\n" +
        "</IIsSmtpService>\n" +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n" +
        "\t\tConnectionTimeout=\"300\"\n" +
        "\t\tLogFilePeriod=\"1\"\n" +
        "\t\tServerAutoStart=\"TRUE\"\n" +
        "\t\tServerComment=\"Default SMTP\"\n" +
        "\t\tSmtpInboundCommandSupportOptions=\"7697601\"\n" +
        "\t>\n" +
        "\t<Custom\n" +
        "\t\tName=\"UnknownName_61537\"\n" +
        "\t\tID=\"61537\"\n" +
        "\t\tValue=\"1\"\n" +
        "\t\tType=\"DWORD\"\n" +
        "\t\tUserType=\"IIS_MD_UT_SERVER\"\n" +
        "\t\tAttributes=\"INHERIT\"\n" +
        "\t/>\n" +
        "</IIsSmtpServer>\n" +
        "<IIsSmtpDomain\tLocation =\"/LM/SmtpSvc/1/Domain\"\n" +
        "\t>\n" +
        "</IIsSmtpDomain>\n" +
        "<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root\"\n" +
        "\t\tAccessFlags=\"AccessRead | AccessWrite\"\n" +
        "\t>\n" +
        "</IIsSmtpVirtualDir>\n" +
        "</MBProperty>\n" +
        "</configuration>\n";

    /// <summary>The position of <paramref name="marker"/> (its first occurrence) plus <paramref name="delta"/> characters.</summary>
    /// <summary>
    /// <see cref="Smtp"/> with <paramref name="count"/> virtual directories v0, v1, ... added below /LM/SmtpSvc/1/Root,
    /// each with AccessFlags="AccessRead | AccessWrite": more keys than the outline lists when there are over 5000.
    /// </summary>
    public static string ManyKeys(int count)
    {
        var keys = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
            keys.Append($"<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root/v{i}\"\n\t\tAccessFlags=\"AccessRead | AccessWrite\"\n\t>\n</IIsSmtpVirtualDir>\n");
        return Smtp.Replace("</MBProperty>", keys + "</MBProperty>", StringComparison.Ordinal);
    }

    public static Position At(string text, string marker, int delta = 0)
    {
        int offset = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"marker '{marker}' not in the text");
        var p = new LineIndex(text).GetPosition(offset + delta);
        return new Position(p.Line, p.Character);
    }

    public static LspRange RangeOf(string text, string marker) =>
        new(At(text, marker), At(text, marker, marker.Length));

    /// <summary>Applies LSP text edits as a client would (all ranges refer to the original text).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var lines = new LineIndex(text);
        var core = edits.Select(e =>
        {
            int start = lines.GetOffset(new LinePosition(e.Range.Start.Line, e.Range.Start.Character));
            int end = lines.GetOffset(new LinePosition(e.Range.End.Line, e.Range.End.Character));
            return new Metabase.Editing.TextEdit(TextSpan.FromBounds(start, end), e.NewText);
        });
        return Metabase.Editing.TextEdit.Apply(text, core);
    }

    public static string Apply(string text, WorkspaceEdit edit, string uri = DocUri)
    {
        var changes = Assert.Single(edit.Changes);
        Assert.Equal(uri, changes.Key);
        return Apply(text, changes.Value);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Hostile;

/// <summary>
/// Huge documents against the real process: the server keeps answering other documents, memory stays bounded,
/// and past maxDocumentSizeForFullAnalysis the heavy features step back with one notice.
/// The 200 MB case runs only with SMTPLSP_HUGE_TESTS=1 (see docs/robustness.md).
/// </summary>
public sealed class LargeDocumentTests
{
    private const string SmallUri = "file:///srv/small/MetaBase.xml";
    private const string BigUri = "file:///srv/big/MetaBase.xml";

    private static string Head => "<?xml version =\"1.0\"?>\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n<MBProperty>\n";
    private const string Tail = "</MBProperty>\n</configuration>\n";

    /// <summary>Keys each with a bad flag name (MB3007 under full analysis) and one unclosed value at the end (MB1002).</summary>
    private static string BigMetabase(int approximateChars)
    {
        var sb = new StringBuilder(approximateChars + 1024).Append(Head);
        for (int i = 0; sb.Length < approximateChars; i++)
            sb.Append("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/").Append(i).Append("\"\n\t\tAuthFlags=\"AuthNTML\"\n\t>\n</IIsSmtpServer>\n");
        sb.Append("<IIsSmtpServer Location=\"/LM/SmtpSvc/unclosed\n");
        return sb.Append(Tail).ToString();
    }

    private static readonly string Small = Head +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tSmtpInboundCommandSupportOptions=\"7697601\"\n\t>\n</IIsSmtpServer>\n" + Tail;

    [Fact]
    public async Task OverSizeLimit_OnlySyntaxDiagnosticsOneNoticeFeaturesStepBack()
    {
        using var server = ServerSession.Start(aot: false);
        await server.InitializeAsync(new JsonObject { ["maxDocumentSizeForFullAnalysis"] = 20_000 });
        string big = BigMetabase(50_000);
        await server.OpenAsync(BigUri, big);
        var publish = await server.PublishFor(BigUri);
        var codes = ((JsonArray)publish["params"]!["diagnostics"]!).Select(d => (string?)d!["code"]).ToList();
        Assert.Contains("MB1002", codes);
        Assert.All(codes, c => Assert.StartsWith("MB1", c));

        var notice = await server.Rpc.WaitForAsync(m => (string?)m["method"] == Methods.ShowMessage, ServerSession.Timeout);
        Assert.Contains("maxDocumentSizeForFullAnalysis", (string?)notice["params"]!["message"]);

        var hover = await server.RequestAsync(Methods.Hover, ServerSession.At(BigUri, 4, 16));
        Assert.Null(hover["error"]);
        Assert.Null(hover["result"]);

        // A change that keeps it large sends no second notice; the small document still gets full service.
        await server.Rpc.NotifyAsync(Methods.DidChange, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = BigUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = big + "<!-- more -->" }),
        });
        await server.PublishFor(BigUri, version: 2);
        await server.OpenAsync(SmallUri, Small);
        await server.PublishFor(SmallUri);
        var smallHover = await server.RequestAsync(Methods.Hover, ServerSession.At(SmallUri, 4, 22));
        Assert.Contains("EHLO", (string?)smallHover["result"]?["contents"]?["value"]);
        Assert.Equal(0, await server.ShutdownAsync());
        Assert.Single(server.Stderr.Split('\n'), l => l.Contains("maxDocumentSizeForFullAnalysis"));
    }

    [Fact]
    public async Task HugeAttributeValue_10MB_AnalysedAndHoverAnswers()
    {
        using var server = ServerSession.Start(aot: false);
        await server.InitializeAsync();
        string value = new string('x', 10 * 1024 * 1024);
        string text = Head + $"<IIsSmtpServer Location=\"/LM/SmtpSvc/1\" SmtpServerName=\"{value}\" AuthFlags=\"AuthNTML\"/>\n" + Tail;
        await server.OpenAsync(BigUri, text);
        var publish = await server.PublishFor(BigUri);
        Assert.Contains(((JsonArray)publish["params"]!["diagnostics"]!), d => (string?)d!["code"] == "MB3007");

        var hover = await server.RequestAsync(Methods.Hover, ServerSession.At(BigUri, 3, 45));
        Assert.Null(hover["error"]);
        var completion = await server.RequestAsync(Methods.Completion, ServerSession.At(BigUri, 3, 1_000_000));
        Assert.Null(completion["error"]);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [HugeFact]
    public async Task Document200MB_OtherDocumentHoverStaysFastAndMemoryBounded()
    {
        using var server = ServerSession.Start(aot: false);
        await server.InitializeAsync();
        await server.OpenAsync(SmallUri, Small);
        await server.PublishFor(SmallUri);
        string big = BigMetabase(200 * 1024 * 1024);
        // Written by hand: System.Text.Json refuses to write a string value this long.
        string escaped = big.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t");
        byte[] body = Encoding.UTF8.GetBytes(
            $"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{{\"textDocument\":{{\"uri\":\"{BigUri}\",\"languageId\":\"xml\",\"version\":1,\"text\":\"{escaped}\"}}}}}}");
        escaped = "";
        await server.WriteRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        body = [];

        // The first hover queues behind the 200 MB frame; the ones after it run while that document is analysed.
        await server.RequestAsync(Methods.Hover, ServerSession.At(SmallUri, 4, 22));
        var during = new List<double>();
        bool published = false;
        while (!published)
        {
            int id = server.Rpc.NextId();
            var watch = Stopwatch.StartNew();
            await server.Rpc.RequestAsync(id, Methods.Hover, ServerSession.At(SmallUri, 4, 22));
            while (true)
            {
                var m = await server.Rpc.WaitForAsync(m => (m["id"] is JsonValue v && (int)v == id)
                    || ((string?)m["method"] == Methods.PublishDiagnostics && (string?)m["params"]?["uri"] == BigUri), ServerSession.Timeout);
                if (m["id"] is null) { published = true; continue; }
                Assert.Contains("EHLO", (string?)m["result"]?["contents"]?["value"]);
                break;
            }
            if (!published) during.Add(watch.Elapsed.TotalMilliseconds);
        }
        var notice = await server.Rpc.WaitForAsync(m => (string?)m["method"] == Methods.ShowMessage, ServerSession.Timeout);
        Assert.Contains(BigUri, (string?)notice["params"]!["message"]);
        long peak = server.PeakResidentBytes();
        during.Sort();
        string figures = $"{during.Count} hovers during analysis, median {(during.Count > 0 ? during[during.Count / 2] : 0):F1} ms, " +
                         $"p99 {(during.Count > 0 ? during[(int)(during.Count * 0.99)] : 0):F1} ms, max {(during.Count > 0 ? during[^1] : 0):F1} ms, " +
                         $"{during.Count(t => t > 50)} over 50 ms; peak RSS {peak >> 20} MB for {big.Length >> 20} M chars";
        Console.WriteLine(figures);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "smtplsp-200mb-figures.txt"), figures);
        Assert.True(during.Count >= 3, figures);
        Assert.True(during[during.Count / 2] < 50, figures);
        Assert.True(during[(int)(during.Count * 0.99)] < 50, figures);
        Assert.True(peak < 12L * big.Length, figures);
        Assert.Equal(0, await server.ShutdownAsync());
    }
}

/// <summary>Runs only with SMTPLSP_HUGE_TESTS=1 and at least 8 GB of memory; otherwise skipped with the reason.</summary>
public sealed class HugeFactAttribute : FactAttribute
{
    public const string Variable = "SMTPLSP_HUGE_TESTS";

    public HugeFactAttribute()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"set {Variable}=1 to run the tests of files of hundreds of MB and more (about a minute, several GB of RAM)";
        else if (available < 8L << 30)
            Skip = $"needs 8 GB of memory, {available >> 20} MB available";
    }
}

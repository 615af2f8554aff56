using System.Text.Json;
using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Server.Lsp;
using SmtpLsp.Server.Lsp.Protocol;

namespace SmtpLsp.Server.Tests.Lsp;

public sealed class SettingsTests
{
    private const string Uri = "file:///srv/MetaBase.xml";

    private static DidChangeConfigurationParams Config(string json) => new() { Settings = JsonDocument.Parse(json).RootElement.Clone() };

    [Fact]
    public async Task Initialize_InitializationOptions_BecomeSettingsAndRaiseEvent()
    {
        await using var client = LspTestClient.Create();
        var seen = new List<ServerSettings>();
        client.Server.Target.OnSettingsChanged(seen.Add);
        await client.InitializeAsync("""{"schemaPath":"/etc/MBSchema.xml","exchangeHints":true,"diagnosticsDebounceMs":50,"inlayHints":true}""");

        var settings = Assert.Single(seen);
        Assert.Equal("/etc/MBSchema.xml", settings.SchemaPath);
        Assert.True(settings.ExchangeHints);
        Assert.True(settings.InlayHints);
        Assert.Equal(50, settings.DiagnosticsDebounceMs);
    }

    [Fact]
    public async Task DidChangeConfiguration_SmtpLspSection_UpdatesSettingsAndReanalysesWithoutResendingTheSameList()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var changed = new TaskCompletionSource<ServerSettings>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Server.Target.OnSettingsChanged(s => changed.TrySetResult(s));
        await client.OpenAsync(Uri, "<configuration><MBProperty>BAD</MBProperty></configuration>", version: 4);
        Assert.Equal(4, (await client.NextPublishAsync()).Version);

        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, Config("""{"smtpLsp":{"schemaPath":"/x/MBSchema.xml","exchangeHints":true}}"""));

        var settings = await changed.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal("/x/MBSchema.xml", settings.SchemaPath);
        Assert.Equal(0, settings.DiagnosticsDebounceMs); // kept from initializationOptions
        // Analysed again with the new settings; the fake core finds the same marker, so the client's list stands.
        await WaitUntilAsync(() => client.Core.AnalyzeCount == 2);
        await client.AssertNoPublishAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task DidChangeConfiguration_HostileCountOfProblems_CappedListKeptSoNotSentAgain()
    {
        // A million problems were sent and not kept; the list sent is now the first 10,000 and a note, kept as any other.
        await using var client = await LspTestClient.StartInitializedAsync();
        string markers = string.Concat(Enumerable.Repeat("BAD\n", 30_000));
        await client.OpenAsync(Uri, $"<configuration><MBProperty>{markers}</MBProperty></configuration>", version: 2);
        Assert.Equal(10_001, (await client.NextPublishAsync()).Diagnostics.Count);

        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, Config("""{"smtpLsp":{"exchangeHints":true}}"""));
        await WaitUntilAsync(() => client.Core.AnalyzeCount == 2);
        await client.AssertNoPublishAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task DidChangeConfiguration_ResultChanges_PublishesTheNewListForTheSameVersion()
    {
        await using var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(Uri, FeatureDocs.Smtp, version: 3);
        var first = await client.NextPublishAsync();
        Assert.Contains(first.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);

        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, Config("""{"smtpLsp":{"exchangeHints":false}}"""));
        var without = await client.NextPublishAsync();
        Assert.Equal(3, without.Version);
        Assert.DoesNotContain(without.Diagnostics, d => d.Code == DiagnosticCodes.ExchangeManaged);

        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, Config("""{"smtpLsp":{"exchangeHints":true}}"""));
        Assert.Equal(first.Diagnostics.Count, (await client.NextPublishAsync()).Diagnostics.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + LspTestClient.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task DidChangeConfiguration_BadValue_LoggedAndOthersApplied()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.Rpc.NotifyWithParameterObjectAsync(Methods.DidChangeConfiguration, Config("""{"smtpLsp":{"diagnosticsDebounceMs":"soon","exchangeHints":true}}"""));

        var log = await client.Received.WaitForLogAsync(l => l.Message.Contains("diagnosticsDebounceMs", StringComparison.Ordinal));
        Assert.Equal(MessageType.Warning, log.Type);
        Assert.True(client.Server.Target.Settings.ExchangeHints);
        Assert.Equal(0, client.Server.Target.Settings.DiagnosticsDebounceMs);
    }

    [Fact]
    public void Merge_ForceMetabaseTrue_ForcesEveryUri()
    {
        var settings = ServerSettingsReader.Merge(ServerSettings.Default, JsonDocument.Parse("""{"forceMetabase":true}""").RootElement, []);
        Assert.True(settings.IsForcedMetabase("untitled:Untitled-1"));
    }

    [Fact]
    public void Merge_NotAnObject_KeepsCurrent()
    {
        var problems = new List<string>();
        Assert.Same(ServerSettings.Default, ServerSettingsReader.Merge(ServerSettings.Default, JsonDocument.Parse("42").RootElement, problems));
        Assert.Same(ServerSettings.Default, ServerSettingsReader.Merge(ServerSettings.Default, null, problems));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("**/*.mbx", "file:///srv/a/b/export.mbx", true)]
    [InlineData("**/*.mbx", "file:///srv/export.xml", false)]
    [InlineData("**/MetaBase.xml", "file:///C:/WINDOWS/system32/inetsrv/metabase.xml", true)]
    [InlineData("/srv/*.xml", "file:///srv/MetaBase.xml", true)]
    [InlineData("/srv/*.xml", "file:///srv/sub/MetaBase.xml", false)]
    [InlineData("file:///srv/?.xml", "file:///srv/a.xml", true)]
    [InlineData("untitled:*", "untitled:Untitled-1", true)]
    public void UriGlob_Pattern_MatchesExpectedUris(string glob, string uri, bool expected) =>
        Assert.Equal(expected, UriGlob.IsMatch(glob, uri));
}

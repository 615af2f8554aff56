using StreamJsonRpc;
using SmtpLsp.Server.Lsp.Protocol;
using static SmtpLsp.Server.Tests.Lsp.FeatureDocs;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>smtpLsp/effectiveProperties and smtpLsp/setPropertyValue as docs/protocol.md describes them.</summary>
public sealed class PropertySheetTests
{
    private static async Task<LspTestClient> OpenAsync(string text = Smtp, int version = 1)
    {
        var client = LspTestClient.CreateWithRealCore();
        await client.InitializeAsync("""{"diagnosticsDebounceMs":0}""");
        await client.OpenAsync(DocUri, text, version);
        return client;
    }

    private static Task<EffectivePropertiesResult?> SheetAsync(LspTestClient client, string location, string uri = DocUri) =>
        client.Rpc.InvokeWithParameterObjectAsync<EffectivePropertiesResult?>(Methods.EffectiveProperties, new EffectivePropertiesParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = uri },
            Location = location,
        }).WaitAsync(LspTestClient.Timeout);

    private static Task<WorkspaceEdit> SetAsync(LspTestClient client, string location, string property, string value, int version = 1) =>
        client.Rpc.InvokeWithParameterObjectAsync<WorkspaceEdit>(Methods.SetPropertyValue, new SetPropertyValueParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = DocUri, Version = version },
            Location = location,
            Property = property,
            Value = value,
        }).WaitAsync(LspTestClient.Timeout);

    [Fact]
    public async Task EffectiveProperties_VirtualDirTwoLevelsBelowService_InheritsWithOrigin()
    {
        await using var client = await OpenAsync();
        var sheet = await SheetAsync(client, "/lm/smtpsvc/1/ROOT"); // Location matched case-insensitively
        Assert.NotNull(sheet);
        Assert.Equal(1, sheet.Version); // the text it was read from, which an edit chosen on it is checked against
        Assert.Equal(("/LM/SmtpSvc/1/Root", "IIsSmtpVirtualDir"), (sheet.Location, sheet.KeyType));
        Assert.Equal(RangeOf(Smtp, "/LM/SmtpSvc/1/Root"), sheet.SelectionRange);
        Assert.Equal(At(Smtp, "<IIsSmtpVirtualDir"), sheet.Range.Start);

        var dontLog = Assert.Single(sheet.Properties, p => p.Name == "DontLog");
        Assert.Equal((PropertyOrigin.Inherited, "/LM/SmtpSvc", "TRUE", "BOOL"), (dontLog.Origin, dontLog.InheritedFrom, dontLog.Value, dontLog.Type));
        Assert.Null(dontLog.Range);

        var access = Assert.Single(sheet.Properties, p => p.Name == "AccessFlags");
        Assert.Equal((PropertyOrigin.Here, (string?)null), (access.Origin, access.InheritedFrom));
        Assert.Equal(RangeOf(Smtp, "AccessRead | AccessWrite"), access.Range);
        Assert.Equal(3u, access.Flags!.Number);

        Assert.Contains(sheet.Properties, p => p.Origin == PropertyOrigin.Default && p.Range is null && p.InheritedFrom is null);
    }

    [Fact]
    public async Task EffectiveProperties_AtAPositionPastTheOutlineCap_SheetOfTheKeyThere()
    {
        // More keys than the outline lists (5000): the commands at the cursor asked the outline for the key there and
        // found none past the cap.
        string text = ManyKeys(6000);
        await using var client = await OpenAsync(text);
        var inKey = At(text, "AccessWrite\"\n\t>\n</IIsSmtpVirtualDir>\n<IIsSmtpVirtualDir\tLocation =\"/LM/SmtpSvc/1/Root/v5999\"");
        var inLast = At(text, "/LM/SmtpSvc/1/Root/v5999\"");

        var sheet = await AtAsync(client, inLast with { Character = inLast.Character + 3 });
        var before = await AtAsync(client, inKey);
        var outside = await AtAsync(client, new Position(0, 1));

        Assert.Equal(("/LM/SmtpSvc/1/Root/v5999", "IIsSmtpVirtualDir"), (sheet!.Location, sheet.KeyType));
        Assert.Equal("/LM/SmtpSvc/1/Root/v5998", before!.Location);
        Assert.Contains(sheet.Properties, p => p.Name == "DontLog" && p.Origin == PropertyOrigin.Inherited);
        Assert.Null(outside);
    }

    private static Task<EffectivePropertiesResult?> AtAsync(LspTestClient client, Position position) =>
        client.Rpc.InvokeWithParameterObjectAsync<EffectivePropertiesResult?>(Methods.EffectiveProperties, new EffectivePropertiesParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = DocUri },
            Position = position,
        }).WaitAsync(LspTestClient.Timeout);

    [Fact]
    public async Task EffectiveProperties_ServerBelowService_InheritedSymbolicFlagsDecoded()
    {
        await using var client = await OpenAsync();
        var sheet = await SheetAsync(client, "/LM/SmtpSvc/1");
        var auth = Assert.Single(sheet!.Properties, p => p.Name == "AuthFlags");
        Assert.Equal((PropertyOrigin.Inherited, "/LM/SmtpSvc", "AuthAnonymous | AuthNTLM"), (auth.Origin, auth.InheritedFrom, auth.Value));
        Assert.Null(auth.Range);
        Assert.Equal("DWORD", auth.Type);
        Assert.Equal("symbolic", auth.Flags!.Kind);
        Assert.Equal(5u, auth.Flags.Number);
        Assert.Equal(["AuthAnonymous", "AuthNTLM"], auth.Flags.Items.Where(i => i.Set).Select(i => i.Name));
        Assert.Contains(auth.Flags.Items, i => i.Name == "AuthBasic" && !i.Set && !i.Undocumented);
    }

    [Fact]
    public async Task EffectiveProperties_VerbMask_NumericItemsWithUndocumentedBits()
    {
        await using var client = await OpenAsync(Smtp.Replace("\"7697601\"", "\"2155181249\"", StringComparison.Ordinal));
        var sheet = await SheetAsync(client, "/LM/SmtpSvc/1");
        var verbs = Assert.Single(sheet!.Properties, p => p.Name == "SmtpInboundCommandSupportOptions");
        Assert.Equal(PropertyOrigin.Here, verbs.Origin);
        Assert.Equal(36998, verbs.Id);
        Assert.Equal(("numeric", 2155181249u, 7697601u), (verbs.Flags!.Kind, verbs.Flags.Number, verbs.Flags.Default));
        Assert.Contains(verbs.Flags.Items, i => i.Name == "8BITMIME" && i.Value == 4194304 && i.Set && !i.Undocumented);
        var undocumented = verbs.Flags.Items.Where(i => i.Name.StartsWith("undocumented 0x", StringComparison.Ordinal)).ToList();
        Assert.Equal(0x56001u, undocumented.Aggregate(0u, (mask, i) => mask | i.Value));
        Assert.All(undocumented, i => Assert.True(i.Undocumented && i.Set));
        var unknown = Assert.Single(verbs.Flags.Items, i => i.Name == "unknown bits");
        Assert.Equal((0x80000000u, true, true), (unknown.Value, unknown.Set, unknown.Undocumented));

        var timeout = Assert.Single(sheet.Properties, p => p.Name == "ConnectionTimeout");
        Assert.Equal(("300", PropertyOrigin.Here), (timeout.Value, timeout.Origin));
        Assert.Null(timeout.Flags);
    }

    [Fact]
    public async Task EffectiveProperties_UnknownKeyOrClosedDocument_Null()
    {
        await using var client = await OpenAsync();
        Assert.Null(await SheetAsync(client, "/LM/SmtpSvc/9"));
        Assert.Null(await SheetAsync(client, "/LM/SmtpSvc/1", "file:///srv/other.xml"));
    }

    [Fact]
    public async Task SetPropertyValue_VerbMask_EditsOnlyTheValue()
    {
        await using var client = await OpenAsync();
        var edit = await SetAsync(client, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "3503297");
        var change = Assert.Single(Assert.Single(edit.Changes).Value);
        Assert.Equal(RangeOf(Smtp, "7697601"), change.Range);
        Assert.Equal(Smtp.Replace("\"7697601\"", "\"3503297\"", StringComparison.Ordinal), Apply(Smtp, edit));
    }

    /// <summary>
    /// A box ticked on the sheet of a value with a bit no verb names keeps that bit (the sheet sends the whole value);
    /// a value that adds another such bit is refused, as set refuses it.
    /// </summary>
    [Fact]
    public async Task SetPropertyValue_UnnamedBitTheValueHasAlready_KeptButNoNewOne()
    {
        string text = Smtp.Replace("\"7697601\"", "\"7697603\"", StringComparison.Ordinal);
        await using var client = await OpenAsync(text);
        var edit = await SetAsync(client, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "3503299");
        Assert.Equal(text.Replace("\"7697603\"", "\"3503299\"", StringComparison.Ordinal), Apply(text, edit));
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => SetAsync(client, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "3503303"));
        Assert.Contains("0x4 (4)", error.Message);
    }

    /// <summary>Two keys at one Location: which one the sheet meant cannot be told, so neither is edited (as `set` refuses).</summary>
    [Fact]
    public async Task SetPropertyValue_LocationTwoKeysHave_RefusedNotTheFirstEdited()
    {
        int end = Smtp.IndexOf("</IIsSmtpServer>", StringComparison.Ordinal) + "</IIsSmtpServer>\n".Length;
        int start = Smtp.LastIndexOf("<IIsSmtpServer", end, StringComparison.Ordinal);
        string text = Smtp.Insert(end, Smtp[start..end]);
        await using var client = await OpenAsync(text);
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => SetAsync(client, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "3503297"));
        Assert.Equal(ErrorCodes.InvalidParams, (int)error.ErrorCode);
        Assert.Equal("Location \"/LM/SmtpSvc/1\" appears 2 times; fix the duplicate (MB2003) first", error.Message);
    }

    [Fact]
    public async Task SetPropertyValue_NumberForSymbolicFlags_WrittenInTheFormTheFileUses()
    {
        await using var client = await OpenAsync();
        var edit = await SetAsync(client, "/LM/SmtpSvc", "AuthFlags", "7");
        Assert.Equal(Smtp.Replace("AuthAnonymous | AuthNTLM", "AuthAnonymous | AuthBasic | AuthNTLM", StringComparison.Ordinal), Apply(Smtp, edit));

        string numeric = Smtp.Replace("AuthAnonymous | AuthNTLM", "5", StringComparison.Ordinal);
        await using var other = await OpenAsync(numeric);
        Assert.Equal(Smtp.Replace("AuthAnonymous | AuthNTLM", "7", StringComparison.Ordinal), Apply(numeric, await SetAsync(other, "/LM/SmtpSvc", "AuthFlags", "7")));
    }

    [Fact]
    public async Task SetPropertyValue_PropertyNotOnKey_AddedInIisPlace()
    {
        await using var client = await OpenAsync();
        var edit = await SetAsync(client, "/LM/SmtpSvc/1", "MaxMessageSize", "1048576");
        Assert.Equal(
            Smtp.Replace("\t\tServerAutoStart=", "\t\tMaxMessageSize=\"1048576\"\n\t\tServerAutoStart=", StringComparison.Ordinal),
            Apply(Smtp, edit));
    }

    [Fact]
    public async Task SetPropertyValue_MultiSzLines_OneItemPerLineWithIisIndent()
    {
        await using var client = await OpenAsync();
        var edit = await SetAsync(client, "/LM/SmtpSvc/1", "ServerBindings", ":25:\n:587:");
        Assert.Equal(
            Smtp.Replace("\t\tServerComment=", "\t\tServerBindings=\":25:\n\t\t\t:587:\"\n\t\tServerComment=", StringComparison.Ordinal),
            Apply(Smtp, edit));
    }

    [Fact]
    public async Task SetPropertyValue_StaleVersion_ContentModified()
    {
        await using var client = await OpenAsync(version: 4);
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => SetAsync(client, "/LM/SmtpSvc/1", "ServerComment", "x", version: 3));
        Assert.Equal(ErrorCodes.ContentModified, error.ErrorCode);
        Assert.NotNull(await SetAsync(client, "/LM/SmtpSvc/1", "ServerComment", "x", version: 4));
    }

    [Fact]
    public async Task SetPropertyValue_ErrorsAnsweredOnPurpose_NoStackTraceInTheServerLog()
    {
        await using var client = await OpenAsync(version: 4);
        // A click on the sheet while typing (stale version) and a property the schema lacks: both answered with a message.
        await Assert.ThrowsAsync<RemoteInvocationException>(() => SetAsync(client, "/LM/SmtpSvc/1", "ServerComment", "x", version: 3));
        await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => SetAsync(client, "/LM/SmtpSvc/1", "NoSuchProperty", "1", version: 4));

        string log = client.ServerLog.ToString();
        Assert.DoesNotContain("Exception", log, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonRpc", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/LM/SmtpSvc/1", "ServerAutoStart", "maybe", "'maybe' is not a BOOL: expected TRUE or FALSE")]
    [InlineData("/LM/SmtpSvc/1", "LogFilePeriod", "9", "9 is outside the schema range of LogFilePeriod; expected 0..4")]
    [InlineData("/LM/SmtpSvc/1", "NoSuchProperty", "1", "unknown property 'NoSuchProperty'")]
    [InlineData("/LM/SmtpSvc/7", "ServerComment", "x", "no key with Location \"/LM/SmtpSvc/7\"")]
    public async Task SetPropertyValue_ValueKeyOrPropertyInvalid_InvalidParamsWithMessage(string location, string property, string value, string message)
    {
        await using var client = await OpenAsync();
        // StreamJsonRpc surfaces -32602 as RemoteMethodNotFoundException; the wire carries the code and message.
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => SetAsync(client, location, property, value));
        Assert.Equal(ErrorCodes.InvalidParams, (int)error.ErrorCode);
        Assert.Equal(message, error.Message);
    }
}

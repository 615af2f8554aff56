using SmtpLsp.Metabase.Catalog;

namespace SmtpLsp.Metabase.Tests.Catalog;

public class MetabaseCatalogTests
{
    private static MetabaseCatalog Catalog => MetabaseCatalog.Embedded;

    [Fact]
    public void Embedded_Loads_AllKeyTypesAndProperties()
    {
        Assert.Equal(66, Catalog.KeyTypes.Count);
        Assert.Equal(507, Catalog.Properties.Count);
        Assert.Equal(84, Catalog.Properties.Where(p => p.Flags?.Kind == FlagTableKind.Symbolic).Sum(p => p.Flags!.Flags.Count));
        Assert.Contains("MBSchema.xml", Catalog.SourceDescription);
    }

    [Fact]
    public void SmtpInboundCommandSupportOptions_SchemaFacts_MatchMbSchema()
    {
        var p = Catalog.FindProperty("SmtpInboundCommandSupportOptions")!;
        Assert.Equal(36998, p.Id);
        Assert.Equal(PropertyType.Dword, p.Type);
        Assert.Equal("7697601", p.SchemaDefault);
        Assert.Equal(7697601u, p.DefaultNumber);
        Assert.Equal("IIS_MD_UT_SERVER", p.UserType);
        Assert.True(p.IsInherit);
        Assert.Null(p.EndingNumber); // EndingNumber="0" means unbounded
        Assert.Contains("IIsSmtpService", p.AllowedOn);
        Assert.Contains("IIsSmtpServer", p.AllowedOn);
        Assert.True(Catalog.FindKeyType("IIsSmtpServer")!.AllowsProperty(p.Name));
        Assert.Equal("msExchSmtpInboundCommandSupportOptions", p.ExchangeAdAttribute);
    }

    [Fact]
    public void SmtpInboundCommandSupportOptions_VerbTable_IsNumericWithUndocumentedDefaultBits()
    {
        var table = Catalog.FindProperty("SmtpInboundCommandSupportOptions")!.Flags!;
        Assert.Equal(FlagTableKind.Numeric, table.Kind);
        Assert.Equal(["DSN", "ETRN", "TURN/ATRN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "8BITMIME"], table.Flags.Select(f => f.Name));
        Assert.Equal(0x56001u, table.UndocumentedDefaultBits);
        Assert.Equal(0x7014C0u, table.DefinedMask); // 7345344; research §1.3 prints this hex as 0x701540 by mistake
        Assert.Equal(["TURN", "ATRN"], table.Find("TURN/ATRN")!.EhloLines);
        Assert.Equal(["8bitmime"], table.Find("8BITMIME")!.EhloLines);
        Assert.Equal("medium", table.Find("ENHANCEDSTATUSCODES")!.Confidence);
        Assert.Same(table.Find("TURN/ATRN"), table.Find("atrn"));
    }

    [Fact]
    public void SmtpOutboundCommandSupportOptions_HasKnownValuesButNoTable()
    {
        var p = Catalog.FindProperty("SmtpOutboundCommandSupportOptions")!;
        Assert.Equal(36999, p.Id);
        Assert.Null(p.Flags);
        Assert.Equal([7u, 7697601u], p.KnownValues.Select(v => v.Value));
        Assert.Equal("7", p.InstalledDefault!.Value);
    }

    [Fact]
    public void AuthFlags_SchemaFlagTable_IsSymbolicInValueOrder()
    {
        var p = Catalog.FindProperty("AuthFlags")!;
        Assert.Equal(6000, p.Id);
        Assert.Equal(FlagTableKind.Symbolic, p.Flags!.Kind);
        Assert.Equal(["AuthAnonymous", "AuthBasic", "AuthNTLM", "AuthMD5", "AuthPassport"], p.Flags.Flags.Select(f => f.Name));
        Assert.Equal([1u, 2u, 4u, 16u, 64u], p.Flags.Flags.Select(f => f.Value));
        Assert.Equal(6218, p.Flags.Find("AuthAnonymous")!.Id);
        Assert.Null(p.Flags.Find("authanonymous")); // schema names are exact
        Assert.Equal("AuthAnonymous", p.SchemaDefault);
        Assert.Equal(1u, p.DefaultNumber);
        Assert.Equal("AuthAnonymous | AuthNTLM", p.InstalledDefault!.Value);
    }

    [Fact]
    public void DefaultNumber_SymbolicMultiFlagDefault_IsEncoded()
    {
        // LogExtFileTime 2 | ClientIp 4 | Method 128 | UriStem 256 | HttpStatus 1024
        Assert.Equal(1414u, Catalog.FindProperty("LogExtFileFlags")!.DefaultNumber);
    }

    [Fact]
    public void KeyTypes_SmtpContainment_MatchesSchema()
    {
        var service = Catalog.FindKeyType("IIsSmtpService")!;
        Assert.Equal(["IIsObject", "IIsSmtpInfo", "IIsSmtpServer"], service.ContainerClassList);
        Assert.True(service.AllowsChild("IIsSmtpServer"));
        Assert.Empty(Catalog.FindKeyType("IIsSmtpSessions")!.ContainerClassList);
        Assert.True(Catalog.FindKeyType("MetabaseBaseClass")!.IsHidden);
        Assert.False(service.IsHidden);
        Assert.False(Catalog.FindKeyType("IIsSmtpDomain")!.AllowsProperty("SmtpInboundCommandSupportOptions"));
        Assert.True(service.AllowsProperty("Location"));
        Assert.False(service.AllowsProperty("maxmessagesize"));
    }

    [Fact]
    public void Lookups_CaseAndId_BehaveAsDocumented()
    {
        Assert.Null(Catalog.FindProperty("maxmessagesize"));
        Assert.Equal("MaxMessageSize", Catalog.FindPropertyIgnoreCase("maxmessagesize")!.Name);
        Assert.Equal("MaxMessageSize", Catalog.FindPropertyById(36891)!.Name);
        Assert.Null(Catalog.FindKeyType("iissmtpserver"));
        Assert.Null(Catalog.FindPropertyById(61537));
    }

    [Fact]
    public void SuggestPropertyNames_Misspelling_FindsClosest()
    {
        Assert.Equal("MaxMessageSize", Catalog.SuggestPropertyNames("MaxMesageSize")[0]);
        Assert.Equal("SmtpInboundCommandSupportOptions", Catalog.SuggestPropertyNames("SmtpInbuondCommandSupportOptions")[0]);
        Assert.Equal("IIsSmtpServer", Catalog.SuggestKeyTypeNames("IIsSmptServer")[0]);
        Assert.Empty(Catalog.SuggestPropertyNames("CompletelyDifferentThing"));
    }

    [Fact]
    public void EnumValues_RelayForAuth_AcceptsBothCheckedEncodings()
    {
        var values = Catalog.FindProperty("RelayForAuth")!.EnumValues;
        Assert.Equal([0u, 1u, 4294967295u], values.Select(v => v.Value));
        foreach (var name in new[] { "ServerState", "ServerCommand", "AppIsolated", "SmartHostType", "LogType", "LogFilePeriod" })
            Assert.NotEmpty(Catalog.FindProperty(name)!.EnumValues);
        Assert.Equal("Pooled", Catalog.FindProperty("AppIsolated")!.EnumValues.Single(v => v.Value == 2).Label);
    }

    [Fact]
    public void EnumValues_ServerCommand_AsIiscnfgHDefinesThem()
    {
        // MD_SERVER_COMMAND_START 1, _STOP 2, _PAUSE 3, _CONTINUE 4 (not the 4 and 8 a TechNet page gives).
        Assert.Equal([(1u, "Start"), (2u, "Stop"), (3u, "Pause"), (4u, "Continue")],
            Catalog.FindProperty("ServerCommand")!.EnumValues.Select(v => (v.Value, v.Label)));
    }

    [Fact]
    public void InstalledDefaults_SmtpVirtualServer_DifferFromSchema()
    {
        Assert.Equal("2097152", Catalog.FindProperty("MaxMessageSize")!.InstalledDefault!.Value);
        Assert.Equal("33554432", Catalog.FindProperty("MaxMessageSize")!.SchemaDefault);
        Assert.Equal("10485760", Catalog.FindProperty("MaxSessionSize")!.InstalledDefault!.Value);
        Assert.Equal("15", Catalog.FindProperty("HopCount")!.InstalledDefault!.Value);
        Assert.Equal("100", Catalog.FindProperty("MaxRecipients")!.InstalledDefault!.Value);
        Assert.Equal("720", Catalog.FindProperty("SmtpLocalDelayExpireMinutes")!.InstalledDefault!.Value);
        Assert.Equal("15,30,60,240", Catalog.FindProperty("SmtpRemoteProgressiveRetry")!.InstalledDefault!.Value);
    }

    [Fact]
    public void Exchange_Facts_CoverDs2mbAndSignals()
    {
        var x = Catalog.Exchange;
        Assert.Equal(15, x.SyncIntervalMinutes);
        Assert.Contains("ADSI Edit", x.ChangeInstead.Text);
        Assert.Equal("msExchSmtpMaxSessionSize", x.AdAttributeFor("MaxSessionSize"));
        Assert.Equal("msExchAuthenticationFlags", x.AdAttributeFor("AuthFlags"));
        Assert.Null(x.AdAttributeFor("ServerComment"));
        Assert.Contains(x.Signals, s => s.PathPattern == "\\Mailroot\\vsi ");
        var defaults = x.Signals.Single(s => s.Kind == "exchangeDefaultValues").Values;
        Assert.Contains(new KeyValuePair<string, string>("MaxRecipients", "64000"), defaults);
        Assert.Contains(new KeyValuePair<string, string>("MaxMessageSize", "0"), defaults);
        Assert.Contains(new KeyValuePair<string, string>("MaxSessionSize", "0"), defaults);
    }

    [Fact]
    public void Descriptions_EverySmtpKeyTypePropertyFlagPropertyAndKeyType_HaveOne()
    {
        string[] smtp = ["IIsSmtpService", "IIsSmtpServer", "IIsSmtpVirtualDir", "IIsSmtpDomain", "IIsSmtpRoutingSource", "IIsSmtpSessions", "IIsSmtpInfo"];
        var missing = smtp.SelectMany(k => Catalog.FindKeyType(k)!.AllowedProperties)
            .Concat(Catalog.Properties.Where(p => p.Flags is not null).Select(p => p.Name))
            .Distinct()
            .Where(n => Catalog.FindProperty(n)!.Description is null)
            .ToList();
        Assert.Empty(missing);
        Assert.Empty(Catalog.KeyTypes.Where(k => k.Description is null).Select(k => k.Name));
    }

    [Fact]
    public void LoadSchemaFile_CorpusSchema_LoadsWithoutErrors()
    {
        var result = MetabaseCatalog.LoadSchemaFile(RepoPaths.MbSchema);
        Assert.Empty(result.Errors);
        Assert.Equal(507, result.Catalog!.Properties.Count);
        Assert.Equal(MetabaseCatalog.Embedded.KeyTypes.Select(k => k.Name), result.Catalog.KeyTypes.Select(k => k.Name));
    }
}

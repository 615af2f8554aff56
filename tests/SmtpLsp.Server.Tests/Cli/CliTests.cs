using System.Text.Json;
using SmtpLsp.Server.Cli;

namespace SmtpLsp.Server.Tests.Cli;

/// <summary>`smtplsp check|decode|encode` as scripts and CI use them: output, formats and exit codes.</summary>
public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string TempFile(string text, string name = "MetaBase.xml")
    {
        string dir = Path.Combine(Path.GetTempPath(), "smtplsp-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Clean =
        "<?xml version =\"1.0\"?>\n<configuration>\n<MBProperty>\n" +
        "<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\n\t\tSmtpInboundCommandSupportOptions=\"7697601\"\n\t>\n</IIsSmtpServer>\n" +
        "</MBProperty>\n</configuration>\n";

    [Fact]
    public void Check_SampleWithErrors_PrintsLocatedDiagnosticsAndExits1()
    {
        var (code, output, err) = Run("check", RepoPaths.Sample("MetaBase-with-errors.xml"));
        Assert.Equal(1, code);
        Assert.Matches(@"MetaBase-with-errors\.xml:25:26: error MB3007: Unknown flag 'AuthNTML'", output);
        Assert.Matches(@":34:\d+: warning MB3009: .*0x2 \(2\)", output);
        Assert.Contains("MB2003", output);
        Assert.Contains("error(s)", err);
    }

    [Fact]
    public void Check_RealisticIisFile_HasNoErrorOrWarningAndExits0()
    {
        var (code, output, _) = Run("check", RepoPaths.Sample("MetaBase.xml"));
        Assert.Equal(0, code);
        Assert.DoesNotMatch(": (error|warning) ", output);
    }

    [Fact]
    public void Check_WarningsOnly_Exits0()
    {
        string path = TempFile(Clean.Replace("7697601", "7697603"));
        var (code, output, _) = Run("check", path);
        Assert.Equal(0, code);
        Assert.Contains("warning MB3009", output);
    }

    [Fact]
    public void Check_JsonFormat_IsAnArrayWithOneBasedRanges()
    {
        string path = TempFile(Clean.Replace("7697601", "abc"));
        var (code, output, _) = Run("check", path, "--format", "json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var d = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("MB3003", d.GetProperty("code").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal(5, d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(37, d.GetProperty("range").GetProperty("start").GetProperty("column").GetInt32());
        Assert.Equal(path, d.GetProperty("file").GetString());
    }

    [Theory]
    [InlineData("tests/samples/MetaBase.xml", "tests/samples/MetaBase.xml")]
    [InlineData("we ird#%dir/Méta base?.xml", "we%20ird%23%25dir/M%C3%A9ta%20base%3F.xml")]
    [InlineData("/srv/iis/Meta Base.xml", "file:///srv/iis/Meta%20Base.xml")]
    [InlineData(@"C:\WINDOWS\system32\inetsrv\MetaBase.xml", "file:///C:/WINDOWS/system32/inetsrv/MetaBase.xml")]
    [InlineData(@"\\srv\c$\MetaBase.xml", "file://srv/c%24/MetaBase.xml")]
    [InlineData("//tmp/x.xml", "file:///tmp/x.xml")] // one root on Linux, not a host named tmp
    [InlineData(@"/tmp/a\b.xml", "file:///tmp/a%5Cb.xml")] // a backslash in a Linux name
    public void SarifUri_PathWithSpacesAndUriCharacters_IsAValidUriReference(string path, string expected)
    {
        // Written as the path, '#', '?', '%' and spaces made an invalid artifactLocation.uri.
        Assert.Equal(expected, DiagnosticFormatter.SarifUri(path));
        Assert.True(Uri.TryCreate(expected, UriKind.RelativeOrAbsolute, out var uri) && (!uri.IsAbsoluteUri || uri.IsFile));
    }

    [Fact]
    public void Check_SarifFormat_IsSarif210WithRulesAndRegions()
    {
        var (code, output, _) = Run("check", RepoPaths.Sample("MetaBase-with-errors.xml"), "--format=sarif");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("smtplsp", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("MB3007", rules);
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "MB3007");
        Assert.Equal("error", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(25, region.GetProperty("startLine").GetInt32());
        Assert.Equal(26, region.GetProperty("startColumn").GetInt32());
        var dup = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "MB2003");
        Assert.Equal(1, dup.GetProperty("relatedLocations").GetArrayLength());
    }

    [Fact]
    public void Check_MissingFile_SaysSoAndExits2()
    {
        var (code, _, err) = Run("check", "/nonexistent/MetaBase.xml");
        Assert.Equal(2, code);
        Assert.Contains("cannot read /nonexistent/MetaBase.xml", err);
    }

    /// <summary>A truncated metabase must not pass a CI gate.</summary>
    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF")]
    public void Check_EmptyFile_IsAnErrorAndExits1(string text)
    {
        var (code, output, _) = Run("check", TempFile(text));
        Assert.Equal(1, code);
        Assert.Contains(":1:1: error MB1010: The file is empty", output);
    }

    [Fact]
    public void Check_Directory_SaysSoAndExits2()
    {
        string dir = Path.GetDirectoryName(TempFile(Clean))!;
        var (code, _, err) = Run("check", dir);
        Assert.Equal(2, code);
        Assert.Contains($"cannot read {dir}: it is a directory", err);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("/dev/stdin")]
    public void Check_StandardInput_ReadAsAStream(string path)
    {
        // Read by path, /dev/stdin failed when it was a socket, as a Node.js child's stdin is ("No such device").
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "smtplsp.dll"), "check", path } };
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(File.ReadAllText(RepoPaths.Sample("MetaBase-with-errors.xml")));
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("1 file(s) checked: 4 error(s), 1 warning(s)", error);
        Assert.StartsWith($"{path}:", output);
    }

    [Theory]
    [InlineData("check", "/dev/zero")]
    [InlineData("get", "/dev/zero", "/LM")]
    [InlineData("set", "/dev/zero", "/LM/SmtpSvc/1", "ConnectionTimeout", "5")]
    public void Command_OnADevice_SaysSoAndExits2(params string[] args)
    {
        // /dev/zero never ends: each of these read until the process ran out of memory (4 GB, then killed).
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("it is a character device", err);
    }

    [Fact]
    public void Check_InvalidUtf8_SaysWhereAndExits2()
    {
        string path = TempFile("");
        File.WriteAllBytes(path, [.. "<configuration>\r\n<MBProperty>"u8, 0xC3, 0x28, .. "</configuration>"u8]);
        var (code, _, err) = Run("check", path);
        Assert.Equal(2, code);
        Assert.Contains("not valid UTF-8", err);
        // The line and column an editor shows, not only the byte offset; a lone CR ends a line too.
        Assert.Contains("at line 2, column 13 (byte offset 29)", err);
        File.WriteAllBytes(path, [.. "a\rb\rc"u8, 0xE9]);
        Assert.Contains("at line 3, column 2", Run("check", path).Err);
    }

    [SmtpLsp.Server.Tests.Hostile.HugeFact]
    public void Check_FileLongerThanAnyText_SaysSoAndExits2()
    {
        // A sparse file of NUL bytes (valid UTF-8), one character over the longest string: it crashed with
        // "Out of memory." when the string was made.
        string path = TempFile("");
        using (var stream = File.OpenWrite(path)) stream.SetLength(SmtpLsp.Metabase.Text.MetabaseFile.MaxChars + 1L);
        try
        {
            var (code, _, err) = Run("check", path);
            Assert.Equal(2, code);
            Assert.Contains($"cannot read {path}: the file holds 1,073,741,792 characters, more than the 1,073,741,791", err);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Check_Utf16WithBom_IsReadLikeUtf8()
    {
        string path = TempFile("");
        File.WriteAllBytes(path, [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(Clean.Replace("7697601", "abc"))]);
        var (code, output, _) = Run("check", path);
        Assert.Equal(1, code);
        Assert.Contains(":5:37: error MB3003", output);
    }

    [Fact]
    public void Check_SeveralFilesOneUnreadable_ReportsTheRestAndExits2()
    {
        string bad = TempFile(Clean.Replace("7697601", "abc"));
        var (code, output, err) = Run("check", "/nonexistent.xml", bad);
        Assert.Equal(2, code);
        Assert.Contains("MB3003", output);
        Assert.Contains("cannot read /nonexistent.xml", err);
    }

    [Fact]
    public void Check_UnknownFormat_IsAUsageError()
    {
        var (code, _, err) = Run("check", "x.xml", "--format", "xml");
        Assert.Equal(2, code);
        Assert.Contains("unknown format 'xml'", err);
        Assert.Contains("Usage: smtplsp check", err);
    }

    [Fact]
    public void Check_NoExchangeHints_DropsMB5001()
    {
        string exchange = Path.Combine(RepoPaths.Root, "tests", "golden", "exchange-managed.xml");
        Assert.Contains("MB5001", Run("check", exchange).Out);
        Assert.DoesNotContain("MB5001", Run("check", exchange, "--no-exchange-hints").Out);
    }

    [Fact]
    public void Check_BrokenSchemaOption_ReportsSchemaErrorsAndExits2()
    {
        string schema = TempFile("<MetaData><Collection", "MBSchema.xml");
        var (code, _, err) = Run("check", RepoPaths.Sample("MetaBase.xml"), "--schema", schema);
        Assert.Equal(2, code);
        Assert.Contains(schema + ":", err);
        Assert.Contains("cannot use the schema", err);
    }

    [Fact]
    public void Check_UserSchema_IsUsedForValidation()
    {
        string corpus = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "MBSchema.xml"));
        var (code, _, _) = Run("check", RepoPaths.Sample("MetaBase.xml"), "--schema", corpus);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Decode_InboundDefault_ListsVerbsUndocumentedBitsAndEhlo()
    {
        var (code, output, _) = Run("decode", "SmtpInboundCommandSupportOptions", "7697601");
        Assert.Equal(0, code);
        foreach (string verb in new[] { "DSN", "ETRN", "TURN/ATRN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "8BITMIME" })
            Assert.Matches($@"\[x\] {verb.Replace("/", "/")} +\d+", output);
        Assert.Matches(@"\[x\] 8BITMIME +4194304 +0x00400000", output);
        Assert.Contains("352257 (0x00056001)", output);
        Assert.Contains("Unknown bits: none", output);
        Assert.Contains("250-8bitmime", output);
    }

    [Fact]
    public void Decode_HexAndMinusOne_AreAccepted()
    {
        Assert.Contains("[ ] 8BITMIME", Run("decode", "SmtpInboundCommandSupportOptions", "0x3574C1").Out);
        var (code, output, _) = Run("decode", "MaxBandwidth", "-1");
        Assert.Equal(0, code);
        Assert.Contains("4294967295", output);
    }

    [Fact]
    public void Decode_SymbolicFlags_AndAnyCasePropertyName()
    {
        var (code, output, _) = Run("decode", "authflags", "AuthBasic | AuthNTLM");
        Assert.Equal(0, code);
        Assert.StartsWith("AuthFlags = ", output);
        Assert.Matches(@"\[x\] AuthBasic", output);
        Assert.Matches(@"\[ \] AuthAnonymous", output);
    }

    [Fact]
    public void Decode_UnknownBits_ArePointedOutAndExit1()
    {
        var (code, output, _) = Run("decode", "AuthFlags", "8");
        Assert.Equal(1, code);
        Assert.Contains("Unknown bits: 8 (0x00000008)", output);
    }

    [Fact]
    public void Decode_UnknownProperty_SuggestsAndExits2()
    {
        var (code, _, err) = Run("decode", "SmtpInboundCommandSupportOption", "1");
        Assert.Equal(2, code);
        Assert.Contains("unknown property 'SmtpInboundCommandSupportOption'; did you mean SmtpInboundCommandSupportOptions", err);
    }

    [Fact]
    public void Encode_DefaultWithout8BitMime_Gives3503297()
    {
        var (code, output, error) = Run("encode", "SmtpInboundCommandSupportOptions",
            "DSN", "ETRN", "TURN/ATRN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME");
        Assert.Equal(0, code);
        // The five undocumented default bits are not names; encode gives exactly the named verbs, and says what it left out.
        Assert.Equal((3503297u & ~0x56001u).ToString() + "\n", output.Replace("\r\n", "\n"));
        Assert.Contains("leaves out bits the IIS default sets that no source names (0x56001); start from 'default' to keep them", error);
        Assert.Empty(Run("encode", "SmtpInboundCommandSupportOptions", "default", "-8BITMIME").Err);
        Assert.Empty(Run("encode", "AuthFlags", "AuthBasic").Err); // no undocumented bits in its default
    }

    [Fact]
    public void Encode_DefaultMinusEightBitMime_Gives3503297()
    {
        var (code, output, _) = Run("encode", "SmtpInboundCommandSupportOptions", "default", "-8BITMIME");
        Assert.Equal(0, code);
        Assert.Equal("3503297", output.Trim());
    }

    [Fact]
    public void Encode_RawBitsAndLaterNamesOverride()
    {
        Assert.Equal("7697601", Run("encode", "SmtpInboundCommandSupportOptions", "0x56001", "DSN", "ETRN", "TURN", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "8bitmime").Out.Trim());
        Assert.Equal("2", Run("encode", "AuthFlags", "AuthBasic", "AuthNTLM", "-AuthNTLM").Out.Trim());
    }

    [Fact]
    public void Encode_SymbolicListAndAliases_Work()
    {
        Assert.Equal("6", Run("encode", "AuthFlags", "AuthBasic | AuthNTLM").Out.Trim());
        Assert.Equal("1024", Run("encode", "SmtpInboundCommandSupportOptions", "atrn").Out.Trim());
    }

    [Fact]
    public void Encode_MinusNumber_TakesThoseBitsOff()
    {
        var (code, output, err) = Run("encode", "AuthFlags", "AuthBasic", "AuthNTLM", "-4");
        Assert.True(code == 0, err);
        Assert.Equal("2", output.Trim());
    }

    [Theory]
    [InlineData("0x100000000", "does not fit in a DWORD")]
    [InlineData("4294967296", "does not fit in a DWORD")]
    [InlineData("", "at least one NAME")]
    [InlineData(" | ", "at least one NAME")]
    public void Encode_NothingOrTooLarge_IsAUsageError(string word, string says)
    {
        var (code, output, err) = Run("encode", "AuthFlags", word);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(says, err);
    }

    /// <summary>Printed, as asked for, but the exit code says check would report it.</summary>
    [Fact]
    public void Encode_BitsNoFlagNames_PrintedAndExits1()
    {
        var (code, output, err) = Run("encode", "AuthFlags", "AuthBasic", "128");
        Assert.Equal(1, code);
        Assert.Equal("130", output.Trim());
        Assert.Contains("0x80", err);
        Assert.Equal(0, Run("encode", "SmtpInboundCommandSupportOptions", "default").Code); // the undocumented default bits are fine
    }

    [Fact]
    public void Encode_UnknownVerb_SuggestsAndExits2()
    {
        var (code, _, err) = Run("encode", "SmtpInboundCommandSupportOptions", "8BITMIM");
        Assert.Equal(2, code);
        Assert.Contains("has no flag '8BITMIM'; did you mean 8BITMIME", err);
    }

    [Fact]
    public void Encode_PropertyWithoutTable_IsAUsageError()
    {
        var (code, _, err) = Run("encode", "MaxBandwidth", "X");
        Assert.Equal(2, code);
        Assert.Contains("MaxBandwidth has no flag or verb table", err);
    }

    [Fact]
    public void Cli_NoArgumentsOrUnknownCommand_PrintsHelpAndExits2()
    {
        Assert.Equal(2, Run().Code);
        var (code, _, err) = Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'frobnicate'", err);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("decode")]
    [InlineData("encode")]
    [InlineData("generate-catalog")]
    public void Command_Help_PrintsUsageAndExits0(string command)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.StartsWith($"Usage: smtplsp {command}", output);
    }

    [Fact]
    public void GenerateCatalog_FromCorpus_EqualsCommittedCatalog()
    {
        string corpus = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "MBSchema.xml"));
        string output = Path.Combine(Path.GetTempPath(), $"smtplsp-catalog-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, Run("generate-catalog", corpus, output).Code);
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "iis6.catalog.json")), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }
}

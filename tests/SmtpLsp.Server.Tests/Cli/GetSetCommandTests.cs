using System.Diagnostics;
using System.Text;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Cli;

namespace SmtpLsp.Server.Tests.Cli;

public sealed class GetSetCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smtplsp-set-").FullName;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            RunTool("chattr", "-i", _dir);
            File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(_dir, recursive: true);
    }

    private static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "samples", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(name);
    }

    private string CopySample(string name = "MetaBase.xml")
    {
        string path = Path.Combine(_dir, "MetaBase.xml");
        File.Copy(SamplePath(name), path);
        return path;
    }

    /// <summary>Runs a command the way CliApp does: a UsageException is exit 2.</summary>
    private static (int Code, string Out, string Err) Run(Func<string[], TextWriter, TextWriter, int> command, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code;
        try { code = command(args, stdout, stderr); }
        catch (UsageException e) { stderr.WriteLine(e.Message); code = 2; }
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Set(params string[] args) => Run(SetCommand.Run, args);
    private static (int Code, string Out, string Err) Get(params string[] args) => Run(GetCommand.Run, args);

    private static byte[] ReplaceAscii(byte[] bytes, string from, string to)
    {
        var text = Encoding.Latin1.GetString(bytes);
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return Encoding.Latin1.GetBytes(text[..at] + to + text[(at + from.Length)..]);
    }

    private string[] FilesInDir() => Directory.GetFiles(_dir).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public void Set_DisableEightBitMimeOnSeedFile_WritesOnlyNewNumberAndKeepsBackup()
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var (code, output, error) = Set(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME");
        Assert.True(code == 0, error);
        Assert.Contains("7697601 -> 3503297", output);
        Assert.Equal(ReplaceAscii(original, "SmtpInboundCommandSupportOptions=\"7697601\"", "SmtpInboundCommandSupportOptions=\"3503297\""), File.ReadAllBytes(path));
        Assert.Equal(original, File.ReadAllBytes(path + ".bak"));
        Assert.Equal(["MetaBase.xml", "MetaBase.xml.bak"], FilesInDir());
    }

    [Fact]
    public void Set_EnableAndDisableSeveralVerbs_AppliesAll()
    {
        string path = CopySample();
        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME", "CHUNKING", "--no-backup");
        Assert.True(code == 0, error);
        Assert.Contains("SmtpInboundCommandSupportOptions=\"2454721\"", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".bak"));
    }

    [Fact]
    public void Set_DryRun_PrintsDiffAndWritesNothing()
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var (code, output, _) = Set(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME", "--dry-run");
        Assert.Equal(0, code);
        // The sample's own CRLF, so `patch` applies the preview to it (with LF it found no match).
        Assert.Contains("\r\n-\t\tSmtpInboundCommandSupportOptions=\"7697601\"\r\n", output);
        Assert.Contains("\r\n+\t\tSmtpInboundCommandSupportOptions=\"3503297\"\r\n", output);
        Assert.StartsWith("--- ", output);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["MetaBase.xml"], FilesInDir());
    }

    [Fact]
    public void Set_PropertyOnlyInherited_AddedOnThisKeyInIisPlace()
    {
        string path = CopySample();
        string before = File.ReadAllText(path);
        var (code, output, error) = Set(path, "/LM/SmtpSvc/1", "HopCount", "15");
        Assert.True(code == 0, error);
        Assert.Contains("added 15", output);
        string expected = before.Replace("\t\tLocalDomains=\"example.com", "\t\tHopCount=\"15\"\r\n\t\tLocalDomains=\"example.com");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Set_Utf16LfFile_KeepsEncodingBomAndLineEndings()
    {
        string text = File.ReadAllText(SamplePath("MetaBase.xml")).Replace("\r\n", "\n");
        string path = Path.Combine(_dir, "MetaBase.xml");
        File.WriteAllBytes(path, MetabaseFile.Encode(text, FileEncodingKind.Utf16LeBom));
        var (code, _, error) = Set(path, "/LM/SmtpSvc", "MaxMessageSize", "2097152");
        Assert.True(code == 0, error);
        var (kind, written) = MetabaseFile.Decode(File.ReadAllBytes(path));
        Assert.Equal(FileEncodingKind.Utf16LeBom, kind);
        Assert.Equal(text.Replace("\t\tMaxConnections=\"0\"\n\t\tRelayIpList", "\t\tMaxConnections=\"0\"\n\t\tMaxMessageSize=\"2097152\"\n\t\tRelayIpList"), written);
    }

    [Fact]
    public void Set_BoolAndStringValues_NormalisedAndEscaped()
    {
        string path = CopySample();
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", "SmtpDisableRelay", "false").Code);
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", "ServerComment", "R&D <mail>").Code);
        string text = File.ReadAllText(path);
        Assert.Contains("SmtpDisableRelay=\"FALSE\"", text);
        Assert.Contains("ServerComment=\"R&amp;D &lt;mail>\"", text);
    }

    [Fact]
    public void Set_MultiSzItems_OneLinePerItemWithIisIndent()
    {
        string path = CopySample();
        var (code, output, error) = Set(path, "/LM/SmtpSvc/1", "LocalDomains", "a.example", "b.example", "c.example");
        Assert.True(code == 0, error);
        Assert.Contains("\t\tLocalDomains=\"a.example\r\n\t\t\tb.example\r\n\t\t\tc.example\"\r\n", File.ReadAllText(path));
        // One line of output: the items, not the value's line breaks.
        Assert.Equal("LocalDomains at /LM/SmtpSvc/1: \"example.com\" \"example.org\" -> \"a.example\" \"b.example\" \"c.example\"" + Environment.NewLine, output);
    }

    [Fact]
    public void Get_ValueWithALineBreakFromACharacterReference_PrintedOnOneLine()
    {
        string path = CopySample();
        File.WriteAllText(path, File.ReadAllText(path).Replace("ServerComment=\"Default SMTP Virtual Server\"", "ServerComment=\"Relay&#13;&#10;Server\"", StringComparison.Ordinal));
        var (code, output, _) = Get(path, "/LM/SmtpSvc/1", "ServerComment");
        Assert.Equal(0, code);
        Assert.StartsWith("ServerComment : (STRING) \"Relay<U+000D><U+000A>Server\"   [set here]", output);
    }

    [Fact]
    public void Set_OutOfSchemaRange_RefusedUnlessForced()
    {
        string path = CopySample();
        var refused = Set(path, "/LM/SmtpSvc", "LogType", "7");
        Assert.Equal(2, refused.Code);
        Assert.Contains("outside the schema range of LogType", refused.Err);
        Assert.Equal(0, Set(path, "/LM/SmtpSvc", "LogType", "7", "--force").Code);
        Assert.Contains("LogType=\"7\"", File.ReadAllText(path));
    }

    /// <summary>What set writes, check accepts: the schema default and -1 pass the range as they do in MB3005.</summary>
    [Theory]
    [InlineData("SmtpServiceVersion", "0", "0")] // the default, below StartingNumber 1
    [InlineData("ConnectionTimeout", "-1", "4294967295")] // "unlimited", above EndingNumber 2147483647
    public void Set_DefaultOrUnlimitedOutsideTheRange_WrittenAsCheckAcceptsThem(string property, string value, string written)
    {
        string path = CopySample();
        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", property, value, "--no-backup");
        Assert.True(code == 0, error);
        Assert.Contains($"{property}=\"{written}\"", File.ReadAllText(path));
        Assert.Equal(0, Run(CheckCommand.Run, path).Code);
    }

    /// <summary>Bits MB3008 (flags) or MB3009 (verbs) would report are refused, as a range is.</summary>
    [Theory]
    [InlineData("AuthFlags", "128", "AuthFlags=\"128\"")]
    [InlineData("SmtpInboundCommandSupportOptions", "7697603", "SmtpInboundCommandSupportOptions=\"7697603\"")] // 0x2: no verb, not a default bit
    public void Set_BitsNoFlagNames_RefusedUnlessForced(string property, string value, string forced)
    {
        string path = CopySample();
        var refused = Set(path, "/LM/SmtpSvc/1", property, value);
        Assert.Equal(2, refused.Code);
        Assert.Contains($"sets bits no", refused.Err);
        Assert.Contains("0x2 (2)", Set(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "7697603").Err);
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", property, value, "--force", "--no-backup").Code);
        Assert.Contains(forced, File.ReadAllText(path));
    }

    /// <summary>No flag left is written 0, the schema's own form, not an empty value MB3003 calls an error.</summary>
    [Fact]
    public void Set_LastFlagDisabled_WritesZeroThatCheckAccepts()
    {
        string path = CopySample();
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", "AuthFlags", "--disable", "AuthBasic", "AuthNTLM", "--no-backup").Code);
        Assert.Contains("\t\tAuthFlags=\"0\"\r\n", File.ReadAllText(path));
        Assert.Equal(0, Run(CheckCommand.Run, path).Code);
        // Turned on again from 0, the flag is written by name, as the value was.
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", "AuthFlags", "--enable", "AuthNTLM", "--no-backup").Code);
        Assert.Contains("\t\tAuthFlags=\"AuthNTLM\"\r\n", File.ReadAllText(path));
    }

    /// <summary>Text that would not read back as typed is refused, and the file is left as it was.</summary>
    [Theory]
    [InlineData("ServerComment", "a\u0001b", "U+0001")]
    [InlineData("ServerComment", "a\nb", "line break or TAB")]
    [InlineData("ServerComment", "a\tb", "line break or TAB")]
    [InlineData("LocalDomains", "a\nb", "give each item")]
    [InlineData("LocalDomains", "\tindented", "indent")]
    public void Set_TextXmlWouldNotReadBackAsTyped_RefusedAndNothingWritten(string property, string value, string expected)
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", property, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["MetaBase.xml"], FilesInDir());
    }

    [Fact]
    public void Set_Backup_KeepsTheFilesPermissions()
    {
        if (OperatingSystem.IsWindows()) return;
        string path = CopySample();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", "MaxRecipients", "9").Code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + ".bak"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    /// <summary>`sudo smtplsp set` on a file a service account owns leaves it (and its backup) that account's.</summary>
    [Fact]
    public void Set_AsRootOnAnotherUsersFile_KeepsItsOwnerAndGroup()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess) return; // only root may give a file away
        string path = CopySample();
        RunTool("chown", "65534:65534", path);
        Assert.Equal((65534u, 65534u), Server.Files.UnixOwner.Read(path));
        Assert.Equal(0, Set(path, "/LM/SmtpSvc/1", "MaxRecipients", "9").Code);
        Assert.Equal((65534u, 65534u), Server.Files.UnixOwner.Read(path));
        Assert.Equal((65534u, 65534u), Server.Files.UnixOwner.Read(path + ".bak"));
    }

    /// <summary>Through a symbolic link the target is edited and the link stays a link.</summary>
    [Fact]
    public void Set_ThroughASymbolicLink_EditsTheTargetAndKeepsTheLink()
    {
        string target = CopySample();
        byte[] original = File.ReadAllBytes(target);
        string link = Path.Combine(_dir, "link.xml");
        File.CreateSymbolicLink(link, target);
        var (code, _, error) = Set(link, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME");
        Assert.True(code == 0, error);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(ReplaceAscii(original, "SmtpInboundCommandSupportOptions=\"7697601\"", "SmtpInboundCommandSupportOptions=\"3503297\""), File.ReadAllBytes(target));
        Assert.Equal(original, File.ReadAllBytes(link + ".bak"));
    }

    [Fact]
    public void Set_PropertyHeldInCustom_SetsCustomValueNotDuplicate()
    {
        string path = CopySample();
        File.WriteAllText(path, File.ReadAllText(path).Replace("\t\tAuthFlags=\"AuthBasic | AuthNTLM\"\r\n",
            "").Replace("\t>\r\n</IIsSmtpServer>", "\t>\r\n\t<Custom\r\n\t\tName=\"AuthFlags\"\r\n\t\tID=\"6000\"\r\n\t\tValue=\"AuthBasic\"\r\n\t/>\r\n</IIsSmtpServer>"));
        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", "AuthFlags", "--enable", "AuthNTLM");
        Assert.True(code == 0, error);
        string text = File.ReadAllText(path);
        Assert.Contains("Value=\"AuthBasic | AuthNTLM\"", text);
        Assert.DoesNotContain("\t\tAuthFlags=", text[text.IndexOf("/LM/SmtpSvc/1\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Set_MissingFile_Exit2WithMessage()
    {
        var (code, _, error) = Set(Path.Combine(_dir, "nope.xml"), "/LM", "MaxBandwidth", "1");
        Assert.Equal(2, code);
        Assert.Contains("cannot read", error);
        Assert.Empty(FilesInDir());
    }

    [Theory]
    [InlineData("MaxMesageSize", "5", "did you mean MaxMessageSize")]
    [InlineData("maxmessagesize", "5", "case-sensitive, did you mean MaxMessageSize")]
    [InlineData("MaxMessageSize", "12abc", "is not a DWORD")]
    [InlineData("MaxMessageSize", "4294967296", "out of range")]
    [InlineData("SmtpDisableRelay", "1", "IIS writes TRUE")]
    [InlineData("SmtpDisableRelay", "yes", "expected TRUE or FALSE")]
    [InlineData("AuthFlags", "AuthBasic | AuthNtlm", "unknown flag 'AuthNtlm'")]
    public void Set_BadPropertyOrValue_Exit2NoWrite(string property, string value, string message)
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", property, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["MetaBase.xml"], FilesInDir());
    }

    [Fact]
    public void Set_UnknownVerb_Exit2SuggestsAndWritesNothing()
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIM");
        Assert.Equal(2, code);
        Assert.Contains("unknown verb '8BITMIM'", error);
        Assert.Contains("did you mean 8BITMIME", error);
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public void Set_FileWithSyntaxErrors_RefusedUnlessForced()
    {
        string path = CopySample();
        File.WriteAllBytes(path, ReplaceAscii(File.ReadAllBytes(path), "DontLog=\"FALSE\"", "DontLog=\"FALSE\" =\"x\""));
        byte[] original = File.ReadAllBytes(path);
        var (code, _, error) = Set(path, "/LM/SmtpSvc", "MaxConnections", "30");
        Assert.Equal(1, code);
        Assert.Contains("syntax error", error);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["MetaBase.xml"], FilesInDir());

        var forced = Set(path, "/LM/SmtpSvc", "MaxConnections", "30", "--force");
        Assert.True(forced.Code == 0, forced.Err);
        Assert.Equal(ReplaceAscii(original, "MaxConnections=\"0\"", "MaxConnections=\"30\""), File.ReadAllBytes(path));
    }

    [Fact]
    public void Set_MissingKey_Exit1NoWrite()
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var (code, _, error) = Set(path, "/LM/SmtpSvc/2", "MaxMessageSize", "5");
        Assert.Equal(1, code);
        Assert.Contains("no key with Location \"/LM/SmtpSvc/2\"", error);
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // permission bits and chattr; CI runs on Linux
    public void Set_ReadOnlyFolder_Exit1FileUnchangedNoLeftovers()
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        // Root ignores permission bits; the immutable attribute stops it too.
        if (CanCreateFileIn(_dir)) RunTool("chattr", "+i", _dir);
        Assert.False(CanCreateFileIn(_dir), "could not make the test folder read-only");

        var (code, _, error) = Set(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME");
        Assert.Equal(1, code);
        Assert.Contains("cannot write", error);
        Assert.Contains("unchanged", error);
        Assert.DoesNotContain(".;", error);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["MetaBase.xml"], FilesInDir());
    }

    [Fact]
    public void AtomicFileWriter_FileChangedAfterRead_RefusesAndKeepsOtherWrite()
    {
        string path = CopySample();
        byte[] original = File.ReadAllBytes(path);
        var stamp = FileStamp.Of(path, original);
        byte[] other = ReplaceAscii(original, "\"7697601\"", "\"7697600\"");
        File.WriteAllBytes(path, other);
        Assert.Throws<FileChangedException>(() => AtomicFileWriter.Replace(path, original, [1, 2, 3], stamp, keepBackup: true));
        Assert.Equal(other, File.ReadAllBytes(path));
        Assert.Equal(["MetaBase.xml"], FilesInDir());
    }

    [Fact]
    public void Get_OneVerbProperty_ShowsValueOriginAndVerbs()
    {
        string path = CopySample();
        var (code, output, error) = Get(path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions");
        Assert.True(code == 0, error);
        Assert.StartsWith("SmtpInboundCommandSupportOptions : (DWORD) 7697601   [set here]  = DSN | ETRN", output);
        Assert.Contains("8BITMIME", output);
        Assert.Contains("undocumented 0x56001", output);
    }

    [Fact]
    public void Get_InheritedAndDefault_ShowOrigin()
    {
        string path = CopySample();
        Assert.Contains("ConnectionTimeout : (DWORD) 600   [inherited from /LM/SmtpSvc/1]", Get(path, "/LM/SmtpSvc/1/Domain", "ConnectionTimeout").Out);
        Assert.Contains("HopCount : (DWORD) 10   [default]", Get(path, "/LM/SmtpSvc/1", "HopCount").Out);
        Assert.Contains("RemoteSmtpPort : (DWORD) 25   [default]", Get(path, "/LM/SmtpSvc/1", "RemoteSmtpPort").Out);
    }

    [Fact]
    public void Get_WholeKey_ListsSetAndInheritedOnly()
    {
        string path = CopySample();
        var (code, output, _) = Get(path, "/LM/SmtpSvc/1");
        Assert.Equal(0, code);
        Assert.StartsWith("[/LM/SmtpSvc/1]  (IIsSmtpServer)", output);
        Assert.Contains("[inherited from /LM/SmtpSvc]", output);
        Assert.Contains("LocalDomains", output);
        Assert.Contains("\"example.com\" \"example.org\"", output);
        Assert.DoesNotContain("[default]", output);
        Assert.Contains("[default]", Get(path, "/LM/SmtpSvc/1", "--all").Out);
    }

    [Fact]
    public void Get_UnknownPropertyOrKey_ClearFailure()
    {
        string path = CopySample();
        var unknown = Get(path, "/LM/SmtpSvc/1", "HopCont");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("did you mean HopCount", unknown.Err);
        var missing = Get(path, "/LM/Nope");
        Assert.Equal(1, missing.Code);
        Assert.Contains("no key with Location", missing.Err);
    }

    private static bool CanCreateFileIn(string dir)
    {
        string probe = Path.Combine(dir, ".probe");
        try { File.WriteAllText(probe, ""); File.Delete(probe); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static void RunTool(string tool, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start);
            process?.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception) { }
    }
}

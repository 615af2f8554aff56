using System.Runtime.InteropServices;

namespace SmtpLsp.Server.Files;

/// <summary>
/// The owner and group of a file, copied to its replacement on Linux: `sudo smtplsp set` on a file a service account
/// owns must leave it that account's, or the service may no longer read it. .NET has no API for a file's owner, so
/// this asks libc: statx, whose buffer has the same layout on every architecture (unlike stat's), and chown.
/// </summary>
internal static partial class UnixOwner
{
    private const int AtFdCwd = -100;
    private const uint StatxUid = 0x8, StatxGid = 0x10;
    private const int StatxSize = 256, UidOffset = 20, GidOffset = 24;

    /// <summary>Gives <paramref name="to"/> the owner and group of <paramref name="from"/>, where the process may; else leaves it.</summary>
    public static void Copy(string from, string to)
    {
        if (!OperatingSystem.IsLinux() || Read(from) is not { } owner || Read(to) == owner) return;
        // Only root may give a file away; anyone else keeps the copy as theirs, as other editors do.
        _ = Chown(to, owner.Uid, owner.Gid);
    }

    /// <summary>The owner and group, or null where statx is missing or fails.</summary>
    public static (uint Uid, uint Gid)? Read(string path)
    {
        if (Statx(path, StatxUid | StatxGid) is not { } buffer) return null;
        return (BitConverter.ToUInt32(buffer, UidOffset), BitConverter.ToUInt32(buffer, GidOffset));
    }

    /// <summary>statx's buffer for the fields in <paramref name="mask"/>, following symbolic links; null off Linux or on failure.</summary>
    internal static byte[]? Statx(string path, uint mask)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[StatxSize];
        try
        {
            return Statx(AtFdCwd, path, 0, mask, buffer) == 0 ? buffer : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null; // a libc older than 2.28
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}

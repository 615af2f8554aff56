namespace SmtpLsp.Server.Cli;

/// <summary>
/// What kind of file a path names, on Linux: opening a FIFO waits for a writer and /dev/zero never ends, so what
/// reads a whole metabase refuses them first. .NET tells a directory from a file but no more; statx tells the rest.
/// </summary>
internal static class UnixFileType
{
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000, Fifo = 0x1000, CharacterDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Socket = 0xC000;

    /// <summary>"a FIFO", "a character device", ... for a path that exists and is not a regular file (nor a directory); else null.</summary>
    public static string? Special(string path)
    {
        if (UnixOwner.Statx(path, StatxType) is not { } buffer) return null;
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            Fifo => "a FIFO (named pipe)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            Regular or Directory or _ => null,
        };
    }
}

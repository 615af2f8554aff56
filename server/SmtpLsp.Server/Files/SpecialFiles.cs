namespace SmtpLsp.Server.Files;

/// <summary>
/// Paths that name no regular file, on Linux: opening a FIFO waits for a writer and /dev/zero never ends, so what
/// reads a whole metabase refuses them first. .NET tells a directory from a file but no more; statx tells the rest.
/// </summary>
internal static class SpecialFiles
{
    private enum Kind { Other, Stream, Device }

    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000, Fifo = 0x1000, CharacterDevice = 0x2000, BlockDevice = 0x6000, Socket = 0xC000;

    /// <summary>
    /// Throws an IOException saying what the path is when it is a device, or a FIFO or socket unless
    /// <paramref name="streams"/> allows them: the command line reads a pipe it is given (`<(zcat MetaBase.xml.gz)`)
    /// to its end, but a server request must never wait for a writer.
    /// </summary>
    public static void ThrowIfUnreadable(string path, bool streams)
    {
        if (UnixOwner.Statx(path, StatxType) is not { } buffer) return;
        var (kind, name) = (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            Fifo => (Kind.Stream, "a FIFO (named pipe)"),
            Socket => (Kind.Stream, "a socket"),
            CharacterDevice => (Kind.Device, "a character device"),
            BlockDevice => (Kind.Device, "a block device"),
            _ => (Kind.Other, ""),
        };
        if (kind == Kind.Device || (kind == Kind.Stream && !streams)) throw new IOException($"it is {name}, not a file");
    }
}

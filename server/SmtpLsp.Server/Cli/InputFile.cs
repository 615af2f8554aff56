using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Server.Cli;

/// <summary>The file a read-only command (check, get) is given, as a user or a script names it.</summary>
internal static class InputFile
{
    /// <summary>
    /// "-" or /dev/stdin is standard input, read as a stream: Linux will not open a socket by path, and a socket is
    /// what a Node.js child gets as its stdin. Anything else is the file, a directory or a device refused with what
    /// it is (a pipe is read to its end).
    /// </summary>
    public static MetabaseFile Read(string path)
    {
        if (path is "-" or "/dev/stdin")
        {
            using var stdin = Console.OpenStandardInput();
            return MetabaseFile.Read(stdin, path);
        }
        if (Directory.Exists(path)) throw new IOException("it is a directory");
        Files.SpecialFiles.ThrowIfUnreadable(path, streams: true);
        return MetabaseFile.Read(path);
    }
}

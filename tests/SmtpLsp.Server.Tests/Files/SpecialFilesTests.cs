using System.Net.Sockets;
using SmtpLsp.Server.Files;

namespace SmtpLsp.Server.Tests.Files;

public sealed class SpecialFilesTests
{
    [Fact]
    public void ThrowIfUnreadable_Socket_AStreamTheCommandLineReads()
    {
        // Node.js hands a child's stdin over as a socket: `check /dev/stdin` there was refused as "not a file".
        string path = Path.Combine(Path.GetTempPath(), $"smtplsp-{Guid.NewGuid():N}.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            SpecialFiles.ThrowIfUnreadable(path, streams: true);
            Assert.Contains("it is a socket", Assert.Throws<IOException>(() => SpecialFiles.ThrowIfUnreadable(path, streams: false)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ThrowIfUnreadable_DeviceOrRegularFile_RefusedOrAllowed()
    {
        Assert.Contains("it is a character device", Assert.Throws<IOException>(() => SpecialFiles.ThrowIfUnreadable("/dev/zero", streams: true)).Message);
        string file = Path.GetTempFileName();
        try { SpecialFiles.ThrowIfUnreadable(file, streams: false); }
        finally { File.Delete(file); }
    }
}

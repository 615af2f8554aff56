using System.Net;
using System.Net.Sockets;

namespace SmtpLsp.Tests.Shared;

// Linked into both test projects (see their .csproj): the entity-attack tests of the core and of the server.
/// <summary>A loopback listener that records whether anything connected; an expansion attempt would.</summary>
public sealed class CanaryListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _connections;

    public CanaryListener()
    {
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections) + (_listener.Pending() ? 1 : 0);

    private async Task AcceptLoop()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose() => _listener.Stop();
}

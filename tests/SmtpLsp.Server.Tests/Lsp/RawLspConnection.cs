using System.Text;
using System.Text.Json.Nodes;

namespace SmtpLsp.Server.Tests.Lsp;

/// <summary>
/// A strict LSP framing reader/writer: every incoming byte must belong to a well-formed
/// <c>Content-Length</c> frame holding a JSON-RPC 2.0 object, otherwise reading throws.
/// </summary>
internal sealed class RawLspConnection(Stream input, Stream output)
{
    private readonly List<JsonObject> _unclaimed = [];
    private int _nextId = 1000;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public async Task SendAsync(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await output.WriteAsync(header);
        await output.WriteAsync(body);
        await output.FlushAsync();
    }

    public Task RequestAsync(int id, string method, JsonNode? parameters = null) =>
        SendAsync(new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters });

    public Task NotifyAsync(string method, JsonNode? parameters = null) =>
        SendAsync(new JsonObject { ["method"] = method, ["params"] = parameters });

    /// <summary>Reads until a message matches; others are kept for later calls. Null at end of stream.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        int kept = _unclaimed.FindIndex(m => match(m));
        if (kept >= 0)
        {
            var found = _unclaimed[kept];
            _unclaimed.RemoveAt(kept);
            return found;
        }
        while (true)
        {
            var message = await ReadMessageAsync(cts.Token) ?? throw new EndOfStreamException("stream ended before the expected message");
            if (match(message)) return message;
            _unclaimed.Add(message);
        }
    }

    public Task<JsonObject> WaitForResponseAsync(int id, TimeSpan timeout) =>
        WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue<int>(out int got) && got == id, timeout);

    /// <summary>Reads every remaining frame until end of stream; throws on anything that is not a frame.</summary>
    public async Task<List<JsonObject>> ReadToEndAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var all = new List<JsonObject>(_unclaimed);
        _unclaimed.Clear();
        while (await ReadMessageAsync(cts.Token) is { } message) all.Add(message);
        return all;
    }

    private async Task<JsonObject?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        while (true)
        {
            string? line = await ReadHeaderLineAsync(cancellationToken);
            if (line is null)
            {
                if (length is null) return null; // clean end between frames
                throw new InvalidDataException("stream ended inside a header");
            }
            if (line.Length == 0) break;
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new InvalidDataException($"not a header line: '{line}'");
            string name = line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[(colon + 1)..].Trim());
            else if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) throw new InvalidDataException($"unknown header '{name}'");
        }
        if (length is not { } n) throw new InvalidDataException("frame without Content-Length");
        byte[] body = new byte[n];
        await input.ReadExactlyAsync(body, cancellationToken);
        var node = JsonNode.Parse(body) as JsonObject ?? throw new InvalidDataException("frame body is not a JSON object");
        if ((string?)node["jsonrpc"] != "2.0") throw new InvalidDataException("frame is not JSON-RPC 2.0");
        return node;
    }

    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        byte[] one = new byte[1];
        while (true)
        {
            int read = await input.ReadAsync(one, cancellationToken);
            if (read == 0)
            {
                if (bytes.Count == 0) return null;
                throw new InvalidDataException($"stream ended inside a header: '{Encoding.ASCII.GetString(bytes.ToArray())}'");
            }
            if (one[0] == '\n')
            {
                if (bytes.Count == 0 || bytes[^1] != '\r') throw new InvalidDataException("header line not ended by CRLF");
                bytes.RemoveAt(bytes.Count - 1);
                return Encoding.ASCII.GetString(bytes.ToArray());
            }
            bytes.Add(one[0]);
            if (bytes.Count > 1024) throw new InvalidDataException("header line too long: stdout is polluted");
        }
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Sits between stdin and StreamJsonRpc, which closes the connection on the first bad header or unparsable body.
/// Passes well-formed frames through unchanged and replaces anything else (missing or bad Content-Length, bytes
/// outside a frame, a body that is not one JSON object) with a synthetic <c>$/smtpLsp/invalidMessage</c>: a request
/// carrying the original id when one can be read (so the client gets a -32700 answer), else a notification that is
/// logged. After garbage it resynchronises on the next <c>Content-Length</c> header.
/// </summary>
public sealed partial class LspFrameSanitizer(Stream inner, ServerRequestLedger? ledger = null) : Stream
{
    public const string InvalidMessageMethod = "$/smtpLsp/invalidMessage";
    private const int MaxHeaderBytes = 8192;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private bool _eof;
    private ReadOnlyMemory<byte> _pending, _next;
    // Large document texts seen in the frame being validated, and the method it names.
    private readonly List<TextValue> _texts = [];
    private string? _method;
    private bool _hasId;

    /// <summary>A "text" string at params.textDocument.text (didOpen) or params.contentChanges[i].text (didChange).</summary>
    private readonly record struct TextValue(bool InContentChanges, int TokenStart, int TokenEnd, int ValueStart, int ValueLength);

    /// <summary>
    /// True once a shutdown request has been read. Messages are read in order but handled concurrently, so an exit
    /// sent right behind shutdown may be handled first; LSP's exit code depends on the order they were sent in.
    /// </summary>
    public bool ShutdownRead => _shutdownRead;

    private volatile bool _shutdownRead;

    /// <summary>Texts at least this long (raw bytes) are decoded here once and stashed; smaller frames pass unchanged.</summary>
    internal int StashThreshold { get; init; } = 64 * 1024;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty)
        {
            if (!_next.IsEmpty)
            {
                (_pending, _next) = (_next, ReadOnlyMemory<byte>.Empty);
                continue;
            }
            if (!await NextFrameAsync(cancellationToken).ConfigureAwait(false)) return 0;
        }
        int n = Math.Min(destination.Length, _pending.Length);
        _pending[..n].CopyTo(destination);
        _pending = _pending[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Queues the next frame (or its replacement) in _pending; false at end of input.</summary>
    private async Task<bool> NextFrameAsync(CancellationToken cancellationToken)
    {
        // Skip to the next header; anything but blank lines on the way is reported.
        int skipped = 0;
        while (true)
        {
            int found = IndexOfHeaderStart();
            if (found >= 0)
            {
                skipped += CountNonBlank(_start, found);
                _start = found;
                break;
            }
            // Keep a tail that could be the beginning of "Content-".
            int keep = Math.Min(_end - _start, 7);
            skipped += CountNonBlank(_start, _end - keep);
            _start = _end - keep;
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                skipped += CountNonBlank(_start, _end);
                _start = _end;
                if (skipped == 0) return false;
                _pending = Synthetic(null, $"{skipped} bytes at the end of the input were not a frame");
                return true;
            }
        }
        if (skipped > 0)
        {
            _pending = Synthetic(null, $"{skipped} bytes outside any frame were skipped (no Content-Length header)");
            return true;
        }

        int headerEnd;
        while ((headerEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (_end - _start > MaxHeaderBytes) return Reject("a header longer than 8 KB");
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                _start = _end;
                _pending = Synthetic(null, "the input ended inside a header");
                return true;
            }
        }
        string header = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        if (ReadContentLength(header) is not { } length) return Reject($"a header without a valid Content-Length: '{Excerpt(header)}'");
        _start = headerEnd + 4;

        if (await ReadBodyAsync(length, cancellationToken).ConfigureAwait(false) is not { } body) return false;
        _texts.Clear();
        if (IsValidMessage(body, out string? problem, out bool parsed))
        {
            if (_method == "shutdown" && _hasId) _shutdownRead = true; // a request: a "shutdown" notification is not one
            byte[] message = WithStashedTexts(body);
            // Re-framed with only Content-Length: StreamJsonRpc rejects charsets it does not know.
            _pending = Encoding.ASCII.GetBytes($"Content-Length: {message.Length}\r\n\r\n");
            _next = message;
            return true;
        }
        _pending = parsed
            ? Synthetic(problem!.StartsWith("a response", StringComparison.Ordinal) ? null : RecoverId(body), // never answer a response
                $"invalid JSON-RPC message: {problem}", Protocol.ErrorCodes.InvalidRequest)
            : Synthetic(RecoverId(body), $"the message body is not JSON ({problem})");
        return true;
    }

    /// <summary>A bad header: drop the "Content-" that started it so the next search moves on.</summary>
    private bool Reject(string reason)
    {
        _start += 8;
        _pending = Synthetic(null, reason);
        return true;
    }

    private static int? ReadContentLength(string header)
    {
        int? length = null;
        foreach (var line in header.Split("\r\n"))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) return null;
            if (!line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!int.TryParse(line[(colon + 1)..].Trim(), System.Globalization.NumberStyles.None, null, out int n)) return null;
            length = n;
        }
        return length;
    }

    /// <summary>
    /// Well-formed JSON holding one request, notification or response whose id, method and params have the types
    /// StreamJsonRpc can handle; <paramref name="parsed"/> tells a parse error from an invalid request.
    /// </summary>
    private bool IsValidMessage(byte[] body, out string? problem, out bool parsed)
    {
        parsed = false;
        _method = null;
        _hasId = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read()) { problem = "empty"; return false; }
            if (reader.TokenType != JsonTokenType.StartObject) { problem = $"a {reader.TokenType} instead of an object"; reader.Skip(); }
            else problem = Envelope(ref reader);
            if (reader.Read()) { problem = "text after the object"; return false; }
            parsed = true;
            return problem is null;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on invalid UTF-8 or an escaped lone surrogate: text no JSON reader can decode (RFC 8259 8.1).
            problem = "a string that is neither valid UTF-8 nor valid UTF-16";
            return false;
        }
    }

    private string? Envelope(ref Utf8JsonReader reader)
    {
        string? problem = null;
        bool method = false, result = false;
        long? numericId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            var kind = reader.TokenType;
            if (name == "id" && kind is not JsonTokenType.Null) _hasId = true;
            switch (name)
            {
                case "id" when !(kind is JsonTokenType.String or JsonTokenType.Null || (kind is JsonTokenType.Number && reader.TryGetInt64(out _))):
                    problem ??= "the id must be a string, a 64-bit integer or null";
                    break;
                case "id" when kind is JsonTokenType.Number:
                    numericId = reader.GetInt64();
                    break;
                // StreamJsonRpc decodes these two itself, and a string it cannot decode closes the connection.
                case "id" or "jsonrpc" when kind is JsonTokenType.String:
                    reader.GetString();
                    break;
                case "method":
                    if (kind is JsonTokenType.String) { method = true; _method = reader.GetString(); }
                    else problem ??= "the method must be a string";
                    break;
                case "params" when kind is JsonTokenType.StartObject:
                    FindTexts(ref reader);
                    continue; // at the params' end already
                case "params" when kind is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null):
                    problem ??= "params must be an object or an array";
                    break;
                case "result" or "error":
                    result = true;
                    break;
            }
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }
        if (problem is null && !method)
        {
            // A response to something the server never asked would make StreamJsonRpc disconnect.
            if (result && numericId is { } id && ledger?.Accept(id) == true) return null;
            problem = result ? "a response to a request the server did not send" : "neither a method nor a result";
        }
        return problem;
    }

    /// <summary>
    /// Reads params (the reader on its StartObject, left on its EndObject) exactly as <c>Skip</c> would, noting large
    /// strings at textDocument.text and contentChanges[i].text.
    /// </summary>
    private void FindTexts(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool textDocument = reader.ValueTextEquals("textDocument"u8);
            bool contentChanges = !textDocument && reader.ValueTextEquals("contentChanges"u8);
            reader.Read();
            if (textDocument && reader.TokenType == JsonTokenType.StartObject)
            {
                FindText(ref reader, inContentChanges: false);
            }
            else if (contentChanges && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject) FindText(ref reader, inContentChanges: true);
                    else reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void FindText(ref Utf8JsonReader reader, bool inContentChanges)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool text = reader.ValueTextEquals("text"u8);
            reader.Read();
            if (text && reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length >= StashThreshold)
            {
                int start = (int)reader.TokenStartIndex;
                _texts.Add(new TextValue(inContentChanges, start, (int)reader.BytesConsumed, start + 1, reader.ValueSpan.Length));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// The body to pass on: for didOpen and didChange, each large text decoded here and replaced by a placeholder
    /// that <see cref="Protocol.DocumentTextConverter"/> resolves; any other body unchanged.
    /// </summary>
    private byte[] WithStashedTexts(byte[] body)
    {
        bool didOpen = _method == Protocol.Methods.DidOpen;
        if (_texts.Count == 0 || !(didOpen || _method == Protocol.Methods.DidChange)) return body;
        LargeTextStash.Trim(this);
        var output = new MemoryStream();
        int copied = 0;
        foreach (var text in _texts)
        {
            if (text.InContentChanges == didOpen) continue; // didOpen reads textDocument.text, didChange contentChanges
            if (JsonStringDecoder.Decode(body, text.ValueStart, text.ValueLength) is not { } decoded) continue;
            output.Write(body, copied, text.TokenStart - copied);
            long id = LargeTextStash.Put(this, decoded);
            output.Write(Encoding.ASCII.GetBytes($"{{\"{Protocol.DocumentTextConverter.PlaceholderProperty}\":{id}}}"));
            copied = text.TokenEnd;
        }
        if (copied == 0) return body;
        output.Write(body, copied, body.Length - copied);
        return output.ToArray();
    }

    // Large bodies arrive in pooled chunks and are joined once complete: a lying Content-Length reserves nothing up
    // front, and a real 20 MB one costs one copy instead of a doubling array's five.
    private const int ChunkSize = 64 * 1024;

    /// <summary>The next <paramref name="length"/> bytes of input; null when the input ends first.</summary>
    private async Task<byte[]?> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var chunks = new List<byte[]>();
        try
        {
            int copied = 0;
            while (copied < length)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return null;
                int inChunk = copied % ChunkSize;
                if (inChunk == 0) chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                int n = Math.Min(Math.Min(length - copied, _end - _start), ChunkSize - inChunk);
                Buffer.BlockCopy(_buffer, _start, chunks[^1], inChunk, n);
                _start += n;
                copied += n;
            }
            var body = GC.AllocateUninitializedArray<byte>(length);
            for (int i = 0; i < chunks.Count; i++)
                Buffer.BlockCopy(chunks[i], 0, body, i * ChunkSize, Math.Min(ChunkSize, length - i * ChunkSize));
            return body;
        }
        finally
        {
            foreach (var chunk in chunks) ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    [GeneratedRegex("\"id\"\\s*:\\s*(-?[0-9]{1,9}(?![0-9.eE])|\"(?:[^\"\\\\]|\\\\.){0,200}\")")]
    private static partial Regex IdPattern();

    /// <summary>The request id in a broken body, when it is plainly there, so the answer reaches the right request.</summary>
    private static string? RecoverId(byte[] body)
    {
        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096));
        var match = IdPattern().Match(text);
        return match.Success && IsReadableId(match.Groups[1].Value) ? match.Groups[1].Value : null;
    }

    /// <summary>An id put back into an answer must decode, or the answer itself would close the connection ("\ud800").</summary>
    private static bool IsReadableId(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            if (reader.TokenType == JsonTokenType.String) reader.GetString();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static byte[] Synthetic(string? id, string reason, int code = Protocol.ErrorCodes.ParseError)
    {
        string json = "{\"jsonrpc\":\"2.0\"," + (id is null ? "" : $"\"id\":{id},") +
                      $"\"method\":\"{InvalidMessageMethod}\",\"params\":{{\"code\":{code},\"request\":{(id is null ? "false" : "true")}," +
                      $"\"reason\":{JsonSerializer.Serialize(reason, Protocol.LspJsonContext.Default.String)}}}}}";
        byte[] body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    private static string Excerpt(string text) => text.Length > 80 ? text[..80] + "..." : text;

    private int IndexOfHeaderStart()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        for (int i = 0; i + 8 <= span.Length; i++)
        {
            if ((span[i] | 0x20) == 'c' && Ascii.EqualsIgnoreCase(span.Slice(i, 8), "content-"u8)) return _start + i;
        }
        return -1;
    }

    private int IndexOf(ReadOnlySpan<byte> value)
    {
        int i = _buffer.AsSpan(_start, _end - _start).IndexOf(value);
        return i < 0 ? -1 : _start + i;
    }

    private int CountNonBlank(int from, int to)
    {
        int count = 0;
        for (int i = from; i < to; i++) if (_buffer[i] is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')) count++;
        return count;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) return false; // a header this long was already rejected
        int read = await inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0) { _eof = true; return false; }
        _end += read;
        return true;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

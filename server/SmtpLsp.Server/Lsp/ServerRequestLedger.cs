namespace SmtpLsp.Server.Lsp;

/// <summary>
/// Which responses the client may send: one per request the server sent it and has not yet seen answered.
/// StreamJsonRpc drops the connection on a response it did not ask for, so the frame sanitizer lets a response
/// through only while the server waits for one, and never the same id twice. (The ids themselves are chosen inside
/// StreamJsonRpc, so the ledger counts requests rather than matching ids.)
/// </summary>
public sealed class ServerRequestLedger
{
    private readonly Lock _lock = new();
    private readonly HashSet<long> _answered = [];
    private int _outstanding;

    /// <summary>Call just before sending a request to the client.</summary>
    public void Issue()
    {
        lock (_lock) _outstanding++;
    }

    /// <summary>True, once per id, for a response while the server waits for one.</summary>
    public bool Accept(long id)
    {
        lock (_lock)
        {
            if (_outstanding == 0 || !_answered.Add(id)) return false;
            _outstanding--;
            return true;
        }
    }
}

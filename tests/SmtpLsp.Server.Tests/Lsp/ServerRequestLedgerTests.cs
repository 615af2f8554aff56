using SmtpLsp.Server.Lsp;

namespace SmtpLsp.Server.Tests.Lsp;

public sealed class ServerRequestLedgerTests
{
    [Fact]
    public void Accept_OneResponsePerIssuedRequest_NeverTheSameIdTwice()
    {
        var ledger = new ServerRequestLedger();
        Assert.False(ledger.Accept(1));
        ledger.Issue();
        ledger.Issue();
        Assert.True(ledger.Accept(2));
        Assert.False(ledger.Accept(2));
        Assert.True(ledger.Accept(3));
        Assert.False(ledger.Accept(4));
    }
}

using SmtpLsp.Metabase.Analysis;
using SmtpLsp.Metabase.Incremental;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Tests.Incremental;

/// <summary>KeySlot packs its two diagnostic arrays into one reference and ParsesAlone into the length's sign bit.</summary>
public class KeySlotTests
{
    private static MetabaseDiagnostic[] Some(int at) =>
        [new MetabaseDiagnostic(DiagnosticCodes.MissingLocation, DiagnosticSeverity.Error, new TextSpan(at, 1), "m")];

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    public void KeySlot_AnyMixOfDiagnostics_ReadsBackWhatWasGiven(bool withLocal, bool withExchange, bool clean)
    {
        var local = withLocal ? Some(1) : [];
        var exchange = withExchange ? Some(2) : [];
        var slot = new KeySlot(100, int.MaxValue - 100, local, exchange, clean);

        Assert.Equal(100, slot.Start);
        Assert.Equal(int.MaxValue - 100, slot.Length);
        Assert.Equal(clean, slot.ParsesAlone);
        Assert.Equal(local, slot.LocalDiagnostics);
        Assert.Equal(exchange, slot.ExchangeDiagnostics);
        if (withLocal) Assert.Same(local, slot.LocalDiagnostics);
    }

    [Fact]
    public void KeySlot_WithExchangeHintsAndStart_KeepsLocalAndFlags()
    {
        var local = Some(1);
        var exchange = Some(3);
        var slot = new KeySlot(10, 20, local, [], ParsesAlone: true) with { Start = 40, ExchangeDiagnostics = exchange };

        Assert.Equal(40, slot.Start);
        Assert.Equal(60, slot.End);
        Assert.True(slot.ParsesAlone);
        Assert.Same(local, slot.LocalDiagnostics);
        Assert.Same(exchange, slot.ExchangeDiagnostics);
        Assert.Empty((slot with { ExchangeDiagnostics = [] }).ExchangeDiagnostics);
    }
}

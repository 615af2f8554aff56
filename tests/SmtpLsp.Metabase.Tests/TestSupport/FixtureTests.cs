namespace SmtpLsp.Metabase.Tests.TestSupport;

public class FixtureTests
{
    [Fact]
    public void Parse_OneMarker_ReturnsTextWithoutMarkerAndOffset()
    {
        var (text, offset) = Fixture.Parse("AuthFlags=\"Auth|\"");
        Assert.Equal("AuthFlags=\"Auth\"", text);
        Assert.Equal(15, offset);
    }

    [Fact]
    public void Parse_NoMarker_Throws()
    {
        Assert.Throws<ArgumentException>(() => Fixture.Parse("no marker"));
    }

    [Fact]
    public void ParseSpan_Brackets_ReturnsRange()
    {
        var (text, start, length) = Fixture.ParseSpan("a[bc]d");
        Assert.Equal("abcd", text);
        Assert.Equal((1, 2), (start, length));
    }

    [Fact]
    public void ReadSample_MetaBase_KeepsBomChar()
    {
        Assert.Equal('\uFEFF', Fixture.ReadSample("MetaBase.xml")[0]);
    }
}

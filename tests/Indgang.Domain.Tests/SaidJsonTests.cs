using System.Text.Json;

namespace Indgang.Domain.Tests;

/// <summary>A message kept as JSON (a stored placement run) reads back with its arguments as what they were, so it can be said again.</summary>
public sealed class SaidJsonTests
{
    [Fact]
    public void RoundTrip_KeepsNumbersAsNumbers_SoTheyAreFormattedAgain()
    {
        var said = new Said("{0:N0} m til {1}, {2:N2} kr.", 1500, "skole", 12.5m);

        var read = JsonSerializer.Deserialize<Said>(JsonSerializer.Serialize(said))!;

        Assert.Equal("{0:N0} m til {1}, {2:N2} kr.", read.Text);
        Assert.Equal("1.500 m til skole, 12,50 kr.", read.ToString());
        Assert.Equal([1500L, "skole", 12.5m], read.Arguments);
    }

    [Fact]
    public void RoundTrip_AClauseOfItsOwn_StaysAMessage()
    {
        var said = new Said("Ingen: {0}.", new Said("{0} ({1:N0} boliger)", new Said("for få senge"), 1200));

        var read = JsonSerializer.Deserialize<Said>(JsonSerializer.Serialize(said))!;

        var clause = Assert.IsType<Said>(Assert.Single(read.Arguments));
        Assert.IsType<Said>(clause.Arguments[0]);
        Assert.Equal("Ingen: for få senge (1.200 boliger).", read.ToString());
    }

    [Fact]
    public void PlainString_ReadsAsAMessageWithoutArguments()
    {
        var read = JsonSerializer.Deserialize<Said>("\"Har ventet 3 dage\"")!;

        Assert.Equal("Har ventet 3 dage", read.Text);
        Assert.Empty(read.Arguments);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"arguments\": [1]}")]
    [InlineData("{\"text\": \"{0}\", \"arguments\": [[1]]}")]
    public void NotAMessage_Refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Said>(json));
}

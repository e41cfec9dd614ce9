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
    public void RoundTrip_KeepsADayAsADay_SoItIsWrittenInTheReadersLanguage()
    {
        var said = new Said("Svarfrist {0:d. MMMM yyyy}: {1}", new DateOnly(2026, 12, 7), new Said("{0:yyyy-MM-dd} – {1}", new DateOnly(2027, 1, 2), "x"));

        var json = JsonSerializer.Serialize(said);
        var read = JsonSerializer.Deserialize<Said>(json)!;

        Assert.Contains("{\"date\":\"2026-12-07\"}", json, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 7), read.Arguments[0]);
        Assert.Equal(new DateOnly(2027, 1, 2), Assert.IsType<Said>(read.Arguments[1]).Arguments[0]);
        Assert.Equal("Svarfrist 7. december 2026: 2027-01-02 – x", read.ToString());
        Assert.Equal("7 December 2026", string.Format(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), "{0:d MMMM yyyy}", read.Arguments[0]));
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
    [InlineData("{\"date\": \"2026-12-07\"}")]
    [InlineData("{\"text\": \"{0}\", \"arguments\": [{\"date\": \"7/12/2026\"}]}")]
    public void NotAMessage_Refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Said>(json));
}

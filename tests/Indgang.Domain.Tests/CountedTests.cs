using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests;

public sealed class CountedTests
{
    [Theory]
    [InlineData(1, "{0} ledig seng")]
    [InlineData(-1, "{0} ledig seng")]
    [InlineData(0, "{0} ledige senge")]
    [InlineData(2, "{0} ledige senge")]
    [InlineData(1200, "{0} ledige senge")]
    public void Form_TakesTheSingularForExactlyOne(int count, string expected) =>
        Assert.Equal(expected, Counted.Form(count, "{0} ledig seng", "{0} ledige senge"));

    [Theory]
    [InlineData(1, 2, "Der er kun 1 ledig seng; husstanden er 2 personer.")]
    [InlineData(2, 3, "Der er kun 2 ledige senge; husstanden er 3 personer.")]
    [InlineData(0, 1, "Der er ingen ledige senge i boligen.")]
    public void RefusalFor_TooFewBeds_NamesTheBedsInTheRightNumber(int beds, int householdSize, string expected)
    {
        var unit = new HousingUnit(Guid.NewGuid(), "Lejlighed 1", rooms: 1, beds: beds, monthlyRent: 3000m);
        Assert.Equal(expected, unit.RefusalFor(householdSize, isSingleAdult: householdSize == 1, unit.AvailableFrom)?.ToString());
    }
}

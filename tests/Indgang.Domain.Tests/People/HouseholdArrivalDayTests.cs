using System.Globalization;
using Indgang.Domain.People;

namespace Indgang.Domain.Tests.People;

/// <summary>The day a household arrives: the day it came once it has come, else the day it is expected.</summary>
public class HouseholdArrivalDayTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2026-12-10", null, "2026-12-10")]
    [InlineData("2026-12-10", "2026-12-03", "2026-12-03")]
    [InlineData(null, "2026-12-03", "2026-12-03")]
    public void ArrivalDay_TheDayItCame_ElseTheDayItIsExpected(string? expected, string? arrivedOn, string? arrivalDay)
    {
        var household = new Household("Familien Tekle", "koordinator");

        household.SetArrival(Day(expected), Day(arrivedOn));

        Assert.Equal(Day(arrivalDay), household.ArrivalDay);
    }

    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

public sealed class TypicalStayTests
{
    [Theory]
    // ended stays, stays still going on (days so far), typical stay (-1: not known yet)
    [InlineData(new[] { 100, 200, 300 }, new int[0], 200)]
    [InlineData(new[] { 100, 200 }, new int[0], 100)]
    [InlineData(new[] { 300, 100, 200, 400 }, new int[0], 200)]
    // One stay ended after 100 days while two have lasted 400 and go on: a median of the ended ones alone would say
    // 100 days; nobody knows yet.
    [InlineData(new[] { 100 }, new[] { 400, 400 }, -1)]
    // A stay going on after 250 days is at risk on days 100 and 200: S = 3/4, then 3/4 · 2/3 = 1/2.
    [InlineData(new[] { 100, 200, 300 }, new[] { 250 }, 200)]
    // Going on after 50 days: not at risk on day 100, so S = 2/3 there and 1/3 on day 200.
    [InlineData(new[] { 100, 200, 300 }, new[] { 50 }, 200)]
    [InlineData(new int[0], new[] { 30, 60 }, -1)]
    [InlineData(new int[0], new int[0], -1)]
    public void MedianDays_FromEndedAndOngoingStays(int[] ended, int[] ongoing, int expected)
    {
        var typical = TypicalStay.From(Stays(ended, ongoing));

        Assert.Equal(expected < 0 ? null : expected, typical.MedianDays);
    }

    [Theory]
    // ended stays, the stay asked about (going on, days so far), the total length it is expected to reach (-1: unknown)
    [InlineData(new[] { 100, 200, 300, 400 }, 0, 200)]
    // Of the stays that lasted 150 days (200, 300, 400 and this one), half have ended by day 300.
    [InlineData(new[] { 100, 200, 300, 400 }, 150, 300)]
    [InlineData(new[] { 100, 200, 300, 400 }, 350, 400)]
    // Longer than any stay that has ended: nothing known, no end expected (the old rule freed its beds at once).
    [InlineData(new[] { 100, 200, 300, 400 }, 400, -1)]
    [InlineData(new[] { 100, 200, 300, 400 }, 500, -1)]
    [InlineData(new[] { 90, 90, 90 }, 10, 90)]
    public void ExpectedLengthGiven_DaysSoFar_IsTheMedianOfTheStaysThatLastedAsLong(int[] ended, int daysSoFar, int expected)
    {
        // The stay asked about is one of the stays going on, as in the forecast.
        var typical = TypicalStay.From(Stays(ended, [daysSoFar]));

        Assert.Equal(expected < 0 ? null : expected, typical.ExpectedLengthGiven(daysSoFar));
    }

    [Fact]
    public void ExpectedLengthGiven_IsAlwaysAfterTheDaysSoFar()
    {
        var ended = new[] { 12, 40, 40, 75, 130, 131, 200, 365, 410 };
        var ongoing = new[] { 5, 60, 180, 300 };
        var typical = TypicalStay.From(Stays(ended, ongoing));

        for (var daysSoFar = 0; daysSoFar <= 420; daysSoFar++)
        {
            if (typical.ExpectedLengthGiven(daysSoFar) is { } length)
            {
                Assert.True(length > daysSoFar, $"after {daysSoFar} days: {length}");
            }
        }
    }

    [Fact]
    public void From_NegativeDays_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => TypicalStay.From([new StayLength(-1, Ended: true)]));
    }

    private static IEnumerable<StayLength> Stays(int[] ended, int[] ongoing) =>
        ended.Select(d => new StayLength(d, Ended: true)).Concat(ongoing.Select(d => new StayLength(d, Ended: false)));
}

using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

public sealed class MostBedsAtOnceTests
{
    private static readonly DateOnly Day = new(2027, 3, 1);

    [Theory]
    // stays as "beds,from,until" (days from Day; until empty = still there), and the most beds at once from Day on
    [InlineData(new[] { "1,-10," }, 1)]
    [InlineData(new[] { "1,-10,30", "1,-5," }, 2)]           // one leaving in 30 days keeps a bed until then
    [InlineData(new[] { "1,-10,30", "1,30," }, 1)]           // the next moves in the day the first leaves
    [InlineData(new[] { "1,-10,30", "1,20," }, 2)]           // … or before: both at once from day 20
    [InlineData(new[] { "2,5,15", "1,40," }, 2)]             // later stays that never overlap: the larger
    [InlineData(new[] { "1,-10,0" }, 0)]                     // moved out on the day: no bed from it on
    [InlineData(new string[0], 0)]
    public void MostBedsAtOnce_FromTheDayOn(string[] stays, int expected)
    {
        var occupancies = stays.Select(Stay).ToList();

        Assert.Equal(expected, Occupancy.MostBedsAtOnce(occupancies, Day));
    }

    private static Occupancy Stay(string text)
    {
        var parts = text.Split(',');
        var stay = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            Day.AddDays(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)), isTemporary: true);
        if (parts[2].Length > 0)
        {
            stay.MoveOut(Day.AddDays(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return stay;
    }
}

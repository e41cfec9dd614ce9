using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>
/// The day a household's stays in temporary housing reach a length in all (the forecast's expected move-out after the
/// typical stay): counted from its first move-in, as the household page counts its days, not from a move between units.
/// </summary>
public sealed class DayStaysReachTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    // first stay: moved in, moved out (days from today; null: none); second stay: moved in (null: none); length in all;
    // the day expected (from today); the household page's days in temporary housing on that day
    // One stay, going on: the length after its move-in.
    [InlineData(-50, null, null, 100, 50, 100)]
    // Moved to a second unit 10 days ago, straight from the first: from the first move-in.
    [InlineData(-50, -10, -10, 100, 50, 100)]
    // A move to a second unit agreed for 20 days ahead: still from the first move-in, not from the move (then day 70).
    [InlineData(-50, 20, 20, 100, 50, 100)]
    // The same move, for 60 days ahead, after the length is reached: not before the household moves in there.
    [InlineData(-50, 60, 60, 100, 60, 110)]
    // Away from temporary housing for 30 days between the stays: those days are not counted, as on the household page.
    [InlineData(-90, -60, -30, 100, 40, 100)]
    public void DayStaysReach_CountsFromTheFirstMoveIn_NotFromAMoveBetweenUnits(int firstIn, int? firstOut, int? secondIn, int length, int expected, int daysShown)
    {
        var household = Guid.NewGuid();
        var first = new Occupancy(Guid.NewGuid(), household, 1, Today.AddDays(firstIn), isTemporary: true);
        if (firstOut is { } movedOut)
        {
            first.MoveOut(Today.AddDays(movedOut), MoveOutDestination.OtherMunicipalUnit);
        }

        List<Occupancy> stays = [first];
        if (secondIn is { } movedIn)
        {
            stays.Add(new Occupancy(Guid.NewGuid(), household, 1, Today.AddDays(movedIn), isTemporary: true));
        }

        var day = Occupancy.DayStaysReach(stays, stays[^1], length);

        Assert.Equal(Today.AddDays(expected), day);
        // One rule with the household page: on that day it shows the length as the household's days in temporary housing.
        Assert.Equal(daysShown, Occupancy.DaysByHousehold(stays, day)[household]);
    }
}

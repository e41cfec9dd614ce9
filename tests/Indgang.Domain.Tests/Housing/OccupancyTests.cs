using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

public sealed class OccupancyTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    // moved in (days from today), moved out (days from today, null: still lives there), days lived here by today
    [InlineData(-10, null, 10)]
    [InlineData(-30, -5, 25)]
    [InlineData(-10, 0, 10)]
    // an accepted move out two months ahead: only the days lived so far
    [InlineData(-10, 60, 10)]
    // a move-in still ahead (a household announced, housed on its arrival)
    [InlineData(14, null, 0)]
    [InlineData(0, null, 0)]
    public void DaysUntil_CountsOnlyTheDaysLivedHereByTheDay(int movedIn, int? movedOut, int expected)
    {
        var occupancy = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), 3, Today.AddDays(movedIn), isTemporary: true);
        if (movedOut is { } days)
        {
            occupancy.MoveOut(Today.AddDays(days));
        }

        Assert.Equal(expected, occupancy.DaysUntil(Today));
    }

    [Theory]
    // moved out (days from today, null: still lives there), whether it is the household's home today
    [InlineData(null, true)]
    [InlineData(30, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    public void IsHomeOn_UntilTheMoveOutDay(int? movedOut, bool home)
    {
        var occupancy = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), 2, Today.AddDays(-40), isTemporary: true);
        if (movedOut is { } days)
        {
            occupancy.MoveOut(Today.AddDays(days));
        }

        Assert.Equal(home, occupancy.IsHomeOn(Today));
    }

    [Theory]
    // where the household moves, whether that ends its wait for one of our units
    [InlineData(MoveOutDestination.OtherMunicipalUnit, false)]
    [InlineData(MoveOutDestination.OwnHome, true)]
    [InlineData(MoveOutDestination.LeftMunicipality, true)]
    [InlineData(null, false)]
    public void EndsTheWait_OnlyForAHomeOfItsOwnOrAnotherMunicipality(MoveOutDestination? to, bool ends)
    {
        var occupancy = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), 2, Today.AddDays(-40), isTemporary: true);

        occupancy.MoveOut(Today, to);

        Assert.Equal((to, ends), (occupancy.Destination, occupancy.EndsTheWait));
    }

    [Fact]
    public void AgreedMoveOnAnotherDay_KeepsWhereTo_CalledOff_ForgetsIt()
    {
        var occupancy = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), 2, Today.AddDays(-40), isTemporary: true);
        occupancy.MoveOut(Today.AddDays(30), MoveOutDestination.OwnHome);

        occupancy.MoveOut(Today.AddDays(45));
        Assert.Equal((Today.AddDays(45), MoveOutDestination.OwnHome), (occupancy.MovedOutOn, occupancy.Destination));

        occupancy.StayOn();
        Assert.Equal(((DateOnly?)null, (MoveOutDestination?)null, false), (occupancy.MovedOutOn, occupancy.Destination, occupancy.EndsTheWait));
    }
}

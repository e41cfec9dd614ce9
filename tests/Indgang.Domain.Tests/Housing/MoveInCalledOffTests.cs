using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>A move-in still ahead called off: the unit's beds are free again, and its free day is what it was.</summary>
public sealed class MoveInCalledOffTests
{
    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 1)]
    public void MoveInCalledOff_FreesTheBedsAndTheUnit_KeepsItsFreeDay(bool sharedRoom, int householdSize)
    {
        var freeFrom = new DateOnly(2026, 12, 1);
        var unit = new HousingUnit(Guid.NewGuid(), "Pavillon A", rooms: 2, beds: 4, monthlyRent: 3000m) { AvailableFrom = freeFrom, IsSharedRoom = sharedRoom };
        var version = unit.Version;
        unit.MoveIn(householdSize);

        unit.MoveInCalledOff(householdSize);

        Assert.Equal((0, 0, 4), (unit.OccupiedBeds, unit.OccupyingHouseholds, unit.FreeBeds));
        Assert.Equal(freeFrom, unit.AvailableFrom);
        // Another household can move in from the same day: a whole unit is no longer taken, a shared room has its beds.
        Assert.Null(sharedRoom ? unit.RefusalFor(4, isSingleAdult: true, freeFrom) : unit.RefusalFor(4, isSingleAdult: false, freeFrom));
        Assert.NotEqual(version, unit.Version);
    }
}

using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

/// <summary>The one status the stock list shows for a unit: the first of vulnerable area, blocked, occupied, free later, free now.</summary>
public sealed class StockStatusTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void StockStatusOn_FreeUnit_IsAvailableNowOrLaterByItsFreeDay()
    {
        Assert.Equal(StockStatus.AvailableNow, Unit(availableFrom: Today).StockStatusOn(Today));
        Assert.Equal(StockStatus.AvailableNow, Unit(availableFrom: Today.AddDays(-3)).StockStatusOn(Today));
        Assert.Equal(StockStatus.AvailableLater, Unit(availableFrom: Today.AddDays(1)).StockStatusOn(Today));
    }

    [Fact]
    public void StockStatusOn_VulnerableArea_WinsOverBlockedAndOccupied()
    {
        var unit = Unit(availableFrom: Today);
        unit.InVulnerableArea = true;
        unit.Block("Skimmelsvamp");
        unit.MoveIn(4);

        Assert.Equal(StockStatus.VulnerableArea, unit.StockStatusOn(Today));
    }

    [Fact]
    public void StockStatusOn_Blocked_WinsOverOccupiedAndFreeLater()
    {
        var unit = Unit(availableFrom: Today.AddDays(10));
        unit.Block("Vandskade");
        unit.MoveIn(4);

        Assert.Equal(StockStatus.Blocked, unit.StockStatusOn(Today));
    }

    [Fact]
    public void StockStatusOn_WholeUnitWithOneHousehold_IsOccupiedThoughBedsAreFree()
    {
        var unit = Unit(availableFrom: Today);
        unit.MoveIn(2);

        Assert.Equal(2, unit.FreeBeds);
        Assert.Equal(StockStatus.Occupied, unit.StockStatusOn(Today));
    }

    [Fact]
    public void StockStatusOn_SharedRoom_IsOccupiedOnlyWhenEveryBedIsTaken()
    {
        var room = Unit(availableFrom: Today);
        room.IsSharedRoom = true;
        room.MoveIn(1);
        Assert.Equal(StockStatus.AvailableNow, room.StockStatusOn(Today));

        room.MoveIn(3);
        Assert.Equal(StockStatus.Occupied, room.StockStatusOn(Today));
    }

    [Fact]
    public void UsableBeds_CountsOnlyBedsAHouseholdCouldBeGivenToday()
    {
        var free = Unit(availableFrom: Today);
        var wholeWithTwo = Unit(availableFrom: Today);
        wholeWithTwo.MoveIn(2);
        var sharedWithOne = Unit(availableFrom: Today);
        sharedWithOne.IsSharedRoom = true;
        sharedWithOne.MoveIn(1);
        var opensLater = Unit(availableFrom: Today.AddDays(30));
        var blocked = Unit(availableFrom: Today);
        blocked.Block("Vandskade");
        var vulnerable = Unit(availableFrom: Today);
        vulnerable.InVulnerableArea = true;

        Assert.Equal(4, free.BedsToGiveOn(Today));
        Assert.Equal(0, wholeWithTwo.BedsToGiveOn(Today));
        Assert.Equal(3, sharedWithOne.BedsToGiveOn(Today));
        Assert.Equal(0, opensLater.BedsToGiveOn(Today));
        // 4 + 0 + 3 + 0 free of the usable units' 4 × 4 beds (blocked and § 12 not counted at all).
        Assert.Equal((7, 16), HousingUnit.UsableBeds([free, wholeWithTwo, sharedWithOne, opensLater, blocked, vulnerable], Today));
    }

    [Fact]
    public void BedsToGiveOn_ASharedRoomsResidentLeavingLater_KeepsTheBedUntilThen()
    {
        var room = Unit(availableFrom: Today);
        room.IsSharedRoom = true;
        room.MoveIn(1);
        room.MoveIn(1);
        // One of the two has agreed to move out next month: the counter frees the bed at once, the room's days do not.
        room.MoveOut(1, Today.AddDays(30));

        Assert.Equal(3, room.FreeBeds);
        Assert.Equal(2, room.BedsToGiveOn(Today, sharedBedsTaken: 2));
        Assert.Equal((2, 4), HousingUnit.UsableBeds([room], Today, new Dictionary<Guid, int> { [room.Id] = 2 }));
    }

    private static HousingUnit Unit(DateOnly availableFrom) =>
        new(Guid.NewGuid(), "Lejlighed 1", rooms: 2, beds: 4, monthlyRent: 4000) { AvailableFrom = availableFrom };
}

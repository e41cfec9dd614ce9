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

    private static HousingUnit Unit(DateOnly availableFrom) =>
        new(Guid.NewGuid(), "Lejlighed 1", rooms: 2, beds: 4, monthlyRent: 4000) { AvailableFrom = availableFrom };
}

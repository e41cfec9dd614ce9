namespace Indgang.Domain.Housing;

/// <summary>
/// What the housing stock list says about a unit on a day (its Status column), from <see cref="HousingUnit.StockStatusOn"/>.
/// Each unit has exactly one; the first that holds wins, in this order.
/// </summary>
public enum StockStatus
{
    /// <summary>In a designated vulnerable housing area: never used, whatever else holds.</summary>
    VulnerableArea = 1,

    /// <summary>Blocked by the housing coordinator, with a reason.</summary>
    Blocked = 2,

    /// <summary>No free bed, or a whole unit someone already lives in.</summary>
    Occupied = 3,

    /// <summary>
    /// What would be <see cref="Occupied"/>, but nobody lives there today: given to a household that moves in on a later day.
    /// </summary>
    Reserved = 6,

    /// <summary>Free for someone to move in from a day after today.</summary>
    AvailableLater = 4,

    /// <summary>Free for someone to move in today.</summary>
    AvailableNow = 5,
}

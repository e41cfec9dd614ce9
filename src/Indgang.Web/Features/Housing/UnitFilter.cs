using System.Linq.Expressions;
using Indgang.Domain.Housing;
using Indgang.Web.Data;

namespace Indgang.Web.Features.Housing;

/// <summary>The stock list's Type column in three words; a shared room is temporary too ("Midlertidig, delt værelse").</summary>
public enum UnitType
{
    Temporary = 1,
    Permanent = 2,
    SharedRoom = 3,
}

/// <summary>
/// Which units the stock list shows (HOUSE-1), read from the filter form by <see cref="UnitFilterInput"/>. Every part
/// runs in the database; a part left null does not narrow the list. <see cref="MinFreeBeds"/> asks for at least that many
/// beds to give now, as <see cref="HousingUnit.BedsToGiveOn"/> counts them: a whole unit someone lives in, one that opens
/// later and a blocked one have none, however many beds stand empty.
/// </summary>
public sealed record UnitFilter(Guid? TownId, UnitType? Type, StockStatus? Status, bool StepFreeOnly, int? MinFreeBeds, string? Search)
{
    public static UnitFilter None { get; } = new(null, null, null, false, null, null);

    /// <summary>
    /// The units the filter lets through. <paramref name="sharedRoomsWithBeds"/> are the shared rooms with at least
    /// <see cref="MinFreeBeds"/> beds to give today (<see cref="StockList.SharedRoomsWithBedsAsync"/>): the beds a room's
    /// residents take from today on cannot be asked in the database.
    /// </summary>
    public IQueryable<HousingUnit> Apply(IQueryable<HousingUnit> units, IQueryable<HousingSite> sites, IQueryable<Occupancy> occupancies, DateOnly today, IReadOnlyCollection<Guid> sharedRoomsWithBeds)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (TownId is { } town)
        {
            units = units.Where(u => sites.Any(s => s.Id == u.SiteId && s.TownId == town));
        }

        units = Type switch
        {
            UnitType.Temporary => units.Where(u => !u.IsPermanent),
            UnitType.Permanent => units.Where(u => u.IsPermanent),
            UnitType.SharedRoom => units.Where(u => u.IsSharedRoom),
            _ => units,
        };
        if (Status is { } status)
        {
            units = units.Where(Has(status, today));
            // Taken by the counts, but lived in today or reserved for a household moving in later (UnitReservations).
            if (status is StockStatus.Occupied or StockStatus.Reserved)
            {
                var reserved = UnitReservations.Reserved(occupancies, today);
                units = status == StockStatus.Reserved ? units.Where(reserved)
                    : units.Where(Expression.Lambda<Func<HousingUnit, bool>>(Expression.Not(reserved.Body), reserved.Parameters));
            }
        }

        if (StepFreeOnly)
        {
            units = units.Where(u => u.StepFree);
        }

        if (MinFreeBeds is { } beds and > 0)
        {
            units = units.Where(Has(StockStatus.AvailableNow, today))
                .Where(u => u.IsSharedRoom ? sharedRoomsWithBeds.Contains(u.Id) : u.Beds - u.OccupiedBeds >= beds);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = TextSearch.Fold(Search.Trim());
            units = units.Where(u => TextSearch.Fold(u.Label).Contains(term)
                || sites.Any(s => s.Id == u.SiteId && TextSearch.Fold(s.Name).Contains(term)));
        }

        return units;
    }

    /// <summary>
    /// <see cref="HousingUnit.StockStatusOn"/> as the database can ask it (FreeBeds and IsUsable are not columns): the
    /// units whose Status column shows <paramref name="status"/> on the day; <see cref="StockStatus.Occupied"/> and
    /// <see cref="StockStatus.Reserved"/> both, told apart by <see cref="UnitReservations.Reserved"/> in <see cref="Apply"/>.
    /// </summary>
    public static Expression<Func<HousingUnit, bool>> Has(StockStatus status, DateOnly today) => status switch
    {
        StockStatus.VulnerableArea => u => u.InVulnerableArea,
        StockStatus.Blocked => u => !u.InVulnerableArea && u.Status != UnitStatus.Available,
        StockStatus.Occupied or StockStatus.Reserved => u => !u.InVulnerableArea && u.Status == UnitStatus.Available
            && (u.Beds <= u.OccupiedBeds || (!u.IsSharedRoom && u.OccupyingHouseholds > 0)),
        StockStatus.AvailableLater => u => !u.InVulnerableArea && u.Status == UnitStatus.Available
            && u.Beds > u.OccupiedBeds && (u.IsSharedRoom || u.OccupyingHouseholds <= 0) && u.AvailableFrom > today,
        StockStatus.AvailableNow => u => !u.InVulnerableArea && u.Status == UnitStatus.Available
            && u.Beds > u.OccupiedBeds && (u.IsSharedRoom || u.OccupyingHouseholds <= 0) && u.AvailableFrom <= today,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

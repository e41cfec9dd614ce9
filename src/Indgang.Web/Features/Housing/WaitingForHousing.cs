using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Data;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The households that wait for a home: none of our units is theirs on the day (moved in, and not moved out by then;
/// a move-in still ahead counts as theirs), and they have not accepted a permanent home through the pipeline.
/// </summary>
public static class WaitingForHousing
{
    public static IQueryable<Household> On(IndgangDbContext db, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        var housed = db.Occupancies.HomeOn(day).Select(o => o.HouseholdId);
        var movingOn = db.HousingOffers.Where(o => o.Status == OfferStatus.Accepted).Select(o => o.HouseholdId);
        return db.Households.Where(h => !housed.Contains(h.Id) && !movingOn.Contains(h.Id));
    }
}

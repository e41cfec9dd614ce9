using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Data;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The households that wait for a home: the municipality is to house them (not family-reunified persons who live with the
/// person they joined, <see cref="Household.LivesWithReferencePerson"/>), none of our units is theirs on the day (moved in,
/// and not moved out by then; a move-in still ahead counts as theirs), they have not accepted a permanent home through the
/// pipeline, they have not had their first permanent home from us (one of our permanent units: the duty covers the first
/// permanent home only, <see cref="OccupancyQueries.GivenPermanentHome"/>), and they have not left our housing for good by
/// then (<see cref="Occupancy.EndsTheWait"/>: moved out to a home of their own or out of the municipality, and not moved
/// in again since).
/// </summary>
public static class WaitingForHousing
{
    public static IQueryable<Household> On(IndgangDbContext db, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        var housed = db.Occupancies.HomeOn(day).Select(o => o.HouseholdId);
        var movingOn = db.HousingOffers.Where(o => o.Status == OfferStatus.Accepted).Select(o => o.HouseholdId);
        var left = LeftForGood(db, day);
        var givenPermanentHome = db.Occupancies.GivenPermanentHome();
        return db.Households.Where(h => !h.LivesWithReferencePerson && !housed.Contains(h.Id) && !movingOn.Contains(h.Id) && !left.Contains(h.Id)
            && !givenPermanentHome.Contains(h.Id));
    }

    /// <summary>
    /// The households that have left our housing for good by the day (<see cref="Occupancy.EndsTheWait"/>): moved out to a
    /// home of their own or out of the municipality, and not moved into one of our units again since.
    /// </summary>
    public static IQueryable<Guid> LeftForGood(IndgangDbContext db, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Occupancies
            .Where(o => o.Destination != null && Occupancy.DestinationsEndingTheWait.Contains(o.Destination.Value) && o.MovedOutOn <= day)
            .Where(o => !db.Occupancies.Any(again => again.HouseholdId == o.HouseholdId && again.Id != o.Id && again.MovedInOn >= o.MovedOutOn))
            .Select(o => o.HouseholdId);
    }
}

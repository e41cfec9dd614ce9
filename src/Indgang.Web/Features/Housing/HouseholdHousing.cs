using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>One stay of the household in one of the municipality's units, and its days lived there up to today.</summary>
public sealed record HousingStay(Occupancy Occupancy, string UnitLabel, string SiteName, string TownName, int Days);

/// <summary>
/// A household's housing as its case shows it: every stay in order of moving in, the days in temporary housing, and the
/// way to a permanent home (registrations, offers) when the reader may see it (<see cref="IncludesPermanentHousing"/>;
/// otherwise they are not read and the lists are empty), and whether it waits for a home (<see cref="WaitingForHousing"/>).
/// </summary>
public sealed record HouseholdHousingView(
    Guid HouseholdId,
    DateOnly Today,
    IReadOnlyList<HousingStay> Stays,
    int DaysInTemporaryHousing,
    IReadOnlyList<HousingRegistration> Registrations,
    IReadOnlyList<HousingOffer> Offers,
    bool IncludesPermanentHousing = true,
    bool WaitsForHousing = false,
    bool LivesWithReferencePerson = false)
{
    /// <summary>The household's home today: the first stay not moved out of (a move-in ahead comes after it).</summary>
    public HousingStay? Home => Stays.FirstOrDefault(s => s.Occupancy.IsHomeOn(Today));

    /// <summary>
    /// The stay it left our housing for good from, when none of our units is its home: its last stay, moved out of by
    /// today to a home of its own or out of the municipality (<see cref="Occupancy.EndsTheWait"/>).
    /// </summary>
    public HousingStay? LeftFrom => Home is null && Stays.Count > 0 && Stays[^1] is { Occupancy: { EndsTheWait: true } last } stay && last.MovedOutOn <= Today ? stay : null;

    /// <summary>The permanent home through the pipeline it lives in by today (read only with the permanent housing).</summary>
    public HousingOffer? MovedToOffer => Offers.FirstOrDefault(o => o.Status == OfferStatus.Accepted && o.MoveDate <= Today);

    /// <summary>Its first permanent home from us, moved into by today: the municipality's duty to house it is fulfilled.</summary>
    public HousingStay? FirstPermanentHome => Stays.FirstOrDefault(s => !s.Occupancy.IsTemporary && s.Occupancy.MovedInOn <= Today);

    /// <summary>
    /// Whether it is on its way to a permanent home through us (as the pipeline page has it): to be housed by us (not
    /// living with the person its members joined), never in one of our permanent units, not gone for good, not moved to a
    /// home it accepted.
    /// </summary>
    public bool OnTheWayToPermanentHome => !LivesWithReferencePerson && !Stays.Any(s => !s.Occupancy.IsTemporary) && LeftFrom is null && MovedToOffer is null;

    public bool IsEmpty => Stays.Count == 0 && Registrations.Count == 0 && Offers.Count == 0;
}

/// <summary>
/// Loads one household's housing, and nothing of any other household's: the caller has read the household through
/// <see cref="People.PersonDirectory"/> (access checked, the read audited).
/// </summary>
public sealed class HouseholdHousing(IndgangDbContext db)
{
    /// <summary>
    /// The household's stays, and with <paramref name="permanentHousing"/> its registrations and offers (not read
    /// otherwise: a reader who may not see them does not get them).
    /// </summary>
    public async Task<HouseholdHousingView> ForAsync(Household household, DateOnly today, bool permanentHousing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(household);
        var householdId = household.Id;
        var rows = await (from o in db.Occupancies.AsNoTracking()
                          join u in db.HousingUnits on o.UnitId equals u.Id
                          join s in db.HousingSites on u.SiteId equals s.Id
                          join t in db.Towns on s.TownId equals t.Id
                          where o.HouseholdId == householdId
                          orderby o.MovedInOn, o.Id
                          select new { Stay = o, Unit = u.Label, Site = s.Name, Town = t.Name })
            .ToListAsync(cancellationToken);
        var stays = rows.Select(r => new HousingStay(r.Stay, r.Unit, r.Site, r.Town, r.Stay.DaysUntil(today))).ToList();
        var registrations = permanentHousing
            ? await db.HousingRegistrations.AsNoTracking().Where(r => r.HouseholdId == householdId).InRegisteredOrder().ToListAsync(cancellationToken)
            : [];
        var offers = permanentHousing
            ? await db.HousingOffers.AsNoTracking().Where(o => o.HouseholdId == householdId).NewestFirst().ToListAsync(cancellationToken)
            : [];
        var temporaryDays = Occupancy.DaysByHousehold(stays.Select(s => s.Occupancy).Where(o => o.IsTemporary), today);
        var waits = await WaitingForHousing.On(db, today).AnyAsync(h => h.Id == householdId, cancellationToken);
        return new HouseholdHousingView(householdId, today, stays, temporaryDays.GetValueOrDefault(householdId), registrations, offers, permanentHousing, waits, household.LivesWithReferencePerson);
    }
}

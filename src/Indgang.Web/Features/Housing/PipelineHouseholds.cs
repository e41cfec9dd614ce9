using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Data;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// A household the pipeline lists, before its housing is read: what the list is ordered and paged by;
/// <paramref name="MovedOn"/>: the day it moved to a permanent home through an offer, null while it is on its way.
/// </summary>
public sealed record PipelineHousehold(Guid Id, string Name, int Persons, int FamilyToJoin, DateOnly? MovedOn = null);

/// <summary>
/// Which households the pipeline (HOUSE-5) reads on a day, as queries the database answers: those it can show
/// (<see cref="Candidates"/>) and those it shows (<see cref="Shown"/>, sorted out by the database: for the API to count
/// and read a page at a time, and for the page to split into its two tables and page each).
/// </summary>
public static class PipelineHouseholds
{
    /// <summary>
    /// The households the page can show, with their housing: not one that has had one of our permanent units (now, ahead
    /// or before: the duty covers the first permanent home only), nor one to live with the person its members joined (no
    /// duty to house it), nor one gone for good — either of the last two only through a home it accepted through an offer.
    /// The former residents of the years in service are not read.
    /// </summary>
    public static IQueryable<Household> Candidates(IndgangDbContext db, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hadPermanent = db.Occupancies.GivenPermanentHome();
        var leftForGood = WaitingForHousing.LeftForGood(db, today);
        var acceptedOffer = db.HousingOffers.Where(o => o.Status == OfferStatus.Accepted).Select(o => o.HouseholdId);
        return db.Households.Where(h => !hadPermanent.Contains(h.Id) && ((!h.LivesWithReferencePerson && !leftForGood.Contains(h.Id)) || acceptedOffer.Contains(h.Id)));
    }

    /// <summary>
    /// The households the pipeline shows on the day, in its order: those underway (<see cref="PipelineRow.IsUnderway"/>)
    /// by name, then those moved to a permanent home through an offer (<see cref="PipelineRow.MovedTo"/>, with the day;
    /// in the last year, or <paramref name="all"/>) by name; each name's households by id, so that no household is on two
    /// pages; only those <paramref name="search"/> finds, and only those of <paramref name="only"/>, when given. The rows' rules, said again in a form the database runs.
    /// </summary>
    public static IQueryable<PipelineHousehold> Shown(
        IndgangDbContext db, DateOnly today, bool all, Dashboard.HouseholdSearch? search = null, IReadOnlyCollection<Guid>? only = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = (search ?? Dashboard.HouseholdSearch.None).Apply(Candidates(db, today), db.Persons);
        if (only is not null)
        {
            candidates = candidates.Where(h => only.Contains(h.Id));
        }

        var yearAgo = today.AddYears(-1);
        var leftForGood = WaitingForHousing.LeftForGood(db, today);
        var inTemporaryHome = db.Occupancies.HomeOn(today).Where(o => o.IsTemporary).Select(o => o.HouseholdId);
        // A household accepts one offer at most (PermanentHousingSteps.AcceptedAnother): its move day, once come.
        var moves = db.HousingOffers.Where(o => o.Status == OfferStatus.Accepted && o.MoveDate <= today);
        return candidates
            .Select(h => new
            {
                h.Id,
                h.Name,
                Persons = h.Members.Count,
                h.FamilyToJoin,
                Left = leftForGood.Contains(h.Id),
                MovedOn = inTemporaryHome.Contains(h.Id) ? null : moves.Where(o => o.HouseholdId == h.Id).Max(o => o.MoveDate),
            })
            .Where(h => h.MovedOn == null ? !h.Left : all || h.MovedOn > yearAgo)
            .OrderBy(h => h.MovedOn != null).ThenBy(h => h.Name).ThenBy(h => h.Id)
            .Select(h => new PipelineHousehold(h.Id, h.Name, h.Persons, h.FamilyToJoin, h.MovedOn));
    }
}

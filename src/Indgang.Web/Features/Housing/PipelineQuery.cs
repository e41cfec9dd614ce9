using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// One household on the pipeline page, one that has never had one of our permanent units (its first permanent home
/// from the municipality, which is all the duty covers: the page does not read those); <paramref name="LeftOurHousing"/>:
/// it has left our housing for good (<see cref="WaitingForHousing.LeftForGood"/>), so it is not on its way to a
/// permanent home through us; <paramref name="RegistrationHelpDue"/>: when Jobberiet's help to register, still to do, is
/// due (<see cref="RegistrationHelp"/>); <paramref name="FamilyToJoin"/>: family members to join it by family
/// reunification, for whom the permanent home is to have room too (seed 004).
/// </summary>
public sealed record PipelineRow(Guid HouseholdId, string Name, int Persons, Occupancy? Temporary, int DaysInTemporary,
    IReadOnlyList<HousingRegistration> Registrations, IReadOnlyList<HousingOffer> Offers, bool LeftOurHousing = false, DateOnly? RegistrationHelpDue = null,
    int FamilyToJoin = 0)
{
    /// <summary>On its way to a permanent home: not moved to one through an offer, not gone.</summary>
    public bool IsUnderway(DateOnly today) => MovedTo(today) is null && !LeftOurHousing;

    /// <summary>
    /// The accepted offer the household has moved to by <paramref name="today"/>, having left our temporary housing; null
    /// while it is still on the way (or has never lived with us and has accepted nothing).
    /// </summary>
    public HousingOffer? MovedTo(DateOnly today) =>
        Temporary is null ? Offers.FirstOrDefault(o => o.Status == OfferStatus.Accepted && o.MoveDate <= today) : null;
}

/// <summary>
/// The pipeline as read on a day: the households on their way to a permanent home, those moved to one through an offer
/// (within the last year, or all), and how many moved before that and are left out.
/// </summary>
public sealed record PipelineRead(IReadOnlyList<PipelineRow> Underway, IReadOnlyList<PipelineRow> MovedOn, int EarlierMoves);

/// <summary>
/// Reads the way to permanent housing (HOUSE-5) for the pipeline page and the API alike: each household's temporary home,
/// registrations and offers, and the households whose housing is shown audited as read. The page reads the pipeline
/// whole (<see cref="ReadAsync"/>); the API a page of it at a time (<see cref="PipelineHouseholds.Shown"/>, then
/// <see cref="ReadHousingAsync"/>).
/// </summary>
public sealed class PipelineQuery(IndgangDbContext db, AuditLog audit)
{
    /// <summary>The pipeline on <paramref name="today"/>; <paramref name="all"/>: every move to a permanent home, not only the last year's.</summary>
    public async Task<PipelineRead> ReadAsync(DateOnly today, bool all, string purpose, CancellationToken cancellationToken = default)
    {
        // Only the households the page can show are read, with their housing (PipelineHouseholds.Candidates).
        var households = await PipelineHouseholds.Candidates(db, today).AsNoTracking()
            .OrderBy(h => h.Name).ThenBy(h => h.Id)
            .Select(h => new PipelineHousehold(h.Id, h.Name, h.Members.Count, h.FamilyToJoin)).ToListAsync(cancellationToken);
        var rows = await RowsAsync(households, today, cancellationToken);
        var underway = rows.Where(r => r.IsUnderway(today)).ToList();
        var movedOn = rows.Where(r => r.MovedTo(today) is not null).ToList();
        var yearAgo = today.AddYears(-1);
        var shownMoves = all ? movedOn : movedOn.Where(r => r.MovedTo(today)!.MoveDate > yearAgo).ToList();
        await AuditAsync(underway.Concat(shownMoves), purpose, cancellationToken);
        return new PipelineRead(underway, shownMoves, movedOn.Count - shownMoves.Count);
    }

    /// <summary>The housing of the households given (a page of <see cref="PipelineHouseholds.Shown"/>), in their order; audited as <see cref="ReadAsync"/> audits it.</summary>
    public async Task<List<PipelineRow>> ReadHousingAsync(IReadOnlyList<PipelineHousehold> households, DateOnly today, string purpose, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(households, today, cancellationToken);
        await AuditAsync(rows, purpose, cancellationToken);
        return rows;
    }

    private async Task<List<PipelineRow>> RowsAsync(IReadOnlyList<PipelineHousehold> households, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = households.Select(h => h.Id).ToList();
        var occupancies = await db.Occupancies.AsNoTracking().Where(o => ids.Contains(o.HouseholdId) && o.IsTemporary).ToListAsync(cancellationToken);
        var days = Occupancy.DaysByHousehold(occupancies, today);
        // Each household's temporary home, registrations and offers, looked up: the page reads them all once.
        var temporaryHomes = occupancies.Where(o => o.IsHomeOn(today)).ToLookup(o => o.HouseholdId);
        var left = (await WaitingForHousing.LeftForGood(db, today).Where(h => ids.Contains(h)).ToListAsync(cancellationToken)).ToHashSet();
        var registrations = (await db.HousingRegistrations.AsNoTracking().Where(r => ids.Contains(r.HouseholdId)).InRegisteredOrder().ToListAsync(cancellationToken)).ToLookup(r => r.HouseholdId);
        var offers = (await db.HousingOffers.AsNoTracking().Where(o => ids.Contains(o.HouseholdId)).NewestFirst().ToListAsync(cancellationToken)).ToLookup(o => o.HouseholdId);
        var help = await db.Tasks.AsNoTracking().StillOpen().Where(t => ids.Contains(t.HouseholdId) && MoveTasks.IntoTemporaryHome.Contains(t.Type))
            .GroupBy(t => t.HouseholdId).Select(g => new { HouseholdId = g.Key, Due = g.Min(t => t.DueDate) }).ToDictionaryAsync(h => h.HouseholdId, h => h.Due, cancellationToken);
        return households.Select(h => new PipelineRow(
            h.Id, h.Name, h.Persons,
            temporaryHomes[h.Id].FirstOrDefault(),
            days.GetValueOrDefault(h.Id),
            [.. registrations[h.Id]],
            [.. offers[h.Id]],
            LeftOurHousing: left.Contains(h.Id),
            RegistrationHelpDue: help.TryGetValue(h.Id, out var due) ? due : null,
            FamilyToJoin: h.FamilyToJoin)).ToList();
    }

    /// <summary>
    /// Each household whose housing is shown (a temporary home, registrations, offers) is read: audited. Those shown by
    /// name only, for choosing, are not (as in the other lists).
    /// </summary>
    private Task AuditAsync(IEnumerable<PipelineRow> shown, string purpose, CancellationToken cancellationToken) =>
        audit.RecordEachAsync(AuditAction.HouseholdRead,
            shown.Where(r => r.Temporary is not null || r.Registrations.Count > 0 || r.Offers.Count > 0).Select(r => ((Guid?)null, (string?)AuditLog.Household(r.HouseholdId))),
            purpose, cancellationToken);
}

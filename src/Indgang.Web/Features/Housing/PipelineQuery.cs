using System.Globalization;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform.Paging;
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

/// <summary>A page of one of the pipeline's tables: its rows, with their housing, and which page of how many rows it is.</summary>
public sealed record PipelinePage(IReadOnlyList<PipelineRow> Rows, Pagination Pages);

/// <summary>
/// The pipeline as the page shows it on a day: a page of the households on their way to a permanent home, a page of those
/// moved to one through an offer (within the last year, or all), how many moved before that and are left out, and the
/// households chosen for the forms that are on their way (<see cref="Chosen"/>, wherever their rows are).
/// </summary>
public sealed record PipelinePages(PipelinePage Underway, PipelinePage MovedOn, int EarlierMoves, IReadOnlyList<PipelineHousehold> Chosen);

/// <summary>
/// Reads the way to permanent housing (HOUSE-5) for the pipeline page and the API alike: each household's temporary home,
/// registrations and offers, and the households whose housing is shown audited as read. Both list the households the
/// database sorts out (<see cref="PipelineHouseholds.Shown"/>) and read the housing of a page of them only: the page a
/// page of each table (<see cref="ReadAsync"/>), the API a page of the whole (<see cref="ReadHousingAsync"/>).
/// </summary>
public sealed class PipelineQuery(IndgangDbContext db, AuditLog audit)
{
    /// <summary>The rows of a page of either table: the table stays a page to read, and the page small, with a thousand households.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// The pipeline on <paramref name="today"/>, as the page's address asks for it (<paramref name="asked"/>): the moves of
    /// every year or the last year's; the households its search finds (all without one); each table by name, or with the
    /// longest in temporary housing first; and the page of each asked for, or the nearest that exists. Only the rows of the pages shown are read with their housing and audited,
    /// and the households of <paramref name="chosen"/> that are on their way, named by the forms a step is taken in.
    /// </summary>
    public async Task<PipelinePages> ReadAsync(
        DateOnly today, PipelineAddress asked, AuditPurpose purpose, IReadOnlyCollection<Guid> chosen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(asked);
        // By name and id (the database's order), the moves of every year, to count those left out.
        var listed = await PipelineHouseholds.Shown(db, today, all: true, Dashboard.HouseholdSearch.Read(asked.Search, null)).ToListAsync(cancellationToken);
        var underway = listed.Where(h => h.MovedOn is null).ToList();
        var yearAgo = today.AddYears(-1);
        var moves = listed.Where(h => h.MovedOn is not null).ToList();
        var shownMoves = asked.All ? moves : moves.Where(h => h.MovedOn > yearAgo).ToList();
        // Wherever its row is, also one the search leaves out (then read on its own).
        var chosenOnTheWay = underway.Where(h => chosen.Contains(h.Id)).ToList();
        if (chosenOnTheWay.Count < chosen.Distinct().Count() && asked.Search is not null)
        {
            chosenOnTheWay = [.. (await PipelineHouseholds.Shown(db, today, all: false, only: chosen).ToListAsync(cancellationToken)).Where(h => h.MovedOn is null)];
        }
        if (asked.ByDays)
        {
            (underway, shownMoves) = await LongestFirstAsync(underway, shownMoves, today, cancellationToken);
        }

        var underwayPages = PagesOf(asked.UnderwayPage, underway.Count);
        var movedPages = PagesOf(asked.MovedPage, shownMoves.Count);
        var underwayRows = await RowsAsync(OnPage(underway, underwayPages), today, cancellationToken);
        var movedRows = await RowsAsync(OnPage(shownMoves, movedPages), today, cancellationToken);
        await AuditAsync(underwayRows.Concat(movedRows), chosenOnTheWay.Select(h => h.Id), purpose, cancellationToken);
        return new PipelinePages(new(underwayRows, underwayPages), new(movedRows, movedPages), moves.Count - shownMoves.Count, chosenOnTheWay);
    }

    /// <summary>The housing of the households given (a page of <see cref="PipelineHouseholds.Shown"/>), in their order; audited as <see cref="ReadAsync"/> audits it.</summary>
    public async Task<List<PipelineRow>> ReadHousingAsync(IReadOnlyList<PipelineHousehold> households, DateOnly today, AuditPurpose purpose, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(households, today, cancellationToken);
        await AuditAsync(rows, [], purpose, cancellationToken);
        return rows;
    }

    /// <summary>The page asked for, or the nearest that exists.</summary>
    private static Pagination PagesOf(int asked, int count) => Pagination.Of(asked.ToString(CultureInfo.InvariantCulture), PageSize, count);

    private static List<PipelineHousehold> OnPage(List<PipelineHousehold> households, Pagination pages) =>
        [.. households.Skip(pages.RowsBefore).Take(pages.PageSize)];

    /// <summary>
    /// Each list with the households that have lived longest in temporary housing first; those of as many days in the
    /// order they came in (by name, then id: a stable sort), so that no household is on two pages.
    /// </summary>
    private async Task<(List<PipelineHousehold> Underway, List<PipelineHousehold> MovedOn)> LongestFirstAsync(
        List<PipelineHousehold> underway, List<PipelineHousehold> movedOn, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = underway.Concat(movedOn).Select(h => h.Id).ToList();
        var stays = await db.Occupancies.AsNoTracking().Where(o => ids.Contains(o.HouseholdId) && o.IsTemporary).ToListAsync(cancellationToken);
        var days = Occupancy.DaysByHousehold(stays, today);
        return ([.. underway.OrderByDescending(h => days.GetValueOrDefault(h.Id))], [.. movedOn.OrderByDescending(h => days.GetValueOrDefault(h.Id))]);
    }

    private async Task<List<PipelineRow>> RowsAsync(IReadOnlyList<PipelineHousehold> households, DateOnly today, CancellationToken cancellationToken)
    {
        if (households.Count == 0)
        {
            return [];
        }

        var ids = households.Select(h => h.Id).ToList();
        var occupancies = await db.Occupancies.AsNoTracking().Where(o => ids.Contains(o.HouseholdId) && o.IsTemporary).ToListAsync(cancellationToken);
        var days = Occupancy.DaysByHousehold(occupancies, today);
        // Each household's temporary home, registrations and offers, looked up: the page reads them all once.
        // The one lived in now before one moved into later (a move to another temporary unit agreed): its stays are home
        // today both, and the later one first said the household "flytter ind i midlertidig bolig" while it lived in one.
        var temporaryHomes = occupancies.Where(o => o.IsHomeOn(today)).OrderBy(o => o.MovedInOn).ToLookup(o => o.HouseholdId);
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
    /// Each household shown is read: audited, also one with no temporary home, registration or offer yet (its name, its
    /// persons and the family it is to join are shown); on the page, those of the pages shown, not those a page link away;
    /// and each household <paramref name="chosen"/> for a form, which the form names. One entry a household, in one append.
    /// </summary>
    private Task AuditAsync(IEnumerable<PipelineRow> shown, IEnumerable<Guid> chosen, AuditPurpose purpose, CancellationToken cancellationToken) =>
        audit.RecordReadsAsync(purpose, households: shown.Select(r => r.HouseholdId).Concat(chosen), cancellationToken: cancellationToken);
}

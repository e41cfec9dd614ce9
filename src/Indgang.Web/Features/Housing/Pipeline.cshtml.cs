using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
/// The way to permanent housing (HOUSE-5): waiting-list registrations, offers, and the accepted move
/// that frees the temporary beds at once.
/// </summary>
public sealed class PipelineModel(
    IndgangDbContext db, HousingMoves moves, PermanentHousingSteps steps, AgreedMoveTasks moveTasks, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>The households on their way to a permanent home: the first table, and the choices of the two forms.</summary>
    public IReadOnlyList<PipelineRow> Underway { get; private set; } = [];

    /// <summary>The households moved to a permanent home through an offer: within the last year, or all with <see cref="All"/>.</summary>
    public IReadOnlyList<PipelineRow> MovedOn { get; private set; } = [];

    /// <summary>Moves to a permanent home more than a year ago, not shown unless <see cref="All"/>.</summary>
    public int EarlierMoves { get; private set; }

    [BindProperty(SupportsGet = true, Name = "alle")]
    public bool All { get; set; }

    /// <summary>An accepted move can still be changed or called off while its day is ahead.</summary>
    public DateOnly Today { get; private set; }

    [BindProperty] public Guid? HouseholdId { get; set; }
    /// <summary>The offer form's household: a field of its own, so a mistake shows beside the form it was made in.</summary>
    [BindProperty] public Guid? OfferHouseholdId { get; set; }
    [BindProperty] public string? Association { get; set; }
    [BindProperty] public DateOnly? RegisteredOn { get; set; }
    [BindProperty] public string? WaitingListNumber { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public DateOnly? OfferedOn { get; set; }
    [BindProperty] public DateOnly? AnswerBy { get; set; }
    [BindProperty] public int? Rooms { get; set; }
    [BindProperty] public decimal? MonthlyRent { get; set; }
    [BindProperty] public Guid? OfferId { get; set; }

    /// <summary>Why the household said no to the offer (optional).</summary>
    [BindProperty] public string? DeclineReason { get; set; }
    [BindProperty] public DateOnly? MoveDate { get; set; }

    /// <summary>The page; from a household's case (<paramref name="household"/>), with that household chosen in both forms.</summary>
    public async Task OnGetAsync(Guid? household)
    {
        await LoadAsync();
        if (Underway.Any(r => r.HouseholdId == household))
        {
            (HouseholdId, OfferHouseholdId) = (household, household);
        }
    }

    public async Task<IActionResult> OnPostRegistrationAsync()
    {
        await RequireHouseholdAsync(HouseholdId, nameof(HouseholdId));
        PipelineFields.CheckRegistration(ModelState, T, Association, RegisteredOn, WaitingListNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (!ModelState.IsValid)
        {
            return await PageAsync();
        }

        await steps.RegisterAsync(HouseholdId!.Value, Association!, RegisteredOn!.Value, WaitingListNumber);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOfferAsync()
    {
        await RequireHouseholdAsync(OfferHouseholdId, nameof(OfferHouseholdId));
        PipelineFields.CheckOffer(ModelState, T, new(Address, OfferedOn, AnswerBy, Rooms, MonthlyRent), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (!ModelState.IsValid)
        {
            return await PageAsync();
        }

        await steps.OfferAsync(OfferHouseholdId!.Value, Address!, OfferedOn!.Value, AnswerBy, Rooms, MonthlyRent);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (offer.Status != OfferStatus.Pending)
        {
            return await AnsweredByOtherAsync();
        }

        if (MoveDate is null || MoveDate < offer.OfferedOn)
        {
            ModelState.AddModelError($"MoveDate-{offer.Id}", "Angiv flyttedatoen (tidligst tilbudsdatoen).");
            return await PageAsync();
        }

        if (await steps.AcceptAsync(offer, MoveDate.Value) is { Succeeded: false } refused)
        {
            await LoadAsync();
            // Beside the offer while the page shows it; in the summary alone once its household is no longer on the way.
            ModelState.AddModelError(Underway.Any(r => r.HouseholdId == offer.HouseholdId) ? $"MoveDate-{offer.Id}" : "", refused.Error!);
            return Page();
        }

        return RedirectToPage();
    }

    /// <summary>The move of an accepted offer comes on another day: the offer and the move out of temporary housing follow.</summary>
    public async Task<IActionResult> OnPostChangeMoveAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (!IsAcceptedAhead(offer, today))
        {
            return await AnsweredByOtherAsync();
        }

        var key = $"NewMoveDate-{offer.Id}";
        if (MoveDate is null || MoveDate < today || MoveDate < offer.OfferedOn)
        {
            ModelState.AddModelError(key, "Angiv den nye flyttedato (tidligst i dag).");
            return await PageAsync();
        }

        var agreed = offer.MoveDate!.Value;
        offer.ChangeMoveDate(MoveDate.Value);
        await moveTasks.PermanentHomeMovedAsync(offer, MoveDate.Value, HttpContext.RequestAborted);
        return await SaveWithTemporaryStayAsync(offer, agreed, MoveDate.Value, key,
            "flyttedato ændret", $"{offer.Address}, flytter {MoveDate:yyyy-MM-dd} (var {agreed:yyyy-MM-dd})");
    }

    /// <summary>An accepted offer falls through before the move: it is open again, and the household stays where it lives.</summary>
    public async Task<IActionResult> OnPostReopenAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (!IsAcceptedAhead(offer, today))
        {
            return await AnsweredByOtherAsync();
        }

        var agreed = offer.MoveDate!.Value;
        offer.Reopen();
        await moveTasks.PermanentHomeUndoneAsync(offer, HttpContext.RequestAborted);
        return await SaveWithTemporaryStayAsync(offer, agreed, null, $"NewMoveDate-{offer.Id}",
            "accept fortrudt", $"{offer.Address} (skulle flytte {agreed:yyyy-MM-dd})");
    }

    public async Task<IActionResult> OnPostDeclineAsync()
    {
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (offer.Status != OfferStatus.Pending)
        {
            return await AnsweredByOtherAsync();
        }

        if (DeclineReason?.Trim().Length > HousingOffer.DeclineReasonLength)
        {
            ModelState.AddModelError($"DeclineReason-{offer.Id}", T["Begrundelsen må højst være {0:N0} tegn.", HousingOffer.DeclineReasonLength].Value);
            return await PageAsync();
        }

        if (await steps.DeclineAsync(offer, DeclineReason) is { Succeeded: false } refused)
        {
            ModelState.AddModelError("", refused.Error!);
            return await PageAsync();
        }

        return RedirectToPage();
    }

    private Task<HousingOffer?> OfferAsync() => db.HousingOffers.FirstOrDefaultAsync(o => o.Id == OfferId);

    /// <summary>An accepted offer whose move day is still ahead: its day can be changed, or the acceptance undone.</summary>
    private static bool IsAcceptedAhead(HousingOffer offer, DateOnly today) => offer.Status == OfferStatus.Accepted && offer.MoveDate > today;

    /// <summary>
    /// The posted offer is no longer as the user saw it (answered, changed or undone by another, maybe at the same
    /// moment, or a second click): said, with the page as it is now.
    /// </summary>
    private async Task<IActionResult> AnsweredByOtherAsync()
    {
        ModelState.AddModelError("", PermanentHousingSteps.AnsweredByOther);
        return await PageAsync();
    }

    /// <summary>
    /// Saves the offer's change (and its permanent home's tasks following it) together with the change to the household's
    /// temporary stay that was to end on the agreed day: to <paramref name="newDay"/>, or called off when null (none when it
    /// had no temporary home). A refused change leaves all as it was, with the reason beside the field. A department that
    /// takes or closes one of the move's tasks at the same moment keeps what it did (<see cref="TaskSaves.SaveOverTaskChangesAsync"/>).
    /// </summary>
    private async Task<IActionResult> SaveWithTemporaryStayAsync(HousingOffer offer, DateOnly agreed, DateOnly? newDay, string key, string what, string details)
    {
        var stay = await db.Occupancies.AsNoTracking().FirstOrDefaultAsync(o => o.HouseholdId == offer.HouseholdId && o.IsTemporary && o.MovedOutOn == agreed);
        if (stay is null)
        {
            if (await db.SaveOverTaskChangesAsync(task => moveTasks.Change(task, newDay), HttpContext.RequestAborted) is not null)
            {
                return await AnsweredByOtherAsync();
            }
        }
        else if (await (newDay is { } day ? moves.ChangeMoveOutAsync(stay.Id, day) : moves.CallOffMoveOutAsync(stay.Id)) is { Succeeded: false } refused)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(key, refused.Error!);
            return await PageAsync();
        }

        await steps.AuditAsync(offer.HouseholdId, what, details);
        return RedirectToPage();
    }

    private async Task RequireHouseholdAsync(Guid? household, string field)
    {
        if (household is not { } id || !await db.Households.AnyAsync(h => h.Id == id))
        {
            ModelState.AddModelError(field, "Vælg en husstand.");
        }
        else if (await steps.NotOnTheWayAsync(id) is { } notOnTheWay)
        {
            // Chosen from a page shown before it moved on (or not from the list at all).
            ModelState.AddModelError(field, notOnTheWay);
        }
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Today = today;
        // Only the households the page can show are read, with their housing: not one that has had one of our permanent
        // units (now, ahead or before: the duty covers the first permanent home only), nor one to live with the person its
        // members joined (no duty to house it), nor one gone for good — either of the last two only through a home it
        // accepted through an offer (the moves below). The former residents of the years in service are not read.
        var hadPermanent = db.Occupancies.GivenPermanentHome();
        var leftForGood = WaitingForHousing.LeftForGood(db, today);
        var acceptedOffer = db.HousingOffers.Where(o => o.Status == OfferStatus.Accepted).Select(o => o.HouseholdId);
        var households = await db.Households.AsNoTracking()
            .Where(h => !hadPermanent.Contains(h.Id) && ((!h.LivesWithReferencePerson && !leftForGood.Contains(h.Id)) || acceptedOffer.Contains(h.Id)))
            .OrderBy(h => h.Name).Select(h => new { h.Id, h.Name, Persons = h.Members.Count, h.FamilyToJoin }).ToListAsync();
        var ids = households.Select(h => h.Id).ToList();
        var occupancies = await db.Occupancies.AsNoTracking().Where(o => ids.Contains(o.HouseholdId) && o.IsTemporary).ToListAsync();
        var days = Occupancy.DaysByHousehold(occupancies, today);
        // Each household's temporary home, registrations and offers, looked up: the page reads them all once.
        var temporaryHomes = occupancies.Where(o => o.IsHomeOn(today)).ToLookup(o => o.HouseholdId);
        var left = (await leftForGood.Where(h => ids.Contains(h)).ToListAsync()).ToHashSet();
        var registrations = (await db.HousingRegistrations.AsNoTracking().Where(r => ids.Contains(r.HouseholdId)).InRegisteredOrder().ToListAsync()).ToLookup(r => r.HouseholdId);
        var offers = (await db.HousingOffers.AsNoTracking().Where(o => ids.Contains(o.HouseholdId)).NewestFirst().ToListAsync()).ToLookup(o => o.HouseholdId);
        var help = await db.Tasks.AsNoTracking().StillOpen().Where(t => ids.Contains(t.HouseholdId) && MoveTasks.IntoTemporaryHome.Contains(t.Type))
            .GroupBy(t => t.HouseholdId).Select(g => new { HouseholdId = g.Key, Due = g.Min(t => t.DueDate) }).ToDictionaryAsync(h => h.HouseholdId, h => h.Due);
        var rows = households.Select(h => new PipelineRow(
            h.Id, h.Name, h.Persons,
            temporaryHomes[h.Id].FirstOrDefault(),
            days.GetValueOrDefault(h.Id),
            [.. registrations[h.Id]],
            [.. offers[h.Id]],
            LeftOurHousing: left.Contains(h.Id),
            RegistrationHelpDue: help.TryGetValue(h.Id, out var due) ? due : null,
            FamilyToJoin: h.FamilyToJoin)).ToList();
        Underway = rows.Where(r => r.IsUnderway(today)).ToList();
        var movedOn = rows.Where(r => r.MovedTo(today) is not null).ToList();
        var yearAgo = today.AddYears(-1);
        MovedOn = All ? movedOn : movedOn.Where(r => r.MovedTo(today)!.MoveDate > yearAgo).ToList();
        EarlierMoves = movedOn.Count - MovedOn.Count;
        // Each household whose housing the page shows (a temporary home, registrations, offers) is read: audited. Those
        // shown by name only, for choosing, are not (as in the other lists).
        await audit.RecordEachAsync(AuditAction.HouseholdRead,
            Underway.Concat(MovedOn).Where(r => r.Temporary is not null || r.Registrations.Count > 0 || r.Offers.Count > 0).Select(r => ((Guid?)null, (string?)AuditLog.Household(r.HouseholdId))),
            "Vejen til permanent bolig: oversigt");
    }
}

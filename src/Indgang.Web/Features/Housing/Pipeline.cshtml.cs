using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The way to permanent housing (HOUSE-5): waiting-list registrations, offers, and the accepted move
/// that frees the temporary beds at once.
/// </summary>
public sealed class PipelineModel(
    IndgangDbContext db, HousingMoves moves, PermanentHousingSteps steps, AgreedMoveTasks moveTasks, PipelineQuery pipeline, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel, IOfferForm, IRegistrationForm
{
    /// <summary>A page of the households on their way to a permanent home: the first table.</summary>
    public PipelinePage Underway { get; private set; } = Empty;

    /// <summary>A page of the households moved to a permanent home through an offer: within the last year, or all with <see cref="All"/>.</summary>
    public PipelinePage MovedOn { get; private set; } = Empty;

    /// <summary>
    /// The household a new registration is for, chosen on its row (or from its case) and still on its way; null when none
    /// is, also when the one posted is no longer on its way (the refusal then says so beside the form).
    /// </summary>
    public PipelineHousehold? RegistrationFor { get; private set; }

    /// <summary>The household a new offer is for, as <see cref="RegistrationFor"/>.</summary>
    public PipelineHousehold? OfferFor { get; private set; }

    /// <summary>The registration form is shown: a household chosen for it, or the form posted and refused (shown again with what was typed).</summary>
    public bool RegistrationOpen { get; private set; }

    /// <summary>The offer form is shown, as <see cref="RegistrationOpen"/>.</summary>
    public bool OfferOpen { get; private set; }

    /// <summary>Moves to a permanent home more than a year ago, not shown unless <see cref="All"/>.</summary>
    public int EarlierMoves { get; private set; }

    /// <summary>
    /// The address as it came (<see cref="PipelineAddress.FromQuery"/>: the moves of every year or not, the order, the
    /// search, each table's page), read as the pages opened from this one read it, to come back to it. Each table's page is
    /// not yet held to the pages there are.
    /// </summary>
    private PipelineAddress Asked => asked ??= PipelineAddress.FromQuery(Request.Query);

    private PipelineAddress? asked;

    /// <summary>The moves of every year are shown ("alle"), not only the last year's.</summary>
    public bool All => Asked.All;

    /// <summary>"sortering=dage": the households that have lived longest in temporary housing first (who to help on first); otherwise by name.</summary>
    public bool ByDays => Asked.ByDays;

    /// <summary>"sag" when the forms were opened from the household's case: a step taken, or called off, goes back there.</summary>
    [BindProperty(SupportsGet = true, Name = "fra")]
    public string? From { get; set; }

    /// <summary>The forms were opened from the household's case (<see cref="From"/>).</summary>
    public bool FromCase => From == "sag";

    /// <summary>Where a form for <paramref name="household"/> goes back to when called off or saved: its case it was opened from, or the page as it was.</summary>
    public string BackFrom(PipelineHousehold? household) => FromCase && household is not null ? $"/Households/{household.Id}" : PageAddress.Href();

    /// <summary>
    /// The search the tables are searched by (<see cref="Dashboard.HouseholdSearch"/>); refused when it held a CPR number
    /// (none is ever kept in an address), or when the address tells it was ("soegFejl=cpr").
    /// </summary>
    public Dashboard.HouseholdSearch Search => Dashboard.HouseholdSearch.Read(Request.Query[PipelineAddress.SearchName], Request.Query[PipelineAddress.SearchErrorName]);

    /// <summary>
    /// The page's address as shown (each table's page one that exists): every link and form keeps it, and a step taken, or
    /// refused, comes back to it.
    /// </summary>
    public PipelineAddress PageAddress => new(All, ByDays, Underway.Pages.Page, MovedOn.Pages.Page, Search.Text);

    /// <summary>The page links under <paramref name="kind"/>'s table, named by its heading.</summary>
    public PageLinks Links(PipelineListKind kind) =>
        new(kind == PipelineListKind.Underway ? Underway.Pages : MovedOn.Pages, page => PageAddress.PageHref(kind, page)) { Of = kind.Heading };

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
    [BindProperty, Display(Name = "antal værelser", Prompt = "3")] public int? Rooms { get; set; }
    [BindProperty, Display(Name = "huslejen")] public decimal? MonthlyRent { get; set; }
    [BindProperty] public Guid? OfferId { get; set; }

    /// <summary>
    /// The registration form's submission token, made when the form is shown and kept while it goes back and forth: sent
    /// twice (a double click), the registration is saved once (<see cref="PermanentHousingSteps.RegisterOnceAsync"/>).
    /// </summary>
    [BindProperty] public Guid? RegistrationToken { get; set; }

    /// <summary>
    /// The version of the offer the user saw when answering it: an answer to an offer corrected by another since (its
    /// address, rent or deadline) is refused, and the page shows it as it is now. Not sent (an older page): not checked.
    /// </summary>
    [BindProperty] public Guid? OfferVersion { get; set; }

    public const string ChangedWhileShown = "Tilbuddet er ændret af en anden, mens du så på det. Se det, som det er nu, og svar igen.";

    /// <summary>The offer form's submission token, as <see cref="RegistrationToken"/>.</summary>
    [BindProperty] public Guid? OfferToken { get; set; }

    /// <summary>Why the household said no to the offer (optional).</summary>
    [BindProperty] public string? DeclineReason { get; set; }
    [BindProperty] public DateOnly? MoveDate { get; set; }

    /// <summary>
    /// The page; with <paramref name="household"/> (from its row, or from its case) the forms for a new registration and a
    /// new offer are open for that household, while it is on its way.
    /// </summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = PipelineAddress.ChosenName)] string? household)
    {
        if (Dashboard.HouseholdSearch.HoldsCpr(Request.Query[PipelineAddress.SearchName]))
        {
            // Out of the address (browser history, logs) at once, the page unsearched and told why.
            return Redirect(QueryHelpers.AddQueryString(PipelineAddress.Path, Asked.Unsearched.RouteValues
                .Append(KeyValuePair.Create(PipelineAddress.SearchErrorName, (string?)Dashboard.HouseholdSearch.CprRefusal))));
        }

        // Read as text: an address that names no household (typed wrong, cut short) is the page without a choice, no error.
        var chosen = Guid.TryParse(household, out var id) ? id : (Guid?)null;
        (HouseholdId, OfferHouseholdId) = (chosen, chosen);
        await LoadAsync();
        (RegistrationOpen, OfferOpen) = (RegistrationFor is not null, OfferFor is not null);
        if (!RegistrationOpen)
        {
            (HouseholdId, OfferHouseholdId) = (null, null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRegistrationAsync()
    {
        RegistrationOpen = true;
        await RequireHouseholdAsync(HouseholdId, nameof(HouseholdId));
        PipelineFields.CheckRegistration(ModelState, T, Association, RegisteredOn, WaitingListNumber, clock.Today());
        if (!ModelState.IsValid)
        {
            return await PageAsync();
        }

        if ((await steps.RegisterOnceAsync(RegistrationToken, HouseholdId!.Value, Association!, RegisteredOn!.Value, WaitingListNumber)).ForAnother)
        {
            // The form sent again with other content (back in the browser's history, another household chosen): a new registration.
            RegistrationToken = NewToken(nameof(RegistrationToken));
            await steps.RegisterOnceAsync(RegistrationToken, HouseholdId.Value, Association!, RegisteredOn.Value, WaitingListNumber);
        }

        return FromCase ? Redirect($"/Households/{HouseholdId}") : Back();
    }

    public async Task<IActionResult> OnPostOfferAsync()
    {
        OfferOpen = true;
        await RequireHouseholdAsync(OfferHouseholdId, nameof(OfferHouseholdId));
        PipelineFields.CheckOffer(ModelState, T, this, clock.Today());
        if (!ModelState.IsValid)
        {
            return await PageAsync();
        }

        if ((await steps.OfferOnceAsync(OfferToken, OfferHouseholdId!.Value, Address!, OfferedOn!.Value, AnswerBy, Rooms, MonthlyRent)).ForAnother)
        {
            // As a registration's: a new offer.
            OfferToken = NewToken(nameof(OfferToken));
            await steps.OfferOnceAsync(OfferToken, OfferHouseholdId.Value, Address!, OfferedOn.Value, AnswerBy, Rooms, MonthlyRent);
        }

        return FromCase ? Redirect($"/Households/{OfferHouseholdId}") : Back();
    }

    /// <summary>A move day typed that does not read (where the browser has no date picker), said as such, not as missing.</summary>
    public const string UnreadableMoveDate = "Flyttedatoen er ikke en gyldig dato.";

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        var unreadable = ModelState.LeaveUnreadableToTheRow(nameof(MoveDate));
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (offer.Status != OfferStatus.Pending)
        {
            return await AnsweredByOtherAsync();
        }

        if (ChangedSinceShown(offer))
        {
            return await PageAsync();
        }

        if (unreadable)
        {
            ModelState.AddModelError($"MoveDate-{offer.Id}", UnreadableMoveDate);
            return await PageAsync();
        }

        if (!PipelineFields.CheckMoveDate(ModelState, $"MoveDate-{offer.Id}", MoveDate, offer, clock.Today()))
        {
            return await PageAsync();
        }

        if (await steps.AcceptAsync(offer, MoveDate.Value) is { Succeeded: false } refused)
        {
            await LoadAsync();
            // Beside the offer while the page shows it; in the summary alone once its household is no longer on the way.
            ModelState.AddModelError(Underway.Rows.Any(r => r.HouseholdId == offer.HouseholdId) ? $"MoveDate-{offer.Id}" : "", refused.Error!);
            return Page();
        }

        return Back();
    }

    /// <summary>The move of an accepted offer comes on another day: the offer and the move out of temporary housing follow.</summary>
    public async Task<IActionResult> OnPostChangeMoveAsync()
    {
        var unreadable = ModelState.LeaveUnreadableToTheRow(nameof(MoveDate));
        var today = clock.Today();
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (!IsAcceptedAhead(offer, today))
        {
            return await AnsweredByOtherAsync();
        }

        // The day already agreed (a second click, or the same change by another): nothing to change, nothing to refuse.
        if (MoveDate is { } typed && typed == offer.MoveDate)
        {
            return Back();
        }

        if (ChangedSinceShown(offer))
        {
            return await PageAsync();
        }

        var key = $"NewMoveDate-{offer.Id}";
        if (unreadable || MoveDate is null || MoveDate < today || MoveDate < offer.OfferedOn)
        {
            ModelState.AddModelError(key, unreadable ? "Den nye flyttedato er ikke en gyldig dato." : "Angiv den nye flyttedato (tidligst i dag).");
            return await PageAsync();
        }

        if (Platform.PlanningHorizon.IsBeyond(MoveDate.Value, today))
        {
            ModelState.AddModelError(key, Platform.PlanningHorizon.TooFarAhead);
            return await PageAsync();
        }

        var agreed = offer.MoveDate!.Value;
        offer.ChangeMoveDate(MoveDate.Value);
        await moveTasks.PermanentHomeMovedAsync(offer, MoveDate.Value, HttpContext.RequestAborted);
        return await SaveWithTemporaryStayAsync(offer, agreed, MoveDate.Value, key,
            AuditPurpose.MoveDateChanged, $"{offer.Address}, flytter {MoveDate:yyyy-MM-dd} (var {agreed:yyyy-MM-dd})");
    }

    /// <summary>An accepted offer falls through before the move: it is open again, and the household stays where it lives.</summary>
    public async Task<IActionResult> OnPostReopenAsync()
    {
        var today = clock.Today();
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        if (!IsAcceptedAhead(offer, today))
        {
            return await AnsweredByOtherAsync();
        }

        if (ChangedSinceShown(offer))
        {
            return await PageAsync();
        }

        var agreed = offer.MoveDate!.Value;
        // A move out agreed before the acceptance brought it forward is put back; otherwise the household stays.
        var before = offer.MoveOutAgreedBefore is { } day ? (Day: day, To: offer.DestinationAgreedBefore) : ((DateOnly Day, MoveOutDestination? To)?)null;
        offer.Reopen();
        await moveTasks.PermanentHomeUndoneAsync(offer, HttpContext.RequestAborted);
        // Its first home undone: the checklist's defects list, lease, keys and house rules wait for the next. Before, the acceptance closed them for good.
        if (await steps.AcceptanceUndoneAsync(offer, HttpContext.RequestAborted) is { Count: > 0 } ownerless)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"NewMoveDate-{offer.Id}", Reception.ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            return await PageAsync();
        }

        return await SaveWithTemporaryStayAsync(offer, agreed, null, $"NewMoveDate-{offer.Id}",
            AuditPurpose.AcceptanceUndone, $"{offer.Address} (skulle flytte {agreed:yyyy-MM-dd})", before);
    }

    public async Task<IActionResult> OnPostDeclineAsync()
    {
        if (await OfferAsync() is not { } offer)
        {
            return NotFound();
        }

        ModelState.MoveToRow(nameof(DeclineReason), $"DeclineReason-{offer.Id}");

        if (offer.Status != OfferStatus.Pending)
        {
            return await AnsweredByOtherAsync();
        }

        if (ChangedSinceShown(offer))
        {
            return await PageAsync();
        }

        if (!PipelineFields.CheckDeclineReason(ModelState, T, $"DeclineReason-{offer.Id}", DeclineReason))
        {
            return await PageAsync();
        }

        if (await steps.DeclineAsync(offer, DeclineReason) is { Succeeded: false } refused)
        {
            ModelState.AddModelError("", refused.Error!);
            return await PageAsync();
        }

        return Back();
    }

    /// <summary>
    /// Whether the posted offer was changed by another since the page showed it (its version differs): then said in the
    /// summary, and the step is not taken over the change the user has not seen.
    /// </summary>
    private bool ChangedSinceShown(HousingOffer offer)
    {
        if (OfferVersion is not { } seen || seen == offer.Version)
        {
            return false;
        }

        ModelState.AddModelError("", ChangedWhileShown);
        return true;
    }

    /// <summary>A new submission token for the form whose token had been used for another step, in place of the one posted.</summary>
    private Guid NewToken(string field)
    {
        ModelState.Remove(field);
        return Guid.NewGuid();
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
    /// had no temporary home) — or put back to the move out agreed before the acceptance, <paramref name="putBack"/>
    /// (<see cref="HousingMoves.PutBackMoveOutAsync"/>). A refused change leaves all as it was, with the reason beside the field. A department that
    /// takes or closes one of the move's tasks at the same moment keeps what it did (<see cref="TaskSaves.SaveOverTaskChangesAsync"/>).
    /// </summary>
    private async Task<IActionResult> SaveWithTemporaryStayAsync(
        HousingOffer offer, DateOnly agreed, DateOnly? newDay, string key, AuditPurpose purpose, string details, (DateOnly Day, MoveOutDestination? To)? putBack = null)
    {
        var stay = await db.Occupancies.AsNoTracking().FirstOrDefaultAsync(o => o.HouseholdId == offer.HouseholdId && o.IsTemporary && o.MovedOutOn == agreed);
        if (stay is null)
        {
            if (await db.SaveOverTaskChangesAsync(task => moveTasks.Change(task, newDay), HttpContext.RequestAborted) is not null)
            {
                return await AnsweredByOtherAsync();
            }
        }
        else if (await (newDay is { } day ? moves.ChangeMoveOutAsync(stay.Id, day)
                     : putBack is { } back ? moves.PutBackMoveOutAsync(stay.Id, back.Day, back.To)
                     : moves.CallOffMoveOutAsync(stay.Id)) is { Succeeded: false } refused)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(key, refused.Error!);
            return await PageAsync();
        }

        // Said put back only when it was (a household without a temporary stay ending that day had none to put back).
        await steps.AuditAsync(offer.HouseholdId, purpose, stay is not null && putBack is { } putBackDone ? $"{details}; fraflytningen {putBackDone.Day:yyyy-MM-dd} er sat tilbage" : details);
        return Back();
    }

    /// <summary>A household chosen, and one still on its way (not one from a page shown before it moved on).</summary>
    private async Task RequireHouseholdAsync(Guid? household, string field)
    {
        if (await steps.RefusedHouseholdAsync(household, "Vælg en husstand.") is { } refused)
        {
            ModelState.AddModelError(field, refused);
        }
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Today = clock.Today();
        Guid[] chosen = [.. new[] { HouseholdId, OfferHouseholdId }.OfType<Guid>()];
        var read = await pipeline.ReadAsync(Today, Asked, AuditPurpose.Pipeline, chosen);
        (Underway, MovedOn, EarlierMoves) = (read.Underway, read.MovedOn, read.EarlierMoves);
        (RegistrationFor, OfferFor) = (read.Chosen.FirstOrDefault(h => h.Id == HouseholdId), read.Chosen.FirstOrDefault(h => h.Id == OfferHouseholdId));
    }

    private static PipelinePage Empty { get; } = new([], Pagination.Of(null, PipelineQuery.PageSize, 0));

    /// <summary>
    /// After a step is taken: the page again, sorted and showing the moves as it did, on the pages it showed (or the nearest
    /// that still exists: the household may have left the table).
    /// </summary>
    private RedirectToPageResult Back() => RedirectToPage(new RouteValueDictionary(Asked.RouteValues));
}

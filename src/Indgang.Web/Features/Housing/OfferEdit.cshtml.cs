using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Corrects an offer of a permanent home typed wrong (its address, its date, its answer deadline, the home's rooms and
/// rent), or removes one registered by mistake (HOUSE-5), while it waits for an answer and the household is on its way
/// to a permanent home through us. An accepted offer is corrected too (it is the home the household moves to, and the
/// move's open tasks take its address as corrected, <see cref="AgreedMoveTasks.PermanentHomeReaddressedAsync"/>), but not
/// removed: its acceptance is undone first. A declined offer is history. The correction is taken by
/// <see cref="PipelineCorrections"/>, as over the API. All is in the audit log. A save over another's change (a
/// correction, an answer) is refused, not lost: what is saved now is shown beside the fields. Each time the page is
/// shown, the household's read is audited (<see cref="OnPageHandlerExecutionAsync"/>).
/// </summary>
public sealed class OfferEditModel(
    IndgangDbContext db, PermanentHousingSteps steps, PipelineCorrections corrections, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel, IOfferForm
{
    private static readonly AuditPurpose Purpose = AuditPurpose.OfferCorrection;

    public const string Declined = "Tilbuddet er afslået og kan ikke længere rettes eller slettes. Se det på siden Vejen til permanent bolig.";

    public const string AcceptedNotRemoved = "Tilbuddet er accepteret og kan ikke slettes. Fortryd accepten på siden Vejen til permanent bolig først, hvis det er registreret ved en fejl.";

    public const string ChangedByOtherOnSave =
        "Tilbuddet er ændret af en anden, mens du havde det åbent. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem tilbud« igen for at gemme dine værdier i stedet.";

    public const string ChangedByOtherOnRemove =
        "Tilbuddet er ændret af en anden, mens du havde det åbent. Felterne viser det, der er gemt nu. Tryk »Slet tilbud« igen, hvis det skal slettes alligevel.";

    [BindProperty] public string? Address { get; set; }
    [BindProperty] public DateOnly? OfferedOn { get; set; }
    [BindProperty] public DateOnly? AnswerBy { get; set; }
    [BindProperty, Display(Name = "antal værelser", Prompt = "3")] public int? Rooms { get; set; }
    [BindProperty, Display(Name = "huslejen")] public decimal? MonthlyRent { get; set; }

    /// <summary>The offer's version when the form was opened (optimistic concurrency).</summary>
    [BindProperty] public Guid? Version { get; set; }

    public string HouseholdName { get; private set; } = "";

    /// <summary>The pipeline page as it was when this page was opened from it (order, search, pages), kept in this page's address to go back to.</summary>
    public PipelineAddress Pipeline => PipelineAddress.FromQuery(Request.Query);

    /// <summary>Null while the offer may be changed (the forms are shown); otherwise why not.</summary>
    public string? NotChangeable { get; private set; }

    /// <summary>The offer as saved has been accepted: the household moves to it on <see cref="MoveDate"/>.</summary>
    public bool Accepted { get; private set; }

    public DateOnly? MoveDate { get; private set; }

    /// <summary>The household the page names, once its offer is found (<see cref="LoadAsync"/>).</summary>
    private Guid? household;

    /// <summary>
    /// Each time the page is shown (opened, or sent back refused or with what another saved) it names the household and
    /// its offer again: one read of the household, audited. A save that goes on to the pipeline shows nothing.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if ((await next()).Result is PageResult && household is { } shown)
        {
            // Nothing a refused save left changed (the tasks of a move readdressed) is saved with the read.
            db.ChangeTracker.Clear();
            await audit.RecordAsync(AuditAction.HouseholdRead, null, Purpose, AuditLog.Household(shown));
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.HousingOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) is not { } offer)
        {
            return NotFound();
        }

        await LoadAsync(offer);
        Show(offer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.HousingOffers.FirstOrDefaultAsync(o => o.Id == id) is not { } offer)
        {
            return Version is null ? NotFound() : RemovedByOther();
        }

        if (await LoadAsync(offer) is { } why)
        {
            ModelState.AddModelError("", why);
            return Page();
        }

        PipelineFields.CheckOffer(ModelState, T, this, clock.Today(), offer.MoveDate);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (offer.Version != Version)
        {
            return ChangedByOther(offer, ChangedByOtherOnSave);
        }

        return await corrections.CorrectAsync(offer, this, HttpContext.RequestAborted) switch
        {
            CorrectionOutcome.ChangedByOther => SavedByOther(offer, ChangedByOtherOnSave),
            CorrectionOutcome.RemovedByOther => RemovedByOther(),
            _ => Redirect(Pipeline.Href()),
        };
    }

    /// <summary>The offer is removed; one removed by another at the same moment is gone all the same.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (await db.HousingOffers.FirstOrDefaultAsync(o => o.Id == id) is not { } offer)
        {
            return Version is null ? NotFound() : Redirect(Pipeline.Href());
        }

        Show(offer);
        if (await LoadAsync(offer) is { } why)
        {
            ModelState.AddModelError("", why);
            return Page();
        }

        // Accepted (before or since the page was opened): the household moves to it, so it is not removed.
        if (offer.Status == OfferStatus.Accepted)
        {
            return AcceptedNotRemovedPage(offer);
        }

        if (offer.Version != Version)
        {
            return ChangedByOther(offer, ChangedByOtherOnRemove);
        }

        db.HousingOffers.Remove(offer);
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            if (!await db.ReloadSavedAsync(offer))
            {
                return Redirect(Pipeline.Href());
            }

            Show(offer);
            return offer.Status == OfferStatus.Accepted ? AcceptedNotRemovedPage(offer) : SavedByOther(offer, ChangedByOtherOnRemove);
        }

        await steps.AuditAsync(offer.HouseholdId, AuditPurpose.OfferDeleted, PermanentHousingSteps.Described(offer));
        return Redirect(Pipeline.Href());
    }

    private PageResult AcceptedNotRemovedPage(HousingOffer offer)
    {
        ShowAnswer(offer);
        ModelState.AddModelError("", AcceptedNotRemoved);
        return Page();
    }

    /// <summary>
    /// The household's name, whether the offer is accepted, and why it may not be changed: declined, or (waiting for an
    /// answer) the household no longer on the way. An accepted offer is the way's end: the household has moved or moves to it.
    /// </summary>
    private async Task<string?> LoadAsync(HousingOffer offer)
    {
        household = offer.HouseholdId;
        HouseholdName = await db.Households.Where(h => h.Id == offer.HouseholdId).Select(h => h.Name).SingleAsync();
        ShowAnswer(offer);
        NotChangeable = await corrections.NotChangeableAsync(offer, HttpContext.RequestAborted);
        return NotChangeable;
    }

    /// <summary>
    /// A save refused as another saved first (the offer as saved now): declined meanwhile, it is said so and the forms go;
    /// corrected or accepted, what is saved now is shown beside the fields (and the acceptance above them), with
    /// <paramref name="message"/>.
    /// </summary>
    private PageResult SavedByOther(HousingOffer offer, string message)
    {
        ShowAnswer(offer);
        if (offer.Status == OfferStatus.Declined)
        {
            NotChangeable = Declined;
            ModelState.AddModelError("", Declined);
            return Page();
        }

        return ChangedByOther(offer, message);
    }

    /// <summary>Whether the offer as saved is accepted, and its move date: said above the fields.</summary>
    private void ShowAnswer(HousingOffer offer) => (Accepted, MoveDate) = (offer.Status == OfferStatus.Accepted, offer.MoveDate);

    private void Show(HousingOffer offer) =>
        (Address, OfferedOn, AnswerBy, Rooms, MonthlyRent, Version) = (offer.Address, offer.OfferedOn, offer.AnswerBy, offer.Rooms, offer.MonthlyRent, offer.Version);

    private PageResult ChangedByOther(HousingOffer saved, string message)
    {
        Version = this.ShowSavedByOther(nameof(Version), saved.Version, message,
            values =>
            {
                values.Field(nameof(Address), Address, saved.Address);
                values.Field(nameof(OfferedOn), OfferedOn, saved.OfferedOn);
                values.Field(nameof(AnswerBy), AnswerBy, saved.AnswerBy);
                values.Field(nameof(Rooms), Rooms, saved.Rooms);
                values.Field(nameof(MonthlyRent), MonthlyRent, saved.MonthlyRent);
            });
        return Page();
    }

    private PageResult RemovedByOther()
    {
        this.ShowDeletedByOther(nameof(Version), "Tilbuddet er slettet af en anden, mens du rettede det. Det, du har skrevet, er ikke gemt.");
        Version = null;
        return Page();
    }

}

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
/// Corrects a household's registration on a housing association's waiting list (a number typed wrong, the date), or
/// removes one made by mistake or no longer standing (HOUSE-5), while the household is on its way to a permanent home
/// through us (the correction taken by <see cref="PipelineCorrections"/>, as over the API). Both are in the audit log. A
/// save over another's correction is refused, not lost: theirs is shown beside the fields, and the user may save again
/// over it. Each time the page is shown, the household's read is audited (<see cref="OnPageHandlerExecutionAsync"/>).
/// </summary>
public sealed class RegistrationEditModel(
    IndgangDbContext db, PermanentHousingSteps steps, PipelineCorrections corrections, RegistrationHelp help, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> T) : PageModel, IRegistrationForm
{
    private static readonly AuditPurpose Purpose = AuditPurpose.RegistrationCorrection;

    public const string CorrectedByOtherOnSave =
        "Opskrivningen er ændret af en anden, mens du havde den åben. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem opskrivning« igen for at gemme dine værdier i stedet.";

    public const string CorrectedByOtherOnRemove =
        "Opskrivningen er ændret af en anden, mens du havde den åben. Felterne viser det, der er gemt nu. Tryk »Slet opskrivning« igen, hvis den skal slettes alligevel.";

    [BindProperty] public string? Association { get; set; }
    [BindProperty] public DateOnly? RegisteredOn { get; set; }
    [BindProperty] public string? WaitingListNumber { get; set; }

    /// <summary>The registration's version when the form was opened (optimistic concurrency).</summary>
    [BindProperty] public Guid? Version { get; set; }

    /// <summary>"sag" when opened from the household's case: the page goes back there, not to the pipeline.</summary>
    [BindProperty(SupportsGet = true, Name = "fra")] public string? From { get; set; }

    /// <summary>The pipeline page as it was when this page was opened from it (order, search, pages), kept in this page's address.</summary>
    public PipelineAddress Pipeline => PipelineAddress.FromQuery(Request.Query);

    /// <summary>Where the page goes back to: the household's case it was opened from, or the pipeline as it was.</summary>
    public string Back => From == "sag" && HouseholdId != Guid.Empty ? $"/Households/{HouseholdId}" : Pipeline.Href();

    public Guid HouseholdId { get; private set; }

    public string HouseholdName { get; private set; } = "";

    /// <summary>Null while the household is on its way (the forms are shown); otherwise why it is not.</summary>
    public string? NotOnTheWay { get; private set; }

    /// <summary>
    /// Each time the page is shown (opened, or sent back refused or with another's correction) it names the household and
    /// its registration again: one read of the household, audited. A save that goes on to where the page came from shows nothing.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if ((await next()).Result is PageResult && HouseholdId != Guid.Empty)
        {
            // Nothing a refused save left changed is saved with the read.
            db.ChangeTracker.Clear();
            await audit.RecordAsync(AuditAction.HouseholdRead, null, Purpose, AuditLog.Household(HouseholdId));
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.HousingRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is not { } registration)
        {
            return NotFound();
        }

        await LoadHouseholdAsync(registration);
        Show(registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.HousingRegistrations.FirstOrDefaultAsync(r => r.Id == id) is not { } registration)
        {
            // A form with a version was opened on it: it has been removed since.
            return Version is null ? NotFound() : RemovedByOther();
        }

        if (await LoadHouseholdAsync(registration) is { } notOnTheWay)
        {
            ModelState.AddModelError("", notOnTheWay);
            return Page();
        }

        PipelineFields.CheckRegistration(ModelState, T, Association, RegisteredOn, WaitingListNumber, clock.Today());
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (registration.Version != Version)
        {
            return CorrectedByOther(registration, CorrectedByOtherOnSave);
        }

        return await corrections.CorrectAsync(registration, this, HttpContext.RequestAborted) switch
        {
            CorrectionOutcome.ChangedByOther => CorrectedByOther(registration, CorrectedByOtherOnSave),
            CorrectionOutcome.RemovedByOther => RemovedByOther(),
            _ => Redirect(Back),
        };
    }

    /// <summary>The registration is removed; one removed by another at the same moment is gone all the same.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (await db.HousingRegistrations.FirstOrDefaultAsync(r => r.Id == id) is not { } registration)
        {
            return Version is null ? NotFound() : Redirect(Back);
        }

        if (await LoadHouseholdAsync(registration) is { } notOnTheWay)
        {
            ModelState.AddModelError("", notOnTheWay);
            return Page();
        }

        // Removed only as it was shown: a correction by another since is shown first.
        if (registration.Version != Version)
        {
            Show(registration);
            return CorrectedByOther(registration, CorrectedByOtherOnRemove);
        }

        db.HousingRegistrations.Remove(registration);
        // Its only registration removed, a household in our temporary housing is on no waiting list again: Jobberiet's
        // help to register is needed again, saved with the removal.
        if (await help.NeededAgainAfterRemovalAsync(registration, HttpContext.RequestAborted) is { Count: > 0 } ownerless)
        {
            db.ChangeTracker.Clear();
            Show(registration);
            ModelState.AddModelError("", Reception.ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            return Page();
        }

        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            if (!await db.ReloadSavedAsync(registration))
            {
                return Redirect(Back);
            }

            Show(registration);
            return CorrectedByOther(registration, CorrectedByOtherOnRemove);
        }

        await steps.AuditAsync(registration.HouseholdId, AuditPurpose.RegistrationDeleted, PipelineCorrections.Described(registration));
        return Redirect(Back);
    }

    /// <summary>The household's name, and why no step is taken for it when it is no longer on the way.</summary>
    private async Task<string?> LoadHouseholdAsync(HousingRegistration registration)
    {
        HouseholdId = registration.HouseholdId;
        HouseholdName = await db.Households.Where(h => h.Id == registration.HouseholdId).Select(h => h.Name).SingleAsync();
        NotOnTheWay = await steps.NotOnTheWayAsync(registration.HouseholdId);
        return NotOnTheWay;
    }

    private void Show(HousingRegistration registration) =>
        (Association, RegisteredOn, WaitingListNumber, Version) = (registration.Association, registration.RegisteredOn, registration.WaitingListNumber, registration.Version);

    private PageResult CorrectedByOther(HousingRegistration saved, string message)
    {
        Version = this.ShowSavedByOther(nameof(Version), saved.Version, message,
            values =>
            {
                values.Field(nameof(Association), Association, saved.Association);
                values.Field(nameof(RegisteredOn), RegisteredOn, saved.RegisteredOn);
                values.Field(nameof(WaitingListNumber), WaitingListNumber, saved.WaitingListNumber);
            });
        return Page();
    }

    private PageResult RemovedByOther()
    {
        this.ShowDeletedByOther(nameof(Version), "Opskrivningen er slettet af en anden, mens du rettede den. Det, du har skrevet, er ikke gemt.");
        Version = null;
        return Page();
    }
}

using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Records the date a deadline was met, e.g. the day the health assessment was offered: only one the person has, a legal
/// deadline or the municipality's own target (a family-reunified person in a municipality without a health target has
/// no health deadline to meet). Of two coordinators recording the
/// same deadline, the second is shown the first's date (<see cref="EditConflict"/>) instead of saving over it unseen.
/// A date marked by mistake is removed (<see cref="OnPostRemoveAsync"/>), audited and refused as the marking is.
/// </summary>
public sealed class DeadlineModel(PersonDirectory directory, IndgangDbContext db, RuleSetSource rules, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : CaseOwnerPage(directory)
{

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeadlineKind Kind { get; set; }

    [BindProperty]
    public DateOnly? CompletedOn { get; set; }

    /// <summary>
    /// The completion the form was opened on: its id, as each save replaces the record (none: the deadline was not met
    /// then). Optimistic concurrency: the save is refused when another has been recorded since.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public Person Person { get; private set; } = null!;
    public string Title => DeadlineTexts.Title(Kind);

    /// <summary>The deadline as the case shows it (the law's date, the target, each with its status), shown above the form.</summary>
    public DeadlineView Deadline { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var saved = await SavedAsync();
        (CompletedOn, Version) = (saved?.CompletedOn, saved?.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Version));
        var today = clock.Today();
        if (ModelState.IsValid && CompletedOn is null)
        {
            ModelState.AddModelError(nameof(CompletedOn), "Angiv datoen, hvor fristen blev opfyldt.");
        }
        else if (CompletedOn > today)
        {
            ModelState.AddModelError(nameof(CompletedOn), "Datoen kan ikke ligge i fremtiden.");
        }
        else if (CompletedOn is { } completed && CaseDayBounds.Refusal(Household, Person, completed, T) is { } tooEarly)
        {
            // A programme start met in year 0206, or years before the person came, would set the programme's maximum then.
            ModelState.AddModelError(nameof(CompletedOn), tooEarly);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await Marking.FirstOrDefaultAsync();
        if (existing?.Id != Version)
        {
            return await ShowSavedByOtherAsync();
        }

        if (existing is not null)
        {
            db.DeadlineCompletions.Remove(existing);
        }

        db.DeadlineCompletions.Add(new DeadlineCompletion(PersonId, Kind, CompletedOn!.Value, User.Identity!.Name!, clock.GetUtcNow()));
        // Saved by another since this request read it, or recorded for the first time by another at the same moment.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await ShowSavedByOtherAsync();
        }

        await audit.RecordAsync(AuditAction.DeadlineMet, PersonId, AuditPurpose.DeadlineMet, $"{Kind}: {CompletedOn:yyyy-MM-dd}");
        return Redirect($"/Households/{id}#deadlines");
    }

    /// <summary>
    /// Removes the date the deadline was marked met (marked by mistake), so the case computes its status again. The
    /// marking the form was opened on is the one removed: another's date saved since is shown beside the field instead,
    /// and removed only when »Fjern markeringen« is pressed again; one removed by another already leaves nothing to do.
    /// </summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var existing = await Marking.FirstOrDefaultAsync();
        if (existing is null)
        {
            return Redirect($"/Households/{id}#deadlines");
        }

        if (existing.Id != Version)
        {
            return await ShowMarkedByOtherAsync();
        }

        db.DeadlineCompletions.Remove(existing);
        // Removed or marked again by another since this request read it.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await ShowMarkedByOtherAsync();
        }

        await audit.RecordAsync(AuditAction.DeadlineMetRemoved, PersonId, AuditPurpose.DeadlineMet, $"{Kind}: {existing.CompletedOn:yyyy-MM-dd}");
        return Redirect($"/Households/{id}#deadlines");
    }

    /// <summary>
    /// The marking to remove is not the one the form was opened on: none now (removed by another too) leads to the case;
    /// another's date is shown beside the field, and the form gets its record's id, so that »Fjern markeringen« removes it.
    /// </summary>
    private async Task<IActionResult> ShowMarkedByOtherAsync()
    {
        db.ChangeTracker.Clear();
        if (await SavedAsync() is not { } saved)
        {
            return Redirect($"/Households/{Household.Id}#deadlines");
        }

        Version = this.ShowSavedByOther(nameof(Version), saved.Id,
            "Fristen er registreret med en anden dato af en anden, mens du havde siden åben. Den dato, der er gemt nu, står ved feltet. Tryk »Fjern markeringen« igen for at fjerne den.",
            values => values.Field(nameof(CompletedOn), CompletedOn, saved.CompletedOn));
        return Page();
    }

    /// <summary>
    /// Someone else recorded the deadline since the form was opened: their date beside the field, and the form gets
    /// their record's id, so that Gem saves this date over it. The same date as typed here (a double click, say) is
    /// simply saved.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync()
    {
        db.ChangeTracker.Clear();
        var saved = await SavedAsync();
        if (saved is not null && saved.CompletedOn == CompletedOn)
        {
            return Redirect($"/Households/{Household.Id}#deadlines");
        }

        var version = this.ShowSavedByOther(nameof(Version), saved?.Id ?? Guid.Empty,
            "Fristen er registreret af en anden, mens du rettede den. Den dato, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme din dato i stedet.",
            values => values.Field(nameof(CompletedOn), CompletedOn, saved?.CompletedOn));
        Version = saved is null ? null : version;
        return Page();
    }

    /// <summary>The date this deadline of this person is marked met, if it is: the first record, should two ever be there.</summary>
    private IQueryable<DeadlineCompletion> Marking =>
        db.DeadlineCompletions.Where(c => c.PersonId == PersonId && c.Kind == Kind).OrderBy(c => c.Id);

    private Task<DeadlineCompletion?> SavedAsync() => Marking.AsNoTracking().FirstOrDefaultAsync();

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, AuditPurpose.Deadlines, PersonId) is { } refused)
        {
            return refused;
        }

        if (Household.Members.FirstOrDefault(m => m.Id == PersonId) is not { } person || Kind == DeadlineKind.IntegrationContract || !Enum.IsDefined(Kind))
        {
            return NotFound();
        }

        Person = person;
        return await DeadlineAsync() is { } deadline ? SetDeadline(deadline) : NotFound();
    }

    private IActionResult? SetDeadline(DeadlineView deadline)
    {
        Deadline = deadline;
        return null;
    }

    /// <summary>The person's deadline today, by law or by the municipality's target (<see cref="CaseDeadlines"/>); none if they have none.</summary>
    private async Task<DeadlineView?> DeadlineAsync()
    {
        var completions = await HouseholdCase.CompletionsAsync(db, [PersonId], HttpContext.RequestAborted);
        var today = clock.Today();
        var deadlines = CaseDeadlines.For(Person, Household, rules.National, await rules.OverlayAsync(HttpContext.RequestAborted), null, today, completions.GetValueOrDefault(PersonId));
        return deadlines.Deadlines.FirstOrDefault(d => d.Kind == Kind);
    }
}

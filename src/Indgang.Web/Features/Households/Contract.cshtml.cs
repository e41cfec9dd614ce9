using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Domain.Plans;
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
/// The integration contract and declaration of one adult: signing dates and the deadline (PLAN-1). Of two coordinators
/// recording them, the second is shown the first's dates (<see cref="EditConflict"/>) instead of saving over them unseen.
/// </summary>
public sealed class ContractModel(PersonDirectory directory, IndgangDbContext db, RuleSetSource rules, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : CaseOwnerPage(directory)
{
    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty]
    public DateOnly? ContractSignedOn { get; set; }

    [BindProperty]
    public DateOnly? DeclarationSignedOn { get; set; }

    /// <summary>The contract's version when the form was opened (none: no contract then); optimistic concurrency.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public Person Person { get; private set; } = null!;
    public IntegrationContract? Contract { get; private set; }
    public DeadlineView? Deadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ContractSignedOn = Contract?.ContractSignedOn;
        DeclarationSignedOn = Contract?.DeclarationSignedOn;
        Version = Contract?.Version;
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
        CheckSigningDate(nameof(ContractSignedOn), ContractSignedOn, today, "Angiv datoen, hvor kontrakten blev underskrevet.");
        CheckSigningDate(nameof(DeclarationSignedOn), DeclarationSignedOn, today, "Angiv datoen, hvor erklæringen blev underskrevet.");

        if (Deadline is null)
        {
            ModelState.AddModelError("", "Kun voksne over 18 år på dag 0 skal have en integrationskontrakt.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var contract = await db.IntegrationContracts.Where(c => c.PersonId == PersonId).OrderBy(c => c.Id).FirstOrDefaultAsync();
        if (contract?.Version != Version)
        {
            return await ShowSavedByOtherAsync();
        }

        if (contract is null)
        {
            contract = new IntegrationContract(PersonId, today);
            db.IntegrationContracts.Add(contract);
        }

        contract.Sign(ContractSignedOn!.Value, DeclarationSignedOn!.Value, today);
        // Saved by another since this request read it, or recorded for the first time by another at the same moment.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await ShowSavedByOtherAsync();
        }

        await audit.RecordAsync(AuditAction.ContractSigned, PersonId, AuditPurpose.ContractAndDeclaration);
        return Redirect($"/Households/{id}#deadlines");
    }

    /// <summary>
    /// Someone else recorded the signing dates since the form was opened: theirs beside the fields where they differ, and
    /// the form gets their version, so that pressing the button again saves these dates over them. The same dates as
    /// typed here (a double click, say) are simply saved.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync()
    {
        db.ChangeTracker.Clear();
        var saved = await db.IntegrationContracts.AsNoTracking().Where(c => c.PersonId == PersonId).OrderBy(c => c.Id).FirstOrDefaultAsync();
        if (saved is not null && saved.ContractSignedOn == ContractSignedOn && saved.DeclarationSignedOn == DeclarationSignedOn)
        {
            return Redirect($"/Households/{Household.Id}#deadlines");
        }

        var version = this.ShowSavedByOther(nameof(Version), saved?.Version ?? Guid.Empty,
            "Underskrifterne er registreret af en anden, mens du rettede dem. De datoer, der er gemt nu, står ved de felter, hvor de er anderledes end det, du har skrevet. Tryk »Gem underskrifter« igen for at gemme dine datoer i stedet.",
            values =>
            {
                values.Field(nameof(ContractSignedOn), ContractSignedOn, saved?.ContractSignedOn);
                values.Field(nameof(DeclarationSignedOn), DeclarationSignedOn, saved?.DeclarationSignedOn);
            });
        Version = saved is null ? null : version;
        return Page();
    }

    /// <summary>
    /// Checks a date whose typed value could be read; one that could not already has its message. The message for a
    /// missing date is given whole (not "hvor {what}"), so the form can show it in the user's language.
    /// </summary>
    private void CheckSigningDate(string field, DateOnly? date, DateOnly today, string missing)
    {
        if (ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return;
        }

        if (date is null)
        {
            ModelState.AddModelError(field, missing);
        }
        else if (date > today)
        {
            ModelState.AddModelError(field, "Datoen kan ikke ligge i fremtiden.");
        }
        else if (CaseDayBounds.Refusal(Household, Person, date.Value, T) is { } tooEarly)
        {
            // A contract signed in year 0206, or years before the person came, would show the deadline met.
            ModelState.AddModelError(field, tooEarly);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, AuditPurpose.Contract, PersonId) is { } refused)
        {
            return refused;
        }

        if (Household.Members.FirstOrDefault(m => m.Id == PersonId) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Contract = await db.IntegrationContracts.AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == PersonId);
        var deadlines = CaseDeadlines.For(person, Household, rules.National, await rules.OverlayAsync(), Contract, clock.Today());
        Deadline = deadlines.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.IntegrationContract);
        return null;
    }

}

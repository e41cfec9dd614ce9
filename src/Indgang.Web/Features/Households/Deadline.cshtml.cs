using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>Records the date a deadline was met, e.g. the day the health assessment was offered.</summary>
public sealed class DeadlineModel(PersonDirectory directory, IndgangDbContext db, AuditLog audit, TimeProvider clock) : CaseOwnerPage(directory)
{
    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeadlineKind Kind { get; set; }

    [BindProperty]
    public DateOnly? CompletedOn { get; set; }

    public Person Person { get; private set; } = null!;
    public string Title => DeadlineTexts.Title(Kind);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        CompletedOn = await db.DeadlineCompletions.Where(c => c.PersonId == PersonId && c.Kind == Kind).Select(c => (DateOnly?)c.CompletedOn).FirstOrDefaultAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (ModelState.IsValid && CompletedOn is null)
        {
            ModelState.AddModelError(nameof(CompletedOn), "Angiv datoen, hvor fristen blev opfyldt.");
        }
        else if (CompletedOn > today)
        {
            ModelState.AddModelError(nameof(CompletedOn), "Datoen kan ikke ligge i fremtiden.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await db.DeadlineCompletions.FirstOrDefaultAsync(c => c.PersonId == PersonId && c.Kind == Kind);
        if (existing is not null)
        {
            db.DeadlineCompletions.Remove(existing);
        }

        db.DeadlineCompletions.Add(new DeadlineCompletion(PersonId, Kind, CompletedOn!.Value, User.Identity!.Name!, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.DeadlineMet, PersonId, "Frist opfyldt", $"{Kind}: {CompletedOn:yyyy-MM-dd}");
        return Redirect($"/Households/{id}#deadlines");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, "Frister") is { } refused)
        {
            return refused;
        }

        if (Household.Members.FirstOrDefault(m => m.Id == PersonId) is not { } person || Kind == DeadlineKind.IntegrationContract || !Enum.IsDefined(Kind))
        {
            return NotFound();
        }

        Person = person;
        return null;
    }
}

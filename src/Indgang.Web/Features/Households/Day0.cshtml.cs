using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>The coordinator overrides a member's computed day 0 with a reason, e.g. earlier by consent (REC-2).</summary>
public sealed class Day0Model(PersonDirectory directory, IndgangDbContext db, AuditLog audit) : CaseOwnerPage(directory)
{
    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool UseComputed { get; set; }

    public Person Person { get; private set; } = null!;
    public PersonDay0? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (!UseComputed)
        {
            if (Date is null)
            {
                ModelState.AddModelError(nameof(Date), "Angiv den nye dag 0.");
            }

            if (string.IsNullOrWhiteSpace(Reason))
            {
                ModelState.AddModelError(nameof(Reason), "Skriv begrundelsen, fx »tidligere overtagelse efter samtykke«.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await db.Persons.FirstAsync(p => p.Id == PersonId);
        if (UseComputed)
        {
            person.ClearDay0Override();
        }
        else
        {
            person.OverrideDay0(Date!.Value, Reason!);
        }

        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Day0Overridden, PersonId, "Ændring af dag 0", UseComputed ? "Beregnet dag 0 igen" : $"{Date:yyyy-MM-dd}: {Reason}");
        return Redirect($"/Households/{id}#deadlines");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, "Ændring af dag 0") is { } refused)
        {
            return refused;
        }

        if (Household.Members.FirstOrDefault(m => m.Id == PersonId) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Current = CaseDay0.Compute(person, Household);
        return null;
    }
}

using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.People;

public sealed class DetailsModel(PersonDirectory directory, IndgangDbContext db, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public Household? Household { get; private set; }
    public string? RevealedCpr { get; private set; }
    public DateOnly Today { get; private set; }
    public string CoordinatorName { get; private set; } = "–";

    /// <summary>Whether the user's work needs the whole CPR number: only then is the button offered, and the number shown.</summary>
    public bool MayRevealCpr { get; private set; }

    /// <summary>Whether the person has special health needs; null when the user's work does not need to know (HEALTH-3).</summary>
    public bool? HasMedicalFlag { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostRevealCprAsync(Guid id)
    {
        var loaded = await LoadAsync(id);
        if (loaded is not PageResult page)
        {
            return loaded;
        }

        if (!MayRevealCpr)
        {
            // Checked here, not only by the missing button: reading the person's case is not enough (PLAT-2).
            return Forbid();
        }

        RevealedCpr = await directory.RevealCprAsync(User, id);
        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        var read = await directory.ReadAsync(User, id, AuditPurpose.PersonCase, withHealthFlag: true);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Person = read.Person!;
        Household = read.Household;
        MayRevealCpr = Person.Cpr is not null && await directory.MayRevealCprAsync(User, Person);
        HasMedicalFlag = read.HealthFlag;
        Today = clock.Today();
        if (Household is not null)
        {
            CoordinatorName = await db.Users.Where(u => u.Id == Household.CoordinatorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "–";
        }
        return Page();
    }
}

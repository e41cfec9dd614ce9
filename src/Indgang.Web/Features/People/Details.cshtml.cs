using Indgang.Domain.People;
using Indgang.Web.Data;
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

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostRevealCprAsync(Guid id)
    {
        RevealedCpr = await directory.RevealCprAsync(User, id);
        return await LoadAsync(id);
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        var read = await directory.ReadAsync(User, id, "Sagsbehandling: visning af borger");
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Person = read.Person!;
        Household = read.Household;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (Household is not null)
        {
            CoordinatorName = await db.Users.Where(u => u.Id == Household.CoordinatorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "–";
        }
        return Page();
    }
}

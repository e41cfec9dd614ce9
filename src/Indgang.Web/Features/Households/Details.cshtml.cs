using Indgang.Domain.People;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

public sealed class DetailsModel(PersonDirectory directory, IndgangDbContext db) : PageModel
{
    public Household Household { get; private set; } = null!;
    public string CoordinatorName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var read = await directory.ReadHouseholdAsync(User, id, "Sagsbehandling: visning af husstand");
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        var household = read.Household!;
        Household = household;
        CoordinatorName = await db.Users.Where(u => u.Id == household.CoordinatorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "–";
        return Page();
    }

    public string NameOf(Guid personId) => Household.Members.FirstOrDefault(m => m.Id == personId)?.FullName ?? "?";
}

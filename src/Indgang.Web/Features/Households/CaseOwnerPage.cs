using Indgang.Domain.People;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Base for the coordinator's pages about one household: loads it through the audited directory
/// and refuses anyone who does not own cases.
/// </summary>
public abstract class CaseOwnerPage(PersonDirectory directory) : PageModel
{
    public Household Household { get; private set; } = null!;

    protected async Task<IActionResult?> LoadHouseholdAsync(Guid id, string purpose)
    {
        if (!PersonAccess.IsCaseOwnerRole(User))
        {
            return Forbid();
        }

        var read = await directory.ReadHouseholdAsync(User, id, purpose);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Household = read.Household!;
        return null;
    }
}

using Indgang.Domain.People;
using Indgang.Web.Audit;
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

    /// <summary>
    /// The household, audited as read, and of its members only <paramref name="memberShown"/> (a page about one member:
    /// their contract, day 0 or a deadline); a page that names the household alone reads no member.
    /// </summary>
    protected Task<IActionResult?> LoadHouseholdAsync(Guid id, AuditPurpose purpose, Guid? memberShown = null) =>
        LoadHouseholdAsync(id, purpose, _ => memberShown is { } member ? [member] : []);

    /// <summary>The household, audited as read, and of its members those <paramref name="membersShown"/> gives.</summary>
    protected async Task<IActionResult?> LoadHouseholdAsync(Guid id, AuditPurpose purpose, Func<Household, IEnumerable<Guid>> membersShown)
    {
        if (!PersonAccess.IsCaseOwnerRole(User))
        {
            return Forbid();
        }

        var read = await directory.ReadHouseholdAsync(User, id, purpose, membersShown);
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

using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.People;

/// <summary>
/// A page on which the coordinator who carries cases corrects what registration recorded about a person (»Ret
/// oplysninger«, »Ret fødselsdato«): refused to every other role, and the person read audited as read for the correction.
/// </summary>
public abstract class PersonCorrectionPage(PersonDirectory directory) : PageModel
{
    protected static readonly AuditPurpose Purpose = AuditPurpose.PersonCorrection;

    public Person Person { get; private set; } = null!;

    /// <summary>The person's household; null for a person in none.</summary>
    public Household? Household { get; private set; }

    /// <summary>The person and their household, read and audited; or what to answer instead (403, 404).</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (!PersonAccess.IsCaseOwnerRole(User))
        {
            return Forbid();
        }

        var read = await directory.ReadAsync(User, id, Purpose, HttpContext.RequestAborted);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        (Person, Household) = (read.Person!, read.Household);
        return null;
    }

    /// <summary>The person as read for the comparison with what the form showed: saved by another meanwhile, it is this one.</summary>
    protected void ShowAsSaved(Person saved) => Person = saved;
}

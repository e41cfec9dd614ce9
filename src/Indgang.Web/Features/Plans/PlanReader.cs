using System.Security.Claims;
using Indgang.Web.Audit;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Indgang.Web.Features.Plans;

/// <summary>Reads a person's plan for the coordinator's pages: audited read, need-to-know, case-owner role.</summary>
public sealed class PlanReader(PersonDirectory directory, PlanCase plans)
{
    public async Task<(IActionResult? Refused, PlanFacts? Facts)> ReadAsync(ClaimsPrincipal user, Guid personId, AuditPurpose purpose)
    {
        if (!PersonAccess.IsCaseOwnerRole(user))
        {
            return (new ForbidResult(), null);
        }

        var read = await directory.ReadAsync(user, personId, purpose);
        return read.Outcome switch
        {
            PersonLookup.NotFound => (new NotFoundResult(), null),
            PersonLookup.Forbidden => (new ForbidResult(), null),
            _ => (null, await plans.LoadAsync(read.Person!, read.Household!, track: false)),
        };
    }
}

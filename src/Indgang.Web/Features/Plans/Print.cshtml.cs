using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Plans;

/// <summary>The plan printed for the person to take home, in Danish: print CSS, no navigation.</summary>
public sealed class PrintModel(PlanReader reader, IndgangDbContext db, AuditLog audit) : PageModel
{
    public PlanFacts Facts { get; private set; } = null!;
    public string CoordinatorName { get; private set; } = "";
    public string MunicipalityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var (refused, facts) = await reader.ReadAsync(User, id, AuditPurpose.PlanPrint);
        if (refused is not null)
        {
            return refused;
        }

        Facts = facts!;
        CoordinatorName = await db.Users.Where(u => u.Id == Facts.Household.CoordinatorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "";
        MunicipalityName = await db.MunicipalityNameAsync() ?? "";
        await audit.RecordAsync(AuditAction.PlanPrinted, Facts.Person.Id, AuditPurpose.PlanPrintedForCitizen);
        return Page();
    }
}

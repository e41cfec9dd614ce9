using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Plans;

/// <summary>The plan printed for the person to take home, in Danish: print CSS, no navigation.</summary>
public sealed class PrintModel(PlanReader reader, IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public PlanFacts Facts { get; private set; } = null!;
    public string CoordinatorName { get; private set; } = "";
    public string MunicipalityName { get; private set; } = "";

    /// <summary>The day the plan is printed, in the municipality: the paper says how new it is.</summary>
    public DateOnly PrintedOn { get; private set; }

    /// <summary>The day the version printed was saved; none for a plan not saved yet.</summary>
    public DateOnly? SavedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var (refused, facts) = await reader.ReadAsync(User, id, AuditPurpose.PlanPrint);
        if (refused is not null)
        {
            return refused;
        }

        Facts = facts!;
        PrintedOn = clock.Today();
        SavedOn = Facts.Plan?.Versions.MaxBy(v => v.Number) is { } shown ? DateOnly.FromDateTime(clock.Local(shown.SavedAt).DateTime) : null;
        CoordinatorName = await db.Users.Where(u => u.Id == Facts.Household.CoordinatorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "";
        MunicipalityName = await db.MunicipalityNameAsync() ?? "";
        await audit.RecordAsync(AuditAction.PlanPrinted, Facts.Person.Id, AuditPurpose.PlanPrintedForCitizen);
        return Page();
    }
}

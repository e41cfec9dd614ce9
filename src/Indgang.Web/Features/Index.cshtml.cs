using System.Security.Claims;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features;

public sealed record HouseholdRow(Guid Id, string Name, int Members);

public sealed record CountRow(string Label, int Count);

/// <summary>The start page: what each role needs first. Managers see aggregates only.</summary>
public sealed class IndexModel(IndgangDbContext db, Dashboard.CoordinatorDashboard dashboard, Dashboard.HousingDashboard housing) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public Dashboard.CoordinatorOverview? Overview { get; private set; }
    public Dashboard.HousingOverview? Housing { get; private set; }
    public IReadOnlyList<HouseholdRow> AllHouseholds { get; private set; } = [];
    public string? DepartmentName { get; private set; }
    public IReadOnlyList<CountRow> Figures { get; private set; } = [];
    public int UserCount { get; private set; }
    public int OpenTasks { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId);
        DisplayName = me.DisplayName;

        if (User.IsInRole(Roles.Coordinator))
        {
            Overview = await dashboard.ForAsync(userId!, me.DepartmentId);
        }

        if (User.IsInRole(Roles.HousingCoordinator))
        {
            Housing = await housing.ForTodayAsync();
            AllHouseholds = await Rows(db.Households);
        }

        if (User.IsInRole(Roles.DepartmentWorker) && me.DepartmentId is { } departmentId)
        {
            DepartmentName = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync();
            OpenTasks = await db.Tasks.StillOpen().CountAsync(t => t.DepartmentId == departmentId);
        }

        if (User.IsInRole(Roles.Manager) || User.IsInRole(Roles.VolunteerCoordinator))
        {
            Figures =
            [
                new("Husstande", await db.Households.CountAsync()),
                new("Borgere", await db.Persons.CountAsync()),
                new("Borgere uden CPR-nummer endnu", await db.Persons.CountAsync(p => p.Cpr == null)),
            ];
        }

        if (User.IsInRole(Roles.Administrator))
        {
            UserCount = await db.Users.CountAsync();
        }
    }

    private static Task<List<HouseholdRow>> Rows(IQueryable<Domain.People.Household> households) =>
        households.AsNoTracking().OrderBy(h => h.Name).Select(h => new HouseholdRow(h.Id, h.Name, h.Members.Count)).ToListAsync();
}

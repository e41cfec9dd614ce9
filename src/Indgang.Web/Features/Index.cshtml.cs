using System.Security.Claims;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features;

public sealed record HouseholdRow(Guid Id, string Name, int Members);

public sealed record CountRow(string Label, int Count);

/// <summary>The start page: what each role needs first. Managers see aggregates only.</summary>
public sealed class IndexModel(
    IndgangDbContext db, Dashboard.CoordinatorDashboard dashboard, Dashboard.HousingDashboard housing, Dashboard.HouseholdList list, Audit.AuditLog audit) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public Dashboard.CoordinatorOverview? Overview { get; private set; }
    public Dashboard.HousingOverview? Housing { get; private set; }
    /// <summary>The housing coordinator's page of every household, as searched.</summary>
    public Dashboard.HouseholdListPage? AllHouseholds { get; private set; }
    public string? DepartmentName { get; private set; }
    public IReadOnlyList<CountRow> Figures { get; private set; } = [];
    public int UserCount { get; private set; }
    public int OpenTasks { get; private set; }

    /// <summary>Words to find one of the coordinator's households by, in the address ("Soeg", as on the work list).</summary>
    [BindProperty(SupportsGet = true, Name = "Soeg")]
    public string? RequestedSearch { get; set; }

    /// <summary>Why the search is not kept ("cpr": it held a CPR number), after the page has taken it out of the address.</summary>
    [BindProperty(SupportsGet = true, Name = "SoegFejl")]
    public string? SearchError { get; set; }

    /// <summary>Words to find a household by in the housing coordinator's list of every household ("SoegAlle").</summary>
    [BindProperty(SupportsGet = true, Name = "SoegAlle")]
    public string? RequestedSearchOfAll { get; set; }

    /// <summary>Why the search of every household is not kept ("SoegFejlAlle").</summary>
    [BindProperty(SupportsGet = true, Name = "SoegFejlAlle")]
    public string? SearchErrorOfAll { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Each list's page as the address asks for it, read as text: a page that is no number, or none there is, shows the
        // nearest (no error). Its links keep the other lists' searches and pages.
        var address = Dashboard.StartPageAddress.Of(Request.Query);

        // Out of the address at once, before the page's links (the language switch's return address too) take it along.
        var refused = new[] { (List: Dashboard.HouseholdListKind.Mine, Typed: RequestedSearch), (List: Dashboard.HouseholdListKind.All, Typed: RequestedSearchOfAll) }
            .Where(l => Dashboard.HouseholdSearch.HoldsCpr(l.Typed)).Select(l => l.List).ToArray();
        if (refused.Length > 0)
        {
            return Redirect(Dashboard.HouseholdListPage.CprRefusedAddress(address, refused));
        }

        var mine = Dashboard.HouseholdSearch.Read(RequestedSearch, SearchError);
        var ofAll = Dashboard.HouseholdSearch.Read(RequestedSearchOfAll, SearchErrorOfAll);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId);
        DisplayName = me.DisplayName;

        if (User.IsInRole(Roles.Coordinator))
        {
            Overview = await dashboard.ForAsync(userId!, me.DepartmentId, mine, address);
        }

        if (User.IsInRole(Roles.HousingCoordinator))
        {
            Housing = await housing.ForTodayAsync();
            AllHouseholds = await list.PageAsync(db.Households, Dashboard.HouseholdListKind.All, ofAll, address);
            // Read, once a view: the households the overview shows with their arrival or housing, and those of the list's
            // page (a household's name is its family's).
            await audit.RecordReadsAsync(AuditPurpose.HousingOverview, households: Housing.HouseholdsShown.Concat(AllHouseholds.Rows.Select(r => r.Id)));
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

        return Page();
    }
}

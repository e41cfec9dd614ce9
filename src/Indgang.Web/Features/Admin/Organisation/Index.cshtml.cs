using Indgang.Domain.Municipalities;
using Indgang.Domain.Reception;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Organisation;

/// <summary>A department as the organisation page lists it: with how many users belong to it.</summary>
public sealed record DepartmentRow(Guid Id, string Name, string Code, int Users);

/// <summary>
/// The installation's organisation, as an administrator sets it up on a new installation and keeps it: the
/// municipality (name and number), its departments (which own tasks and which department workers belong to) and its
/// towns or districts (where housing sites lie, and by whose population placements are spread). The demo data creates
/// them outside Production; in Production, this page and the pages it links to are the only way. Also the first-run
/// steps, in order, each with what is done.
/// </summary>
public sealed class IndexModel(IndgangDbContext db) : PageModel
{
    public Municipality? Municipality { get; private set; }

    public IReadOnlyList<DepartmentRow> Departments { get; private set; } = [];

    public IReadOnlyList<Town> Towns { get; private set; } = [];

    /// <summary>How many task types the responsibility matrix gives no department (an arrival is refused while any does).</summary>
    public int TaskTypesWithoutDepartment { get; private set; }

    /// <summary>What was just saved ("kommune", "afdeling" or "by"), to say so.</summary>
    public string? Saved { get; private set; }

    public async Task OnGetAsync(string? saved)
    {
        Saved = saved;
        Municipality = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id).FirstOrDefaultAsync();
        var users = await db.Users.AsNoTracking().Where(u => u.DepartmentId != null).GroupBy(u => u.DepartmentId!.Value)
            .Select(g => new { Department = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Department, g => g.Count);
        // Ordered in memory: SQLite and PostgreSQL order Danish letters differently.
        Departments = (await db.Departments.AsNoTracking().ToListAsync())
            .OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new DepartmentRow(d.Id, d.Name, d.Code, users.GetValueOrDefault(d.Id))).ToList();
        Towns = (await db.Towns.AsNoTracking().ToListAsync()).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var owned = await db.Responsibilities.AsNoTracking().Select(r => r.TaskType).Distinct().ToListAsync();
        TaskTypesWithoutDepartment = Enum.GetValues<TaskType>().Count(t => !owned.Contains(t));
    }

    /// <summary>The confirmation for what was just saved, or null.</summary>
    public static string? SavedText(string? saved) => saved switch
    {
        "kommune" => "Kommunen er gemt.",
        "afdeling" => "Afdelingen er gemt.",
        "by" => "Byen er gemt.",
        _ => null,
    };
}

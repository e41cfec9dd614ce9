using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Admin.Responsibilities;

/// <summary>The responsibility matrix (TASK-2): which department owns each checklist task type. Changes apply to new tasks.</summary>
public sealed class IndexModel(IndgangDbContext db, AuditLog audit, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public Dictionary<TaskType, Guid?> Owners { get; set; } = [];

    public List<SelectListItem> Departments { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        await LoadDepartmentsAsync();
        var current = await db.Responsibilities.AsNoTracking().ToDictionaryAsync(r => r.TaskType, r => (Guid?)r.DepartmentId);
        Owners = Enum.GetValues<TaskType>().ToDictionary(t => t, t => current.GetValueOrDefault(t));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadDepartmentsAsync();
        var known = await db.Departments.Select(d => d.Id).ToListAsync();
        foreach (var type in Enum.GetValues<TaskType>())
        {
            if (Owners.GetValueOrDefault(type) is not { } department)
            {
                ModelState.AddModelError($"Owners[{type}]", T["Vælg hvilken afdeling der ejer »{0}«.", T[TaskTexts.Title(type)]].Value);
            }
            else if (!known.Contains(department))
            {
                ModelState.AddModelError($"Owners[{type}]", "Afdelingen findes ikke.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rows = await db.Responsibilities.ToDictionaryAsync(r => r.TaskType);
        var changes = new List<string>();
        foreach (var (type, department) in Owners)
        {
            if (rows.TryGetValue(type, out var row))
            {
                if (row.DepartmentId != department)
                {
                    changes.Add($"{type}: {row.DepartmentId} → {department}");
                    row.DepartmentId = department!.Value;
                }
            }
            else
            {
                changes.Add($"{type}: → {department}");
                db.Responsibilities.Add(new Responsibility(type, department!.Value));
            }
        }

        await db.SaveChangesAsync();
        if (changes.Count > 0)
        {
            await audit.RecordAsync(AuditAction.ResponsibilityChanged, null, "Ansvarsfordeling", string.Join("; ", changes));
        }

        return RedirectToPage(new { saved = true });
    }

    // Projected in memory: SQLite would write the Guid text in upper case.
    private async Task LoadDepartmentsAsync() =>
        Departments = [new("Vælg", ""), .. (await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync()).Select(d => new SelectListItem(d.Name, d.Id.ToString()))];
}

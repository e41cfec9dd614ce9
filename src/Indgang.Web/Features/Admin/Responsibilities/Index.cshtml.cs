using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Admin.Responsibilities;

/// <summary>
/// The responsibility matrix (TASK-2): which department owns each checklist task type. Changes apply to new tasks. Only
/// the rows changed in the form are saved, each only over the department the form showed: of two administrators changing
/// the matrix at once, each one's rows are kept, and a row both changed is shown to the second (<see cref="EditConflict"/>).
/// </summary>
public sealed class IndexModel(IndgangDbContext db, AuditLog audit, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public Dictionary<TaskType, Guid?> Owners { get; set; } = [];

    /// <summary>Each row's department when the form was opened (optimistic concurrency, row by row).</summary>
    [BindProperty]
    public Dictionary<TaskType, Guid?> Opened { get; set; } = [];

    public List<SelectListItem> Departments { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        await LoadDepartmentsAsync();
        Owners = await SavedAsync();
        Opened = new(Owners);
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

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            if (!await SaveChangedRowsAsync())
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                return await ShowSavedByOtherAsync();
            }

            await transaction.CommitAsync();
        }

        return RedirectToPage(new { saved = true });
    }

    /// <summary>
    /// The rows changed in the form, each saved only where it still holds the department the form showed, and logged;
    /// false when a row changed here was changed by someone else too (the caller rolls everything back).
    /// </summary>
    private async Task<bool> SaveChangedRowsAsync()
    {
        var changes = new List<string>();
        foreach (var type in Enum.GetValues<TaskType>())
        {
            var (department, opened) = (Owners[type]!.Value, Opened.GetValueOrDefault(type));
            if (department == opened)
            {
                continue;
            }

            changes.Add($"{type}: {opened} → {department}");
            if (opened is { } shown)
            {
                // Not "set it", but "change it from what was shown": of two at once, the second changes no row.
                var changed = await db.Responsibilities.Where(r => r.TaskType == type && r.DepartmentId == shown)
                    .ExecuteUpdateAsync(r => r.SetProperty(x => x.DepartmentId, department));
                if (changed == 0)
                {
                    if (!await db.Responsibilities.AnyAsync(r => r.TaskType == type && r.DepartmentId == department))
                    {
                        return false;
                    }

                    // Someone else made the same change: nothing left to do or to log.
                    changes.RemoveAt(changes.Count - 1);
                }
            }
            else
            {
                db.Responsibilities.Add(new Responsibility(type, department));
            }
        }

        // A row added by another at the same moment.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return false;
        }

        if (changes.Count > 0)
        {
            await audit.RecordAsync(AuditAction.ResponsibilityChanged, null, AuditPurpose.Responsibilities, string.Join("; ", changes));
        }

        return true;
    }

    /// <summary>
    /// Someone else changed rows changed here since the form was opened: the department saved now beside each of them
    /// (the choice made here stays in the field), the rows not changed here show what is saved now, and every row's
    /// shown department becomes the one saved now, so that pressing the button again saves these choices.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync()
    {
        var saved = await SavedAsync();
        this.ShowSavedByOther(nameof(Opened),
            "Ansvarsfordelingen er ændret af en anden, mens du rettede den. Ved de opgaver, som I begge har ændret, står den afdeling, der er gemt nu. Intet er gemt. Tryk »Gem ansvarsfordelingen« igen for at gemme dine valg.",
            values =>
            {
                foreach (var type in Enum.GetValues<TaskType>().Where(t => Owners[t] != Opened.GetValueOrDefault(t)))
                {
                    values.Field($"Owners[{type}]", Owners[type], saved[type]);
                }
            });
        Owners = Enum.GetValues<TaskType>().ToDictionary(t => t, t => Owners[t] != Opened.GetValueOrDefault(t) ? Owners[t] : saved[t]);
        Opened = saved;
        return Page();
    }

    private async Task<Dictionary<TaskType, Guid?>> SavedAsync()
    {
        var current = await db.Responsibilities.AsNoTracking().ToDictionaryAsync(r => r.TaskType, r => (Guid?)r.DepartmentId);
        return Enum.GetValues<TaskType>().ToDictionary(t => t, t => current.GetValueOrDefault(t));
    }

    // Projected in memory: SQLite would write the Guid text in upper case.
    private async Task LoadDepartmentsAsync() =>
        Departments = [new("Vælg", ""), .. (await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync()).Select(d => new SelectListItem(d.Name, d.Id.ToString()))];
}

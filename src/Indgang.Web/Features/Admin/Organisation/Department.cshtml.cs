using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Domain.Municipalities;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Data.Configurations;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Organisation;

/// <summary>
/// Creates a department (its name and the short code that stays with it), or renames one; the code is not changed
/// afterwards. Two departments never share a name or a code, without regard to case: checked here first, and held by
/// the database's unique indexes when two save at the same moment (the one refused is told so beside the field). A
/// department is not deleted here: users, tasks and the responsibility matrix point at it. A name saved by another since
/// the form was opened is shown beside the field, and Gem saves over it (<see cref="Version"/>). Every change is audited.
/// </summary>
public sealed partial class DepartmentModel(IndgangDbContext db, AuditLog audit) : PageModel
{
    public const string NameTaken = "Der findes allerede en afdeling med det navn. Giv afdelingen et andet navn.";
    public const string CodeTaken = "Der findes allerede en afdeling med den kode. Vælg en anden kode.";

    public const string SavedByOtherMessage =
        "Afdelingen er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved feltet. Tryk »Gem afdelingen« igen for at gemme dit navn i stedet.";

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Typed when the department is created; shown, not changed, when it is renamed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The version of the department's name the form showed (<see cref="ShownVersion"/>), when renaming.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>The department renamed, or null when one is created.</summary>
    public Guid? Id { get; private set; }

    /// <summary>False before the municipality is created: a department cannot be created yet.</summary>
    public bool HasMunicipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var municipality = await OrganisationData.MunicipalityAsync(db);
        HasMunicipality = municipality is not null;
        if (id is not null)
        {
            if (municipality?.Departments.FirstOrDefault(d => d.Id == id) is not { } department)
            {
                return NotFound();
            }

            (Id, Name, Code, Version) = (department.Id, department.Name, department.Code, Shown(department.Name));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var municipality = await OrganisationData.MunicipalityAsync(db);
        HasMunicipality = municipality is not null;
        if (municipality is null)
        {
            if (id is not null)
            {
                return NotFound();
            }

            ModelState.AddModelError("", OrganisationData.NoMunicipality);
            return Page();
        }

        var department = id is null ? null : municipality.Departments.FirstOrDefault(d => d.Id == id);
        if (id is not null && department is null)
        {
            return NotFound();
        }

        Id = department?.Id;
        Code = department?.Code ?? Code;
        Validate(municipality.Departments, department);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return department is null ? await CreateAsync(municipality) : await RenameAsync(department);
    }

    private async Task<IActionResult> CreateAsync(Municipality municipality)
    {
        var (name, code) = (Name!.Trim(), Code!.Trim().ToLowerInvariant());
        municipality.AddDepartment(name, code);
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await ShowTakenByOtherAsync(null);
        }

        await audit.RecordAsync(AuditAction.OrganisationChanged, null, AuditPurpose.Organisation, $"Afdeling oprettet: {code} {name}");
        return RedirectToPage("Index", new { saved = "afdeling" });
    }

    private async Task<IActionResult> RenameAsync(Department department)
    {
        var name = Name!.Trim();
        if (Shown(department.Name) != Version)
        {
            if (department.Name == name)
            {
                return RedirectToPage("Index", new { saved = "afdeling" });
            }

            Version = this.ShowSavedByOther(nameof(Version), Shown(department.Name), SavedByOtherMessage, values => values.Field(nameof(Name), Name, department.Name));
            return Page();
        }

        var before = department.Name;
        department.Rename(name);
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await ShowTakenByOtherAsync(department.Id);
        }

        if (before != name)
        {
            await audit.RecordAsync(AuditAction.OrganisationChanged, null, AuditPurpose.Organisation, $"Afdeling {department.Code}: {before} → {name}");
        }

        return RedirectToPage("Index", new { saved = "afdeling" });
    }

    /// <summary>
    /// Another saved a department with this name or code at the same moment (their unique indexes): the form is checked
    /// again against what is saved now, to say which beside its field, as had the other saved first.
    /// </summary>
    private async Task<IActionResult> ShowTakenByOtherAsync(Guid? renamed)
    {
        db.ChangeTracker.Clear();
        var departments = await db.Departments.AsNoTracking().ToListAsync();
        Validate(departments, departments.Find(d => d.Id == renamed));
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", OrganisationData.SavedAtSameMoment);
        }

        return Page();
    }

    private void Validate(IReadOnlyList<Department> departments, Department? renamed)
    {
        OrganisationData.CheckName(ModelState, nameof(Name), Name, "Angiv afdelingens navn.", DepartmentConfiguration.NameLength,
            (departments.Select(d => (d.Id, d.Name)), renamed?.Id, NameTaken));

        ModelState.Remove(nameof(Version));
        if (renamed is not null)
        {
            ModelState.Remove(nameof(Code));
            return;
        }

        var code = Code?.Trim().ToLowerInvariant() ?? "";
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Angiv en kode for afdelingen.");
        }
        else if (code.Length > DepartmentConfiguration.CodeLength)
        {
            ModelState.AddModelError(nameof(Code), "Koden må højst være 50 tegn.");
        }
        else if (!CodeCharacters().IsMatch(code))
        {
            ModelState.AddModelError(nameof(Code), "Koden må kun have små bogstaver a–z, tal og bindestreg, fx »sekretariatet«.");
        }
        else if (departments.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Code), CodeTaken);
        }
    }

    /// <summary>The version of a department's name as the form shows it.</summary>
    private static Guid Shown(string name) => ShownVersion.Of(new { Name = name });

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CodeCharacters();
}

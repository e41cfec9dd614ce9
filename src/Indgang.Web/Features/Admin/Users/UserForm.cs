using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Users;

/// <summary>Choices shared by the create and edit pages.</summary>
internal static class UserForm
{
    public static async Task<List<SelectListItem>> DepartmentOptionsAsync(IndgangDbContext db, Guid? selected) =>
        [
            new SelectListItem("Ingen afdeling", "", selected is null),
            .. (await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync())
                .Select(d => new SelectListItem(d.Name, d.Id.ToString(), d.Id == selected)),
        ];

    /// <summary>Roles as one value, in the form's order ("Coordinator,Manager"): what an edit conflict compares and shows.</summary>
    public static string RoleList(IEnumerable<string> roles) => string.Join(",", Identity.Roles.All.Where(roles.Contains));

    public static IEnumerable<string> UnknownRoles(IEnumerable<string> roles) =>
        roles.Where(r => !Identity.Roles.All.Contains(r));

    /// <summary>The rules both the create and the edit page apply to roles and department.</summary>
    public static async Task ValidateRolesAndDepartmentAsync(IndgangDbContext db, IReadOnlyCollection<string> roles, Guid? departmentId, ModelStateDictionary modelState)
    {
        if (roles.Count == 0)
        {
            // With no role, the user signs in to a page that says they have no access, and to nothing else.
            modelState.AddModelError("Input.Roles", "Vælg mindst én rolle. Uden en rolle kan brugeren logge ind, men ikke se noget.");
        }
        else if (UnknownRoles(roles).Any())
        {
            modelState.AddModelError("Input.Roles", "Vælg kun roller fra listen.");
        }

        if (roles.Contains(Identity.Roles.DepartmentWorker) && departmentId is null)
        {
            modelState.AddModelError("Input.DepartmentId", "En fagmedarbejder skal høre til en afdeling.");
        }

        if (departmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id))
        {
            modelState.AddModelError("Input.DepartmentId", "Afdelingen findes ikke.");
        }
    }
}

using Indgang.Web.Data;
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

    public static IEnumerable<string> UnknownRoles(IEnumerable<string> roles) =>
        roles.Where(r => !Identity.Roles.All.Contains(r));
}

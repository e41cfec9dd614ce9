using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Users;

/// <summary>
/// A user as the list shows it: the roles by their Danish names (the localizer's keys, said in the reader's language by
/// the page); locked after wrong passwords for a while, or disabled by an administrator until enabled again.
/// </summary>
public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Department, bool LockedOut, bool Disabled = false);

public sealed class IndexModel(IndgangDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        Users = users.Select(u => new UserRow(
            u.Id,
            u.UserName ?? "",
            u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => Identity.Roles.DisplayName(r.Name ?? "")).ToList(),
            u.DepartmentId is { } d && departments.TryGetValue(d, out var name) ? name : null,
            u.LockoutEnd > now,
            u.LockoutEnd >= EditModel.DisabledUntil)).ToList();
    }
}

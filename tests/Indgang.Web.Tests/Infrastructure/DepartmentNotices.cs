using Indgang.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>The notices the departments get, read before and after a step that tells them.</summary>
public static class DepartmentNotices
{
    /// <summary>Every notice there is now, by id.</summary>
    public static Task<List<Guid>> NotificationIdsAsync(this IndgangAppFactory factory) =>
        factory.QueryAsync(db => db.Notifications.Select(n => n.Id).ToListAsync());

    /// <summary>The departments' notices that came after those <paramref name="before"/>, with each department's code, in order.</summary>
    public static Task<List<(string Text, string Department)>> NotificationsSinceAsync(this IndgangAppFactory factory, List<Guid> before) => factory.QueryAsync(async db =>
        (await (from n in db.Notifications.AsNoTracking()
                join d in db.Departments on n.DepartmentId equals d.Id
                select new { n.Id, n.Text, d.Code }).ToListAsync())
        .Where(n => !before.Contains(n.Id)).Select(n => (n.Text, n.Code)).Order().ToList());
}

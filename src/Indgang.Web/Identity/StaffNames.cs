using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Identity;

/// <summary>
/// The names staff are shown by, for the sign-in names the app stores as who did something (a placement run's
/// <c>CreatedBy</c>, a decision's <c>DecidedBy</c>). A user no longer there is shown by the sign-in name.
/// </summary>
public static class StaffNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(IndgangDbContext db, IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = userNames.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Users.AsNoTracking().Where(u => u.UserName != null && wanted.Contains(u.UserName))
            .Select(u => new { UserName = u.UserName!, u.DisplayName }).ToListAsync(cancellationToken);
        var names = found.Where(u => u.DisplayName.Length > 0).ToDictionary(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal);
        return wanted.ToDictionary(n => n, n => names.GetValueOrDefault(n, n), StringComparer.Ordinal);
    }
}

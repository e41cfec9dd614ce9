using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

public static class MunicipalityQueries
{
    /// <summary>
    /// The name of the municipality this installation serves, or null before one is set up. An installation serves one;
    /// should a second row ever appear, the first registered (by key) answers every time.
    /// </summary>
    public static Task<string?> MunicipalityNameAsync(this IndgangDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Municipalities.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken);
    }
}

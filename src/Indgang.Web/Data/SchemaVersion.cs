using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>
/// The database's schema against this version of Indgang, before the migrations run: the migrations this start will
/// apply (logged one by one, so that an upgrade can be told from a start with nothing to do), and a database already
/// migrated by a newer version refused. An older version started on it would run against a schema it does not know
/// (a rollback without restoring the backup taken before the upgrade, which the README says going back needs).
/// </summary>
internal static class SchemaVersion
{
    public static async Task<IReadOnlyList<string>> PendingOrRefuseNewerAsync(IndgangDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has been migrated by a newer version of Indgang ({string.Join(", ", unknown)} unknown to this version). "
                + "Start the newer version, or restore the backup taken before the upgrade to go back to this one.");
        }

        var done = applied.ToHashSet(StringComparer.Ordinal);
        return [.. known.Where(m => !done.Contains(m)).Order(StringComparer.Ordinal)];
    }
}

using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>Whether a failed save broke a unique index, on either database: the other party won a race.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            // SQLITE_CONSTRAINT_UNIQUE, or SQLITE_CONSTRAINT_PRIMARYKEY for a key the row's own (a responsibility's task
            // type, a user's role); PostgreSQL says 23505 for both.
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
            _ => false,
        };
    }
}

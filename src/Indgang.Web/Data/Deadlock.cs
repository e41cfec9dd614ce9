namespace Indgang.Web.Data;

/// <summary>
/// Whether a failed save was the one PostgreSQL chose to give way in a deadlock: two saves of the same new rows at the
/// same moment, inserted in a different order (EF orders them by their random keys), each waited for the other; the
/// other went through. (SQLite takes one writer at a time and never deadlocks so.)
/// </summary>
public static class Deadlock
{
    public static bool Is(Microsoft.EntityFrameworkCore.DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected };
    }
}

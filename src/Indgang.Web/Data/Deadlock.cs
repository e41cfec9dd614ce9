namespace Indgang.Web.Data;

/// <summary>
/// Whether a failed save was the one PostgreSQL chose to give way in a deadlock: two saves of the same new rows at the
/// same moment, inserted in a different order (EF orders them by their random keys), each waited for the other; the
/// other went through. (SQLite takes one writer at a time and never deadlocks so.)
/// </summary>
public static class Deadlock
{
    public static bool Is(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected } } => true,
            // Npgsql's execution strategy reports a transient failure, which a deadlock is, wrapped in this.
            InvalidOperationException { InnerException: Microsoft.EntityFrameworkCore.DbUpdateException inner } => Is(inner),
            _ => false,
        };
    }
}

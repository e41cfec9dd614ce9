using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Audit;

/// <summary>
/// The one way rows get into the audit log. Appends are serialised (SQLite: an immediate
/// transaction; PostgreSQL: a transaction-scoped advisory lock) so that each row can chain to the
/// hash of the row before it, also with several app servers.
/// </summary>
public sealed class AuditLog(IndgangDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string SystemActor = "system";

    // An arbitrary, fixed key for pg_advisory_xact_lock: "INDGANG" read as a number.
    private const long PostgresLockKey = 0x494E4447414E47;

    public Task RecordAsync(AuditAction action, Guid? subjectPersonId, string purpose, string? details = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var actor = context?.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? SystemActor : SystemActor;
        return RecordAsAsync(actor, action, subjectPersonId, purpose, details, cancellationToken);
    }

    public async Task RecordAsAsync(string actor, AuditAction action, Guid? subjectPersonId, string purpose, string? details = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var ownsTransaction = db.Database.CurrentTransaction is null;
        var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
            }

            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var entry = new AuditEntry(
                (last?.Sequence ?? 0) + 1,
                clock.GetUtcNow(),
                actor,
                action,
                subjectPersonId,
                purpose,
                ip,
                details,
                last?.Hash ?? AuditChain.GenesisHash);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}

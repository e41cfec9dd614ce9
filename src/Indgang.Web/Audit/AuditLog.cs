using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Audit;

/// <summary>
/// The one way rows get into the audit log. Appends are serialised (SQLite: an immediate
/// transaction; PostgreSQL: a transaction-scoped advisory lock) so that each row can chain to the
/// hash of the row before it, also with several app servers. Each row's hash is keyed with the <see cref="AuditChainKey"/>.
/// </summary>
public sealed class AuditLog(IndgangDbContext db, TimeProvider clock, IHttpContextAccessor http, AuditChainKey key)
{
    public const string SystemActor = "system";

    // An arbitrary, fixed key for pg_advisory_xact_lock: "INDGANG" read as a number.
    private const long PostgresLockKey = 0x494E4447414E47;

    public Task RecordAsync(AuditAction action, Guid? subjectPersonId, AuditPurpose purpose, string? details = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var actor = context?.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? SystemActor : SystemActor;
        return RecordAsAsync(actor, action, subjectPersonId, purpose, details, cancellationToken);
    }

    public Task RecordAsAsync(string actor, AuditAction action, Guid? subjectPersonId, AuditPurpose purpose, string? details = null, CancellationToken cancellationToken = default) =>
        AppendAsync(actor, [(action, subjectPersonId, purpose, details)], cancellationToken);

    /// <summary>
    /// One entry per subject, the same action and purpose (a page that shows several households reads each), appended
    /// in one go: one lock and one transaction for all, not one per entry.
    /// </summary>
    public Task RecordEachAsync(AuditAction action, IEnumerable<(Guid? Subject, string? Details)> subjects, AuditPurpose purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return RecordAllAsync(subjects.Select(s => (action, s.Subject, purpose, s.Details)), cancellationToken);
    }

    /// <summary>
    /// Entries of several actions or purposes (a page that shows persons and households in several lists), appended in one
    /// go as <see cref="RecordEachAsync"/> appends one action's.
    /// </summary>
    public Task RecordAllAsync(IEnumerable<(AuditAction Action, Guid? Subject, AuditPurpose Purpose, string? Details)> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var context = http.HttpContext;
        var actor = context?.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? SystemActor : SystemActor;
        return AppendAsync(actor, [.. entries], cancellationToken);
    }

    /// <summary>
    /// What a page or a list shows of people: each person (<see cref="AuditAction.PersonRead"/>) and each household
    /// (<see cref="AuditAction.HouseholdRead"/>, named by <see cref="Household"/>) recorded as read once, in one append.
    /// </summary>
    public Task RecordReadsAsync(AuditPurpose purpose, IEnumerable<Guid>? persons = null, IEnumerable<Guid>? households = null, CancellationToken cancellationToken = default) =>
        RecordAllAsync(
            [
                .. (persons ?? []).Distinct().Select(p => (AuditAction.PersonRead, (Guid?)p, purpose, (string?)null)),
                .. (households ?? []).Distinct().Select(h => (AuditAction.HouseholdRead, (Guid?)null, purpose, (string?)Household(h))),
            ],
            cancellationToken);

    /// <summary>The details that name a household read or changed: "Husstand {id}", and what else there is to say.</summary>
    public static string Household(Guid household, string? more = null) => more is null ? $"Husstand {household:D}" : $"Husstand {household:D}{more}";

    /// <summary>
    /// Said in the details where the user gave a reason (for a day 0 moved, a plan extended, a placement overridden, an
    /// offer declined), which is not copied here: a reason is free text, which may tell of health or family, and the log
    /// can be neither corrected nor erased, while the record that keeps the reason can; and the administrator, who reads
    /// the log, reads no case.
    /// </summary>
    public const string ReasonKeptInTheCase = "med begrundelse (gemt i sagen)";

    /// <summary>
    /// How long the start of the details that names a household is ("Husstand " and an id): the entries about a household
    /// are found by it, through an index on that start of the entries without a subject (migration AuditHouseholdIndex).
    /// </summary>
    public const int HouseholdNameLength = 45;

    private async Task AppendAsync(string actor, IReadOnlyList<(AuditAction Action, Guid? Subject, AuditPurpose Purpose, string? Details)> entries, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (entries.Count == 0)
        {
            return;
        }

        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Purpose);
        }

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
            var sequence = last?.Sequence ?? 0;
            var previousHash = last?.Hash ?? AuditChain.GenesisHash;
            foreach (var (action, subject, purpose, details) in entries)
            {
                var entry = new AuditEntry(++sequence, clock.GetUtcNow(), actor, action, subject, purpose.Text, ip, details, previousHash, key);
                db.AuditEntries.Add(entry);
                previousHash = entry.Hash;
            }

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

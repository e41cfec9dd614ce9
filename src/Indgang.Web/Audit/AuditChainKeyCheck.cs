using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Audit;

/// <summary>
/// At start, before anything is written to the audit log: the log's newest row verified with the configured
/// <see cref="AuditChainKey"/>. A changed key was taken without a word before; the rows written with it were chained with
/// the new key, no single key verified the log any more, and <c>--verify-audit</c> reported "ContentChanged", which reads
/// as tampering. Now the start is refused, with what to do. One row is read, not the chain: the newest row is the one the
/// next row chains to, and the app writes only keyed rows, so a newest row with a plain hash is an installation from
/// before the key (or a plain row after keyed ones, which the check reports as <c>PlainAfterKeyed</c>): it starts as before.
/// </summary>
internal static class AuditChainKeyCheck
{
    public static async Task EnsureLogWrittenWithAsync(IndgangDbContext db, AuditChainKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (newest is null || newest.ChainScheme != AuditChainScheme.HmacSha256 || AuditChain.HashHolds(newest, key))
        {
            return;
        }

        throw new InvalidOperationException(
            $"The configured audit chain key differs from the one the audit log was written with: the log's newest row (sequence {newest.Sequence}) " +
            $"does not verify with it. Nothing was written. Set {AuditChainKeySource.ConfigurationKey} (outside Production without it: the file " +
            $"{AuditChainKeySource.DevelopmentKeyFile} in the data folder) back to the key the log was written with, the same on every app server, " +
            "and never change it: rows written with another key would no longer verify with either. If the key is the one the log was written " +
            "with, that row was changed in the database: check the log with --verify-audit.");
    }
}

using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Audit;

/// <summary>
/// What a check of the audit log found: the rows checked, of them those with a plain hash (written before the chain
/// was keyed) and those keyed, the first break if any, and the last anchor the table was held to.
/// </summary>
public sealed record AuditVerification(long RowsChecked, long PlainRows, long KeyedRows, AuditChainBreak? FirstBreak, AuditAnchor? LastAnchor)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>
/// Streams the whole log in sequence order with the chain's key, holds it to every anchor kept outside the database,
/// and reports the first broken link or the rows missing at the end.
/// </summary>
public sealed class AuditChainVerifier(IndgangDbContext db, AuditChainKey key, AuditAnchors anchors)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var anchored = anchors.Read();
        var lastAnchor = AuditAnchors.Latest(anchored);
        var walker = new AuditChainWalker(key, anchored);
        var rows = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in rows.WithCancellation(cancellationToken))
        {
            if (walker.Accept(entry) is { } broken)
            {
                return new AuditVerification(walker.Checked, walker.Plain, walker.Keyed, broken, lastAnchor);
            }
        }

        return new AuditVerification(walker.Checked, walker.Plain, walker.Keyed, walker.Finish(), lastAnchor);
    }
}

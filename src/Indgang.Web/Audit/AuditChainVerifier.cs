using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Audit;

public sealed record AuditVerification(long RowsChecked, AuditChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>Streams the whole log in sequence order and reports the first broken link.</summary>
public sealed class AuditChainVerifier(IndgangDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var walker = new AuditChainWalker();
        var rows = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in rows.WithCancellation(cancellationToken))
        {
            if (walker.Accept(entry) is { } broken)
            {
                return new AuditVerification(walker.Checked, broken);
            }
        }

        return new AuditVerification(walker.Checked, null);
    }
}

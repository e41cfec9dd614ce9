using Indgang.Domain.Deadlines;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.RuleSets;

/// <summary>
/// Where deadline rules come from: the national rule sets (law, as data with effective dates) and
/// the municipality's overlay of stricter local targets (every version, each in force until the next of its kind).
/// </summary>
public sealed class RuleSetSource(IndgangDbContext db)
{
    public DeadlineRuleSetHistory National => NationalRuleSets.History;

    /// <summary>The local targets with their effective dates, for the deadline calculator to choose by each person's day 0.</summary>
    public async Task<IReadOnlyList<LocalTarget>> OverlayAsync(CancellationToken cancellationToken = default) =>
        (await OverlayHistoryAsync(cancellationToken)).Targets;

    public async Task<LocalTargetHistory> OverlayHistoryAsync(CancellationToken cancellationToken = default)
    {
        var entries = await db.LocalTargets.AsNoTracking().ToListAsync(cancellationToken);
        return new LocalTargetHistory(entries.Select(e => e.ToVersion()));
    }
}

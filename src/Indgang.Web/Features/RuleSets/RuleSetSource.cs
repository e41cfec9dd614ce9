using Indgang.Domain.Deadlines;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.RuleSets;

/// <summary>
/// Where deadline rules come from: the national rule sets (law, as data with effective dates) and
/// the municipality's overlay of stricter local targets (the newest version of each kind).
/// </summary>
public sealed class RuleSetSource(IndgangDbContext db)
{
    public DeadlineRuleSetHistory National => NationalRuleSets.History;

    public async Task<IReadOnlyList<LocalTarget>> OverlayAsync(CancellationToken cancellationToken = default)
    {
        var entries = await db.LocalTargets.AsNoTracking().ToListAsync(cancellationToken);
        return entries
            .GroupBy(e => e.Kind)
            .Select(g => g.MaxBy(e => e.VersionNumber)!)
            .Where(e => !e.Removed)
            .Select(e => e.ToTarget())
            .ToList();
    }
}

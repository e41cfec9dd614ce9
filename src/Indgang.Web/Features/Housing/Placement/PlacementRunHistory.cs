using System.Text.Json;
using Indgang.Placement;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>One earlier run as the placement page lists it. Its households are counted, not named.</summary>
public sealed record PlacementRunRow(
    Guid Id, DateTimeOffset CreatedAt, string CreatedBy, DateOnly PlanningDate, int Households,
    SolveStatus Status, double Gap, int Accepted, int Overridden, int Undecided);

/// <summary>The newest runs, newest first, and how many runs there are in all.</summary>
public sealed record PlacementRunList(IReadOnlyList<PlacementRunRow> Runs, int Total);

/// <summary>
/// The newest placement runs, so the coordinator can find one again: when and by whom, for which day, how many
/// households, how good the plan is, and how many of its suggestions are accepted, overridden or still undecided.
/// Only counts are read from a run, never a household's name, so the list reads no person data (the run's own page
/// does, and audits it).
/// </summary>
public sealed class PlacementRunHistory(IndgangDbContext db)
{
    public const int Shown = 20;

    public async Task<PlacementRunList> NewestAsync(CancellationToken cancellationToken = default)
    {
        var total = await db.PlacementRuns.CountAsync(cancellationToken);
        var runs = await db.PlacementRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(Shown)
            .Select(r => new { r.Id, r.CreatedAt, r.CreatedBy, r.PlanningDate, r.RequestJson, r.ResultJson })
            .ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var decisions = (await db.PlacementDecisions.AsNoTracking().Where(d => ids.Contains(d.RunId))
            .Select(d => new { d.RunId, d.HouseholdId, d.Kind }).ToListAsync(cancellationToken))
            .ToLookup(d => d.RunId);
        var staff = await StaffNames.ForAsync(db, runs.Select(r => r.CreatedBy), cancellationToken);

        return new PlacementRunList(
            runs.Select(r =>
            {
                var asked = JsonSerializer.Deserialize<AskedHouseholds>(r.RequestJson, PlacementRunner.Json)!;
                var plan = JsonSerializer.Deserialize<StoredOutcome>(r.ResultJson, PlacementRunner.Json)!.Optimized;
                var decided = decisions[r.Id].ToList();
                var decidedHouseholds = decided.Select(d => d.HouseholdId.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return new PlacementRunRow(
                    r.Id, r.CreatedAt, staff[r.CreatedBy], r.PlanningDate, asked.Households.Count, plan.Status, plan.Gap,
                    decided.Count(d => d.Kind == PlacementDecisionKind.Accepted),
                    decided.Count(d => d.Kind == PlacementDecisionKind.Overridden),
                    plan.Suggestions.Count(s => !decidedHouseholds.Contains(s.HouseholdId)));
            }).ToList(),
            total);
    }

    // The parts of the stored ask and outcome the list needs; the explanation terms are skipped, not built.
    private sealed record AskedHouseholds(IReadOnlyList<Guid> Households);

    private sealed record StoredOutcome(StoredPlan Optimized);

    private sealed record StoredPlan(IReadOnlyList<StoredSuggestion> Suggestions, double Gap, SolveStatus Status);

    private sealed record StoredSuggestion(string HouseholdId);
}

using System.Globalization;

namespace Indgang.Domain.Plans;

public enum PlanChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

public sealed record PlanChange(PlanChangeKind Kind, string What, string? Before, string? After);

/// <summary>What changed between two versions of a plan, for the "what changed" page.</summary>
public static class PlanDiff
{
    public static IReadOnlyList<PlanChange> Compare(PlanContent before, PlanContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<PlanChange>();

        var oldGoals = before.Goals.ToDictionary(g => g.Text, StringComparer.Ordinal);
        var newGoals = after.Goals.ToDictionary(g => g.Text, StringComparer.Ordinal);
        changes.AddRange(after.Goals.Where(g => !oldGoals.ContainsKey(g.Text)).Select(g => new PlanChange(PlanChangeKind.Added, "Mål", null, Describe(g))));
        changes.AddRange(before.Goals.Where(g => !newGoals.ContainsKey(g.Text)).Select(g => new PlanChange(PlanChangeKind.Removed, "Mål", Describe(g), null)));
        changes.AddRange(after.Goals
            .Where(g => oldGoals.TryGetValue(g.Text, out var old) && !old.SubGoals.SequenceEqual(g.SubGoals, StringComparer.Ordinal))
            .Select(g => new PlanChange(PlanChangeKind.Changed, "Mål", Describe(oldGoals[g.Text]), Describe(g))));

        var oldActivities = before.Activities.ToLookup(Key);
        var newActivities = after.Activities.ToLookup(Key);
        changes.AddRange(after.Activities.Where(a => !oldActivities.Contains(Key(a))).Select(a => new PlanChange(PlanChangeKind.Added, "Aktivitet", null, Describe(a))));
        changes.AddRange(before.Activities.Where(a => !newActivities.Contains(Key(a))).Select(a => new PlanChange(PlanChangeKind.Removed, "Aktivitet", Describe(a), null)));
        changes.AddRange(after.Activities
            .Where(a => oldActivities.Contains(Key(a)) && oldActivities[Key(a)].First() != a)
            .Select(a => new PlanChange(PlanChangeKind.Changed, "Aktivitet", Describe(oldActivities[Key(a)].First()), Describe(a))));
        return changes;
    }

    private static (ActivityKind, string) Key(PlanActivity a) => (a.Kind, a.Title);

    private static string Describe(PlanGoal goal) =>
        goal.SubGoals.Count == 0 ? goal.Text : $"{goal.Text} ({string.Join("; ", goal.SubGoals)})";

    private static string Describe(PlanActivity a) => string.Create(
        CultureInfo.InvariantCulture,
        $"{a.Title}: {a.Start:yyyy-MM-dd}–{(a.End is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "…")}, {a.Status}{(a.DepartmentName is null ? "" : ", " + a.DepartmentName)}");
}

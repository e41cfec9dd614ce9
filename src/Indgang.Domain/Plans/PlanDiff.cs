using System.Globalization;

namespace Indgang.Domain.Plans;

public enum PlanChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

public sealed record PlanChange(PlanChangeKind Kind, string What, string? Before, string? After);

/// <summary>
/// What changed between two versions of a plan, for the "what changed" page. A plan may hold the same goal or two
/// activities of the same kind and title (two "Jobsøgning" activities) more than once, so the versions are compared as
/// bags, not as lookups: an item left as it was is paired with its equal first, then what remains is paired in order with
/// an item under the same name (changed); what is still left over was added or removed.
/// </summary>
public static class PlanDiff
{
    /// <summary>
    /// The changes, an activity told by <paramref name="describeActivity"/> (the page says its kind, status and days in
    /// the reader's language); without it in a neutral form (ISO days, the status's name).
    /// </summary>
    public static IReadOnlyList<PlanChange> Compare(PlanContent before, PlanContent after, Func<PlanActivity, string>? describeActivity = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return
        [
            .. Match("Mål", before.Goals, after.Goals, g => g.Text, SameGoal, Describe),
            .. Match("Aktivitet", before.Activities, after.Activities, a => (a.Kind, a.Title), (a, b) => a == b, describeActivity ?? Describe),
        ];
    }

    /// <summary>
    /// The changes from one list to the other: added, removed, then changed, each in the order of the plan. Each item is
    /// paired once at most: first with an equal item, then with one under the same key.
    /// </summary>
    private static List<PlanChange> Match<T, TKey>(
        string what, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, TKey> key, Func<T, T, bool> same, Func<T, string> describe)
    {
        var pairedBefore = new bool[before.Count];
        var pairedWith = new int?[after.Count];
        PairAll(before, after, pairedBefore, pairedWith, same);
        PairAll(before, after, pairedBefore, pairedWith, (b, a) => EqualityComparer<TKey>.Default.Equals(key(b), key(a)));

        var changes = new List<PlanChange>();
        changes.AddRange(Enumerable.Range(0, after.Count).Where(i => pairedWith[i] is null)
            .Select(i => new PlanChange(PlanChangeKind.Added, what, null, describe(after[i]))));
        changes.AddRange(Enumerable.Range(0, before.Count).Where(i => !pairedBefore[i])
            .Select(i => new PlanChange(PlanChangeKind.Removed, what, describe(before[i]), null)));
        changes.AddRange(Enumerable.Range(0, after.Count).Where(i => pairedWith[i] is { } b && !same(before[b], after[i]))
            .Select(i => new PlanChange(PlanChangeKind.Changed, what, describe(before[pairedWith[i]!.Value]), describe(after[i]))));
        return changes;
    }

    /// <summary>Pairs each unpaired item of the new list with the first unpaired item of the old one that fits.</summary>
    private static void PairAll<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, bool[] pairedBefore, int?[] pairedWith, Func<T, T, bool> fits)
    {
        for (var i = 0; i < after.Count; i++)
        {
            if (pairedWith[i] is not null)
            {
                continue;
            }

            for (var b = 0; b < before.Count; b++)
            {
                if (!pairedBefore[b] && fits(before[b], after[i]))
                {
                    pairedBefore[b] = true;
                    pairedWith[i] = b;
                    break;
                }
            }
        }
    }

    private static bool SameGoal(PlanGoal a, PlanGoal b) =>
        string.Equals(a.Text, b.Text, StringComparison.Ordinal) && a.SubGoals.SequenceEqual(b.SubGoals, StringComparer.Ordinal);

    private static string Describe(PlanGoal goal) =>
        goal.SubGoals.Count == 0 ? goal.Text : $"{goal.Text} ({string.Join("; ", goal.SubGoals)})";

    private static string Describe(PlanActivity a) => string.Create(
        CultureInfo.InvariantCulture,
        $"{a.Title}: {a.Start:yyyy-MM-dd}–{(a.End is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "…")}, {a.Status}{(a.DepartmentName is null ? "" : ", " + a.DepartmentName)}");
}

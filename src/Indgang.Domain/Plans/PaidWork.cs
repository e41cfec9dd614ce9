namespace Indgang.Domain.Plans;

/// <summary>
/// The activities of "Min plan" that are work with a wage: an ordinary job, IGU (integrationsgrunduddannelse, paid as a
/// trainee) and løntilskud. When one begins for a member of a household in temporary housing, the household can afford
/// a permanent home, and Jobberiet is to motivate it to move on (seed 001: "Motivere flygtningene til at flytte i
/// permanente boliger, når de opnår beskæftigelse"). Company internships are unpaid and not counted.
/// </summary>
public static class PaidWork
{
    public static IReadOnlyList<ActivityKind> Kinds { get; } = [ActivityKind.Employment, ActivityKind.Igu, ActivityKind.WageSubsidy];

    /// <summary>
    /// The paid work a saved plan adds, planned or going on: the earliest to start of those not in the plan before (the
    /// same kind and start), or null when the save adds none.
    /// </summary>
    public static PlanActivity? Begun(PlanContent before, PlanContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.Activities
            .Where(a => Kinds.Contains(a.Kind) && a.Status is ActivityStatus.Planned or ActivityStatus.Ongoing)
            .Where(a => !before.Activities.Any(b => b.Kind == a.Kind && b.Start == a.Start && b.Status is ActivityStatus.Planned or ActivityStatus.Ongoing))
            .OrderBy(a => a.Start)
            .FirstOrDefault();
    }
}

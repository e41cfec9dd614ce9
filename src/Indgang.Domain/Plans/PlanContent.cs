namespace Indgang.Domain.Plans;

public sealed record PlanGoal(string Text, IReadOnlyList<string> SubGoals);

public sealed record PlanActivity(ActivityKind Kind, string Title, string? DepartmentName, DateOnly Start, DateOnly? End, ActivityStatus Status);

/// <summary>What one version of a plan says: goals with sub-goals, and activities.</summary>
public sealed record PlanContent(IReadOnlyList<PlanGoal> Goals, IReadOnlyList<PlanActivity> Activities)
{
    public static PlanContent Empty { get; } = new([], []);
}

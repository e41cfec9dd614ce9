namespace Indgang.Domain.Plans;

public sealed record PlanGoal(string Text, IReadOnlyList<string> SubGoals)
{
    /// <summary>The longest goal: a sentence or two the citizen can read on the printed plan.</summary>
    public const int TextLength = 500;

    /// <summary>The longest of a goal's sub-goals, each a line of its own.</summary>
    public const int SubGoalLength = 500;

    /// <summary>The most sub-goals under one goal.</summary>
    public const int MostSubGoals = 20;
}

public sealed record PlanActivity(ActivityKind Kind, string Title, string? DepartmentName, DateOnly Start, DateOnly? End, ActivityStatus Status)
{
    /// <summary>The longest activity title.</summary>
    public const int TitleLength = 200;
}

/// <summary>What one version of a plan says: goals with sub-goals, and activities.</summary>
public sealed record PlanContent(IReadOnlyList<PlanGoal> Goals, IReadOnlyList<PlanActivity> Activities)
{
    public static PlanContent Empty { get; } = new([], []);
}

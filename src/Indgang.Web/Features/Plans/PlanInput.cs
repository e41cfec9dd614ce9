using Indgang.Domain.Plans;

namespace Indgang.Web.Features.Plans;

public sealed class GoalInput
{
    public string? Text { get; set; }

    /// <summary>One sub-goal per line.</summary>
    public string? SubGoals { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(SubGoals);
}

public sealed class ActivityInput
{
    public ActivityKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? DepartmentName { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Planned;

    /// <summary>
    /// Nothing chosen or written in the row: left out of the plan. A department or a status chosen alone is something, and
    /// is refused for what it lacks rather than dropped without a word.
    /// </summary>
    public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(DepartmentName) && Start is null && End is null
        && Status == ActivityStatus.Planned;
}

public sealed class PlanInput
{
    public Guid? Version { get; set; }
    public List<GoalInput> Goals { get; set; } = [];
    public List<ActivityInput> Activities { get; set; } = [];

    /// <summary>The blank goal rows the form always offers after the goals written in.</summary>
    public const int BlankGoalRows = 1;

    /// <summary>The blank activity rows the form always offers after the activities written in.</summary>
    public const int BlankActivityRows = 2;

    public static PlanInput From(PlanContent content, Guid? version, int goalRows, int activityRows)
    {
        var input = new PlanInput
        {
            Version = version,
            Goals = content.Goals.Select(g => new GoalInput { Text = g.Text, SubGoals = string.Join('\n', g.SubGoals) }).ToList(),
            Activities = content.Activities.Select(a => new ActivityInput { Kind = a.Kind, Title = a.Title, DepartmentName = a.DepartmentName, Start = a.Start, End = a.End, Status = a.Status }).ToList(),
        };
        input.Pad(goalRows, activityRows);
        return input;
    }

    /// <summary>
    /// Rows enough for the form: at least <paramref name="goalRows"/> and <paramref name="activityRows"/>, and always
    /// <see cref="BlankGoalRows"/> and <see cref="BlankActivityRows"/> blank rows after the last one written in, so that
    /// a plan is never full: the next goal or activity has a row however many the plan holds.
    /// </summary>
    public void Pad(int goalRows, int activityRows)
    {
        var goals = Math.Max(goalRows, Goals.FindLastIndex(g => !g.IsBlank) + 1 + BlankGoalRows);
        while (Goals.Count < goals)
        {
            Goals.Add(new GoalInput());
        }

        var activities = Math.Max(activityRows, Activities.FindLastIndex(a => !a.IsBlank) + 1 + BlankActivityRows);
        while (Activities.Count < activities)
        {
            Activities.Add(new ActivityInput());
        }
    }

    public PlanContent ToContent() => new(
        Goals.Where(g => !g.IsBlank).Select(g => new PlanGoal(
            g.Text!.Trim(),
            (g.SubGoals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList(),
        Activities.Where(a => !a.IsBlank).Select(a => new PlanActivity(
            a.Kind!.Value,
            string.IsNullOrWhiteSpace(a.Title) ? PlanTexts.Kind(a.Kind!.Value) : a.Title.Trim(),
            string.IsNullOrWhiteSpace(a.DepartmentName) ? null : a.DepartmentName,
            a.Start!.Value,
            a.End,
            a.Status)).ToList());
}

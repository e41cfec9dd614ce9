namespace Indgang.Domain.Reception;

/// <summary>
/// The tasks a move into or out of one of the municipality's units brings (HOUSE-2), each due on the day of the move:
/// at move-in the lease, the keys and the house-rules introduction; at move-out the end of the lease, the keys handed
/// back and the inspection of the unit before the next household moves in.
/// </summary>
public static class MoveTasks
{
    public static IReadOnlyList<TaskType> MoveIn { get; } = [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction];

    public static IReadOnlyList<TaskType> MoveOut { get; } = [TaskType.LeaseTermination, TaskType.KeyReturn, TaskType.MoveOutInspection];

    /// <summary>The Danish name of a move's task, or null for a type no move brings.</summary>
    public static string? Title(TaskType type) => type switch
    {
        TaskType.LeaseContract => "Lejekontrakt",
        TaskType.KeyHandover => "Nøgleoverdragelse",
        TaskType.HouseRulesIntroduction => "Introduktion til husorden, affaldssortering og energi",
        TaskType.LeaseTermination => "Afslutning af lejekontrakt",
        TaskType.KeyReturn => "Aflevering af nøgler",
        TaskType.MoveOutInspection => "Fraflytningssyn",
        _ => null,
    };

    /// <summary>The household's tasks of a move on <paramref name="day"/>, named with the unit's label.</summary>
    public static IReadOnlyList<PlannedTask> Plan(IEnumerable<TaskType> types, DateOnly day, string unitLabel)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitLabel);
        return [.. types.Select(type => new PlannedTask(type, day, null, $"{Title(type) ?? throw new ArgumentException($"{type} is not a task of a move.", nameof(types))} – {unitLabel.Trim()}"))];
    }
}

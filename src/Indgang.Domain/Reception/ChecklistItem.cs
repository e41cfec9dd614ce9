namespace Indgang.Domain.Reception;

/// <summary>One line of an arrival checklist template: due <paramref name="OffsetDays"/> days after the anchor.</summary>
/// <param name="Type">The task.</param>
/// <param name="Anchor">What the offset is counted from.</param>
/// <param name="OffsetDays">Days after the anchor the task is due.</param>
/// <param name="Scope">One task for the household or one per member.</param>
/// <param name="DanishTitle">The task's title in the UI.</param>
public sealed record ChecklistItem(TaskType Type, TaskAnchor Anchor, int OffsetDays, TaskScope Scope, string DanishTitle);

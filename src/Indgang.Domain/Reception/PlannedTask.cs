namespace Indgang.Domain.Reception;

/// <param name="Type">The task.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="MemberIndex">The member (index into the members passed in) a personal task is for; null for a household task.</param>
/// <param name="Title">The Danish title, with the member's first name for a personal task.</param>
public sealed record PlannedTask(TaskType Type, DateOnly DueDate, int? MemberIndex, string Title);

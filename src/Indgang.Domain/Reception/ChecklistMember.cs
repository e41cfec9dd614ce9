namespace Indgang.Domain.Reception;

/// <param name="BirthDate">Decides whether the member counts as a child (under 18 on the arrival date).</param>
/// <param name="FirstName">Put in the title of the member's own tasks, when given.</param>
public sealed record ChecklistMember(DateOnly BirthDate, string? FirstName = null);

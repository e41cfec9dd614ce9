namespace Indgang.Domain.Deadlines;

/// <summary>
/// The status of one due date: the legal date and a local target are evaluated separately, so a task
/// can be on time by law and late by the municipality's own target.
/// </summary>
public static class DeadlineEvaluation
{
    /// <summary>
    /// Completed on or before the due date is met, after it met late. Not completed: overdue from the day
    /// after the due date, due soon from <paramref name="dueSoonDays"/> days before it up to and including the due date.
    /// </summary>
    public static DeadlineStatus Evaluate(DateOnly dueDate, DateOnly today, DateOnly? completedOn, int dueSoonDays = 14)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);

        if (completedOn is { } completed)
        {
            return completed <= dueDate ? DeadlineStatus.Met : DeadlineStatus.MetLate;
        }

        if (today > dueDate)
        {
            return DeadlineStatus.Overdue;
        }

        return dueDate.DayNumber - today.DayNumber <= dueSoonDays ? DeadlineStatus.DueSoon : DeadlineStatus.Open;
    }
}

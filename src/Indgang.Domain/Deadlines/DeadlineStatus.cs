namespace Indgang.Domain.Deadlines;

/// <summary>Stable numbers: they are stored.</summary>
public enum DeadlineStatus
{
    Met = 1,
    MetLate = 2,
    Open = 3,
    DueSoon = 4,
    Overdue = 5,
}

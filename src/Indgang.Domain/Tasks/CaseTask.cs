using Indgang.Domain.Reception;

namespace Indgang.Domain.Tasks;

/// <summary>
/// One department's part of a household's reception, with a due date. Two people may act on the
/// same task at once, so it carries a concurrency token that changes on every change.
/// </summary>
public sealed class CaseTask
{
    public CaseTask(Guid householdId, Guid? personId, TaskType type, Guid departmentId, string title, DateOnly dueDate, Guid? occupancyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        HouseholdId = householdId;
        PersonId = personId;
        Type = type;
        DepartmentId = departmentId;
        Title = title.Trim();
        DueDate = dueDate;
        OccupancyId = occupancyId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid HouseholdId { get; private set; }

    /// <summary>The member the task is about (e.g. the child a school offer is for), if not the whole household.</summary>
    public Guid? PersonId { get; private set; }
    public TaskType Type { get; private set; }

    /// <summary>
    /// The stay (<see cref="Housing.Occupancy"/>) whose move in or move out the task is for (<see cref="MoveTasks.OfStayMoveIn"/>,
    /// <see cref="MoveTasks.MoveOut"/>). A move-out task follows the move-out day when that changes and closes when the
    /// move out is called off; a move-in task closes when the move in is called off, and no other stay's move takes it
    /// over. Null for every other task, and for a lease or keys task made at registration before the household had a
    /// home, until its first move-in takes it (<see cref="MovesInWith"/>); null again once a called-off stay is removed.
    /// </summary>
    public Guid? OccupancyId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Title { get; private set; }
    public DateOnly DueDate { get; private set; }
    public CaseTaskStatus Status { get; private set; } = CaseTaskStatus.Open;
    public string? AssigneeUserId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByUserId { get; private set; }
    /// <summary>Why the task was closed as not needed, in Danish: as typed by the one who closed it, or as the app said it.</summary>
    public string? NotNeededReason { get; private set; }

    /// <summary>
    /// The reason the app closed the task with (a move called off, a household that moves on), with what goes into it kept
    /// apart, so that it is said in the reader's language (PLAT-5). Null on a reason typed by a person, which is shown as
    /// typed, and on tasks closed before it was kept: those are shown as <see cref="NotNeededReason"/>.
    /// </summary>
    public Said? NotNeededMessage { get; private set; }

    /// <summary>The longest reason a task is closed as not needed with, as its column holds it: the queue checks it first.</summary>
    public const int NotNeededReasonLength = 1000;

    /// <summary>The longest title a task has, as its column holds it (a title named with a home is cut to it: <see cref="Reception.MoveTasks"/>).</summary>
    public const int TitleLength = 300;
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsClosed => Status is CaseTaskStatus.Done or CaseTaskStatus.NotNeeded;

    public bool IsOverdueOn(DateOnly today) => !IsClosed && DueDate < today;

    /// <summary>Moves the due date, e.g. a lease task to the actual move-in day.</summary>
    public void Reschedule(DateOnly dueDate)
    {
        EnsureOpen();
        DueDate = dueDate;
        Touch();
    }

    /// <summary>An open task named anew, when what it names was typed wrong (the address of the home a move is to).</summary>
    public void Rename(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        EnsureOpen();
        if (Title == title.Trim())
        {
            return;
        }

        Title = title.Trim();
        Touch();
    }

    /// <summary>
    /// A task of the arrival checklist made before the household had a home (its lease, its keys) is the move-in's of its
    /// first stay: moved to the move-in day and tied to the stay, as the tasks that move-in makes are.
    /// </summary>
    public void MovesInWith(Guid occupancyId, DateOnly moveIn)
    {
        EnsureOpen();
        OccupancyId = occupancyId;
        DueDate = moveIn;
        Touch();
    }

    /// <summary>
    /// An open task of a move handed to the stay it is now about, due on <paramref name="dueDate"/>: the tasks of an
    /// accepted permanent home, when the acceptance is undone and the household stays in our permanent unit.
    /// </summary>
    public void HandedTo(Guid occupancyId, DateOnly dueDate)
    {
        EnsureOpen();
        OccupancyId = occupancyId;
        DueDate = dueDate;
        Touch();
    }

    public void Take(string userId)
    {
        EnsureOpen();
        AssigneeUserId = userId;
        Status = CaseTaskStatus.Taken;
        Touch();
    }

    /// <summary>
    /// A taken task put back (»Læg tilbage«): open again and free for any of its department to take, when it was taken by
    /// mistake or by one who is now away.
    /// </summary>
    public void Release()
    {
        if (Status != CaseTaskStatus.Taken)
        {
            throw new InvalidOperationException("The task is not taken.");
        }

        AssigneeUserId = null;
        Status = CaseTaskStatus.Open;
        Touch();
    }

    public void Complete(string userId, DateTimeOffset at)
    {
        EnsureOpen();
        Status = CaseTaskStatus.Done;
        AssigneeUserId ??= userId;
        ClosedByUserId = userId;
        ClosedAt = at;
        Touch();
    }

    /// <summary>Closed as not needed for a reason the app gives (<see cref="NotNeededMessage"/>), its Danish text kept too.</summary>
    public void CloseAsNotNeeded(string userId, Said reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reason);
        CloseAsNotNeeded(userId, reason.ToString(), at);
        NotNeededMessage = reason;
    }

    /// <summary>
    /// A task the app closed as not needed, its reason said anew when what the reason names was typed wrong (the address
    /// of the home that made it not needed), so that it names it as it is now; when and by whom it was closed stay.
    /// </summary>
    public void RestateNotNeeded(Said reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Status != CaseTaskStatus.NotNeeded)
        {
            throw new InvalidOperationException("The task is not closed as not needed.");
        }

        NotNeededReason = reason.ToString().Trim();
        NotNeededMessage = reason;
        Touch();
    }

    /// <summary>Closed as not needed for a reason a person typed, kept as typed.</summary>
    public void CloseAsNotNeeded(string userId, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureOpen();
        Status = CaseTaskStatus.NotNeeded;
        NotNeededReason = reason.Trim();
        ClosedByUserId = userId;
        ClosedAt = at;
        Touch();
    }

    /// <summary>
    /// A task closed by mistake (a click on the wrong card), open again: taken by whoever had it, or by the one who
    /// completed it, and otherwise free; when and by whom it was closed, and why not needed, are gone with the closing.
    /// </summary>
    public void Reopen()
    {
        if (!IsClosed)
        {
            throw new InvalidOperationException("The task is not closed.");
        }

        Status = AssigneeUserId is null ? CaseTaskStatus.Open : CaseTaskStatus.Taken;
        ClosedAt = null;
        ClosedByUserId = null;
        NotNeededReason = null;
        NotNeededMessage = null;
        Touch();
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("The task is already closed.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}

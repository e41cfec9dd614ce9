namespace Indgang.Domain.Notifications;

/// <summary>An in-app notice to one user, or to everyone in a department (TASK-3).</summary>
public sealed class Notification
{
    /// <summary>
    /// A notice of <paramref name="message"/>, shown in the reader's language (<see cref="Message"/>); its Danish text is
    /// kept too (<see cref="Text"/>).
    /// </summary>
    public Notification(string? recipientUserId, Guid? departmentId, Said message, string link, DateTimeOffset createdAt)
        : this(recipientUserId, departmentId, (message ?? throw new ArgumentNullException(nameof(message))).ToString(), link, createdAt) =>
        Message = message;

    /// <summary>A notice of a Danish text, shown as it is.</summary>
    public Notification(string? recipientUserId, Guid? departmentId, string text, string link, DateTimeOffset createdAt)
    {
        if (recipientUserId is null && departmentId is null)
        {
            throw new ArgumentException("A notification needs a recipient user or department.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        RecipientUserId = recipientUserId;
        DepartmentId = departmentId;
        // Names and addresses typed at their longest can make a notice longer than its column: cut with an ellipsis (the
        // link leads to the whole), as PostgreSQL would refuse it and the watch that raises it would fail for everyone.
        Text = text.Length > TextLength ? string.Concat(text.AsSpan(0, TextLength - 1), "…") : text;
        Link = link;
        CreatedAt = createdAt;
    }

    /// <summary>For EF Core, which sets the properties as read (either constructor would fit a row).</summary>
    private Notification()
    {
        Text = "";
        Link = "";
    }

    /// <summary>The longest text, as its column holds it.</summary>
    public const int TextLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string? RecipientUserId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    /// <summary>The notice in Danish, as it was raised; cut at <see cref="TextLength"/>.</summary>
    public string Text { get; private set; }

    /// <summary>
    /// The notice with what goes into it kept apart, so that it is said in the reader's language (PLAT-5). Null on notices
    /// from before it was kept and on those raised as a text: those are shown as <see cref="Text"/>.
    /// </summary>
    public Said? Message { get; private set; }
    public string Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The household the notice is about, whose name its text holds: showing the notice is a read of the household, and
    /// is audited as one. Null on notices from before it was kept.
    /// </summary>
    public Guid? HouseholdId { get; set; }

    /// <summary>A key that stops the same notice being raised twice (e.g. "due-soon:{taskId}:{dueDate}").</summary>
    public string? DedupKey { get; set; }
}

namespace Indgang.Domain.Deadlines;

/// <summary>
/// The coordinator's record that a deadline was met (e.g. the health assessment was offered on a
/// date). The integration contract's deadline is met by the signed contract itself instead.
/// </summary>
public sealed class DeadlineCompletion
{
    public DeadlineCompletion(Guid personId, DeadlineKind kind, DateOnly completedOn, string recordedBy, DateTimeOffset recordedAt)
    {
        PersonId = personId;
        Kind = kind;
        CompletedOn = completedOn;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PersonId { get; private set; }
    public DeadlineKind Kind { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

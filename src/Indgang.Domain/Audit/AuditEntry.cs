namespace Indgang.Domain.Audit;

/// <summary>
/// One row of the append-only audit log. <see cref="Hash"/> covers the row's content and the
/// previous row's hash, so editing or deleting any row breaks the chain from that row on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>
    /// The most characters of <see cref="Details"/> kept. Details quote what users typed (a failed sign-in's user name),
    /// and an entry must never be refused for its length: a longer text is cut and ends in "…".
    /// </summary>
    public const int DetailsLength = 2000;

    public AuditEntry(
        long sequence,
        DateTimeOffset occurredAt,
        string actor,
        AuditAction action,
        Guid? subjectPersonId,
        string purpose,
        string? ipAddress,
        string? details,
        string previousHash)
    {
        Sequence = sequence;
        OccurredAt = AuditChain.Normalise(occurredAt);
        Actor = actor;
        Action = action;
        SubjectPersonId = subjectPersonId;
        Purpose = purpose;
        IpAddress = ipAddress;
        Details = details is { Length: > DetailsLength } ? string.Concat(details.AsSpan(0, DetailsLength - 1), "…") : details;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    /// <summary>Position in the chain, 1, 2, 3 … assigned under a lock, never reused.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>User name, or "system" for the application itself.</summary>
    public string Actor { get; private set; }
    public AuditAction Action { get; private set; }
    public Guid? SubjectPersonId { get; private set; }
    public string Purpose { get; private set; }
    public string? IpAddress { get; private set; }
    public string? Details { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }
}

namespace Indgang.Domain.Audit;

/// <summary>
/// One row of the append-only audit log. <see cref="Hash"/> covers the row's content and the
/// previous row's hash, so editing or deleting any row breaks the chain from that row on. The hash is keyed with the
/// <see cref="AuditChainKey"/> (<see cref="ChainScheme"/>), so it cannot be recomputed without the key.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>
    /// The most characters of <see cref="Details"/> kept. Details quote what users typed (a failed sign-in's user name),
    /// and an entry must never be refused for its length: a longer text is cut and ends in "…".
    /// </summary>
    public const int DetailsLength = 2000;

    /// <summary>A new entry, its hash keyed with <paramref name="key"/>; without one, a plain hash (as rows before the key had).</summary>
    public AuditEntry(
        long sequence,
        DateTimeOffset occurredAt,
        string actor,
        AuditAction action,
        Guid? subjectPersonId,
        string purpose,
        string? ipAddress,
        string? details,
        string previousHash,
        AuditChainKey? key)
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
        ChainScheme = key is null ? AuditChainScheme.Sha256 : AuditChainScheme.HmacSha256;
        Hash = AuditChain.ComputeHash(this, key);
    }

    /// <summary>For EF Core, which reads the stored values into the properties.</summary>
    private AuditEntry()
    {
        Actor = Purpose = PreviousHash = Hash = "";
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

    /// <summary>How <see cref="Hash"/> was made: keyed, or plain for the rows written before the chain was keyed.</summary>
    public AuditChainScheme ChainScheme { get; private set; }
}

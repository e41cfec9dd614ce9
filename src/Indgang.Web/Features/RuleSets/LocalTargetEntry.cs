using Indgang.Domain.Deadlines;

namespace Indgang.Web.Features.RuleSets;

/// <summary>
/// One version of a municipal local target (the overlay, PLAN-3). Rows are never changed: an edit
/// adds a new version for the same kind, and a removal adds a version with <see cref="Removed"/> set,
/// so the overlay's history stays readable. The newest version of each kind is the one in force.
/// </summary>
public sealed class LocalTargetEntry
{
    public LocalTargetEntry(DeadlineKind kind, int months, int weeks, int days, DateOnly effectiveFrom, string source, bool removed, string changedBy, DateTimeOffset changedAt, int versionNumber)
    {
        Kind = kind;
        Months = months;
        Weeks = weeks;
        Days = days;
        EffectiveFrom = effectiveFrom;
        Source = source;
        Removed = removed;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        VersionNumber = versionNumber;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public DeadlineKind Kind { get; private set; }
    public int Months { get; private set; }
    public int Weeks { get; private set; }
    public int Days { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public string Source { get; private set; }
    public bool Removed { get; private set; }
    public string ChangedBy { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public int VersionNumber { get; private set; }

    public Period Period => new(Months: Months, Weeks: Weeks, Days: Days);

    public LocalTarget ToTarget() => new(Kind, Period, EffectiveFrom, null, Source);
}

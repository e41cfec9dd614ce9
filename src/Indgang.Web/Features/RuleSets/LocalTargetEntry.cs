using Indgang.Domain.Deadlines;

namespace Indgang.Web.Features.RuleSets;

/// <summary>
/// One version of a municipal local target (the overlay, PLAN-3). Rows are never changed: an edit
/// adds a new version for the same kind, and a removal adds a version with <see cref="Removed"/> set, dated from the day
/// the target ends, so the overlay's history stays readable. Each version is in force from its <see cref="EffectiveFrom"/>
/// until the next version of its kind takes effect (<see cref="LocalTargetHistory"/>), so a change never acts backwards.
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

    /// <summary>The longest source, as its column holds it: the rule set page checks it first.</summary>
    public const int SourceLength = 300;

    /// <summary>
    /// The most months, weeks and days a target may be of each: ten years, longer than any deadline in the law (a target
    /// is stricter than the law). A larger number is a typing error, and a period beyond the calendar would break every
    /// deadline counted with it.
    /// </summary>
    public const int MostMonths = 120;

    public const int MostWeeks = 520;

    public const int MostDays = 3650;

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

    public LocalTargetVersion ToVersion() => new(Kind, VersionNumber, EffectiveFrom, Removed ? null : Period, Source);
}

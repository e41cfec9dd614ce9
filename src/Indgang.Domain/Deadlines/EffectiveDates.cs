namespace Indgang.Domain.Deadlines;

/// <summary>
/// When a rule is in force: from its first day to its last, both inclusive, the last null while it has no end. The
/// national rule sets and the local targets are chosen by the person's day 0 alike.
/// </summary>
public static class EffectiveDates
{
    public static bool Cover(DateOnly from, DateOnly? to, DateOnly date) => date >= from && (to is not { } last || date <= last);

    /// <summary>The last day of a rule followed by one in force from <paramref name="nextFrom"/>: the day before.</summary>
    public static DateOnly EndBefore(DateOnly nextFrom) => nextFrom.AddDays(-1);
}

namespace Indgang.Domain.Deadlines;

/// <summary>
/// A municipality's own target for a deadline, stricter than the law (e.g. Allerød: health check within
/// 3 months). Counted from the same anchor as the legal rule and chosen by the person's day 0 like a
/// rule set. Whether it is stricter can depend on the date ("4 weeks" against "1 month"), so it is
/// judged per person: a target landing after the legal date is ignored for that person. Its end is the day before the
/// next version of the municipality's target for the kind takes effect (<see cref="LocalTargetHistory"/>).
/// </summary>
public sealed record LocalTarget(DeadlineKind Kind, Period Period, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Source)
{
    public bool IsInForceOn(DateOnly date) => EffectiveDates.Cover(EffectiveFrom, EffectiveTo, date);
}

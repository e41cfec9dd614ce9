namespace Indgang.Domain.Deadlines;

/// <summary>
/// The municipality's local targets over time, from every saved version. Each kind's versions are laid out by the day they
/// take effect: each is in force until the day before the next one of its kind (a removal is such a next one, and ends the
/// target), the last has no end. Of two versions from the same day, the later saved replaces the earlier, which is never
/// in force. So a change or a removal acts from its own date on, never backwards: a person is judged by the version in
/// force on their day 0, as by the national rule sets.
/// </summary>
public sealed class LocalTargetHistory
{
    public LocalTargetHistory(IEnumerable<LocalTargetVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var periods = new List<LocalTargetPeriod>();
        foreach (var kind in versions.GroupBy(version => version.Kind).OrderBy(group => group.Key))
        {
            var effective = kind
                .GroupBy(version => version.EffectiveFrom)
                .Select(sameDay => sameDay.MaxBy(version => version.VersionNumber)!)
                .OrderBy(version => version.EffectiveFrom)
                .ToList();
            for (var i = 0; i < effective.Count; i++)
            {
                DateOnly? to = i + 1 < effective.Count ? EffectiveDates.EndBefore(effective[i + 1].EffectiveFrom) : null;
                periods.Add(new LocalTargetPeriod(effective[i], to));
            }
        }

        Periods = periods;
        Targets = [.. periods
            .Where(period => period.Version.Period is not null)
            .Select(period => new LocalTarget(period.Version.Kind, period.Version.Period!.Value, period.Version.EffectiveFrom, period.EffectiveTo, period.Version.Source))];
    }

    /// <summary>The versions that are in force for a time (removals too), by kind and date, each with its last day.</summary>
    public IReadOnlyList<LocalTargetPeriod> Periods { get; }

    /// <summary>The targets with their effective dates, for the deadline calculator to choose by day 0.</summary>
    public IReadOnlyList<LocalTarget> Targets { get; }

    /// <summary>The kind's target in force on the date; null when none is (before the first, or after a removal).</summary>
    public LocalTarget? InForceOn(DeadlineKind kind, DateOnly date) => Targets.FirstOrDefault(target => target.Kind == kind && target.IsInForceOn(date));

    /// <summary>The version's time in force; null when a later version from the same day replaced it (never in force).</summary>
    public LocalTargetPeriod? PeriodOf(DeadlineKind kind, int versionNumber) =>
        Periods.FirstOrDefault(period => period.Version.Kind == kind && period.Version.VersionNumber == versionNumber);
}

/// <summary>A version of a local target and its last day in force (null: no end yet).</summary>
public sealed record LocalTargetPeriod(LocalTargetVersion Version, DateOnly? EffectiveTo);

using System.Globalization;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Deadlines;

/// <summary>
/// "Encode every rule as data with an effective date; a municipality may add stricter local targets on top": a local
/// target's versions are in force one after the other by their dates, and a person is judged by the one in force on
/// their day 0, so a change or a removal never acts backwards.
/// </summary>
public class LocalTargetHistoryTests
{
    private const DeadlineKind Health = DeadlineKind.HealthAssessmentOffer;

    /// <summary>
    /// Allerød's health check within 3 months from 2023 (version 1), then 2 months from 2027 (version 2): a day 0 in 2026
    /// is judged by version 1, one in 2027 by version 2.
    /// </summary>
    [Theory]
    [InlineData("2022-12-31", null)] // before any version
    [InlineData("2023-01-01", "2023-04-01")] // version 1's first day
    [InlineData("2026-06-01", "2026-09-01")] // the reviewer's case: version 2 is not in force yet
    [InlineData("2026-12-31", "2027-03-31")] // version 1's last day
    [InlineData("2027-01-01", "2027-03-01")] // version 2's first day
    [InlineData("2030-05-10", "2030-07-10")]
    public void FutureDatedChange_EarlierDay0_KeepsTheVersionInForceThen(string day0, string? expected)
    {
        var history = new LocalTargetHistory([Version(1, "2023-01-01", 3), Version(2, "2027-01-01", 2)]);

        Assert.Equal(Date(expected), LocalDate(history, day0));
    }

    [Fact]
    public void FutureDatedChange_FirstVersionEndsTheDayBefore()
    {
        var history = new LocalTargetHistory([Version(2, "2027-01-01", 2), Version(1, "2023-01-01", 3)]);

        Assert.Equal(
            [(Day("2023-01-01"), (DateOnly?)Day("2026-12-31")), (Day("2027-01-01"), null)],
            history.Targets.Select(target => (target.EffectiveFrom, target.EffectiveTo)));
    }

    /// <summary>Removed from 2026-12-03: a day 0 while it was in force keeps it; one from the removal on has none.</summary>
    [Theory]
    [InlineData("2025-06-01", "2025-09-01")]
    [InlineData("2026-12-02", "2027-03-02")] // the last day in force
    [InlineData("2026-12-03", null)] // ended
    [InlineData("2028-01-01", null)]
    public void Removal_EndsTheTargetFromItsDate_NotBackwards(string day0, string? expected)
    {
        var history = new LocalTargetHistory([Version(1, "2023-01-01", 3), Removal(2, "2026-12-03")]);

        Assert.Equal(Date(expected), LocalDate(history, day0));
    }

    /// <summary>A target set again after a removal is in force from its own date; the gap between has none.</summary>
    [Theory]
    [InlineData("2024-06-01", "2024-09-01")]
    [InlineData("2025-06-01", null)]
    [InlineData("2026-02-01", "2026-03-01")]
    public void SetAgainAfterRemoval_GapHasNoTarget(string day0, string? expected)
    {
        var history = new LocalTargetHistory([Version(1, "2023-01-01", 3), Removal(2, "2025-01-01"), Version(3, "2026-01-01", 1)]);

        Assert.Equal(Date(expected), LocalDate(history, day0));
    }

    /// <summary>Of two versions from the same day the later saved replaces the earlier: a correction, never in force itself.</summary>
    [Theory]
    [InlineData("2024-06-01", "2024-08-01")]
    [InlineData("2027-06-01", "2027-08-01")]
    public void SameDayVersions_LaterSavedReplacesEarlier(string day0, string expected)
    {
        var history = new LocalTargetHistory([Version(1, "2024-01-01", 3), Version(2, "2024-01-01", 2)]);

        Assert.Equal(Date(expected), LocalDate(history, day0));
        Assert.Null(history.PeriodOf(Health, 1));
        Assert.Null(history.PeriodOf(Health, 2)!.EffectiveTo);
    }

    /// <summary>
    /// A removal from the day a planned version would start cancels that version: the one before runs to the day before,
    /// and nothing follows.
    /// </summary>
    [Theory]
    [InlineData("2026-12-31", "2027-03-31")]
    [InlineData("2027-01-01", null)]
    public void RemovalOnAPlannedVersionsDay_CancelsIt(string day0, string? expected)
    {
        var history = new LocalTargetHistory([Version(1, "2023-01-01", 3), Version(2, "2027-01-01", 2), Removal(3, "2027-01-01")]);

        Assert.Equal(Date(expected), LocalDate(history, day0));
    }

    /// <summary>A version saved later but dated between two others is in force between them; the later-dated one still follows.</summary>
    [Theory]
    [InlineData("2024-12-31", "2025-03-31")]
    [InlineData("2025-01-01", "2025-02-01")]
    [InlineData("2027-01-01", "2027-03-01")]
    public void VersionDatedBetweenOthers_InForceBetweenThem(string day0, string expected)
    {
        var history = new LocalTargetHistory([Version(1, "2023-01-01", 3), Version(2, "2027-01-01", 2), Version(3, "2025-01-01", 1)]);

        Assert.Equal(Date(expected), LocalDate(history, day0));
    }

    [Fact]
    public void Kinds_EachHasItsOwnTimeline()
    {
        var history = new LocalTargetHistory(
        [
            Version(1, "2023-01-01", 3),
            new LocalTargetVersion(DeadlineKind.DanishEducationStart, 1, Day("2024-01-01"), Period.OfWeeks(4), "Ringsted"),
            Removal(2, "2025-01-01"),
        ]);

        Assert.Null(history.InForceOn(Health, Day("2025-06-01")));
        Assert.Equal(Period.OfWeeks(4), history.InForceOn(DeadlineKind.DanishEducationStart, Day("2025-06-01"))?.Period);
    }

    private static DateOnly? LocalDate(LocalTargetHistory history, string day0) =>
        DeadlineCalculator.For(new PersonFacts(Day("1990-06-15"), ResidenceBasis.QuotaRefugee, Day(day0)), NationalRuleSets.Current, history.Targets)
            .SingleOrDefault(deadline => deadline.Kind == Health)?.LocalTargetDate;

    private static LocalTargetVersion Version(int number, string from, int months) => new(Health, number, Day(from), Period.OfMonths(months), "Allerød");

    private static LocalTargetVersion Removal(int number, string from) => new(Health, number, Day(from), null, "Allerød");

    private static DateOnly? Date(string? iso) => iso is null ? null : Day(iso);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

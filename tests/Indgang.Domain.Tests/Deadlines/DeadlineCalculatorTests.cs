using System.Globalization;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Deadlines;

public class DeadlineCalculatorTests
{
    private static readonly DateOnly AdultBirth = Day("1990-06-15");

    // Two rule sets of the kind the law changes give: a 3-year programme maximum, then 5 years.
    private static readonly DeadlineRuleSetHistory TestHistory = new(
    [
        ProgrammeMaximumSet("Før 2019", Day("2014-01-01"), Day("2018-12-31"), 3),
        ProgrammeMaximumSet("Fra 2019", Day("2019-01-01"), null, 5),
    ]);

    [Theory]
    [InlineData(DeadlineKind.IntegrationContract, "2025-08-01")]
    [InlineData(DeadlineKind.ProgrammeStart, "2025-08-01")]
    [InlineData(DeadlineKind.FirstCompanyOffer, "2025-08-01")]
    [InlineData(DeadlineKind.DanishEducationReferral, "2025-08-01")]
    [InlineData(DeadlineKind.DanishEducationStart, "2025-08-01")]
    [InlineData(DeadlineKind.OneYearReview, "2026-07-01")]
    [InlineData(DeadlineKind.ProgrammeMaximum, "2030-08-01")] // 5 years from the latest start, day 0 + 1 month
    public void For_AdultVisitedRefugee_EachKindFromNationalRules(DeadlineKind kind, string expectedLegalDate)
    {
        var deadlines = National(Adult(Day("2025-07-01")));

        Assert.Equal(Day(expectedLegalDate), Single(deadlines, kind).LegalDate);
    }

    /// <summary>The health assessment offer is a legal deadline for quota refugees only (see the table below).</summary>
    [Fact]
    public void For_AdultVisitedRefugee_GetsEveryAdultKindButNotTheMinorsDecisionNorTheHealthOffer()
    {
        var kinds = National(Adult(Day("2025-07-01"))).Select(deadline => deadline.Kind).Order();

        Assert.Equal(Enum.GetValues<DeadlineKind>().Where(kind => kind is not DeadlineKind.AdultProgrammeDecision and not DeadlineKind.HealthAssessmentOffer), kinds);
    }

    /// <summary>
    /// "Health assessment offered: 6 months; mandatory offer for quota refugees; needs-based for other refugees; optional
    /// for family-reunified": a legal deadline for quota refugees of any age, and for no one else.
    /// </summary>
    [Theory]
    [InlineData(ResidenceBasis.QuotaRefugee, "1990-06-15", "2026-01-01")]
    [InlineData(ResidenceBasis.QuotaRefugee, "2024-12-01", "2026-01-01")] // a child too
    [InlineData(ResidenceBasis.VisitedRefugee, "1990-06-15", null)] // needs-based
    [InlineData(ResidenceBasis.VisitedRefugee, "2015-03-01", null)]
    [InlineData(ResidenceBasis.UnaccompaniedMinor, "2010-03-15", null)] // a refugee other than a quota refugee: needs-based
    [InlineData(ResidenceBasis.FamilyReunified, "1990-06-15", null)] // optional
    [InlineData(ResidenceBasis.FamilyReunified, "2019-11-02", null)]
    public void For_HealthAssessmentOffer_LegalDeadlineForQuotaRefugeesOnly(ResidenceBasis basis, string birthDate, string? expectedLegalDate)
    {
        var deadlines = National(new PersonFacts(Day(birthDate), basis, Day("2025-07-01"), null));

        var health = deadlines.SingleOrDefault(deadline => deadline.Kind == DeadlineKind.HealthAssessmentOffer);
        Assert.Equal(expectedLegalDate is null ? null : Day(expectedLegalDate), health?.LegalDate);
    }

    /// <summary>
    /// A family-reunified adult from 1 January 2026 (the reviewer's case) has no health offer to breach by 1 July 2026: in
    /// Allerød only the municipality's own goal, 3 months, without a legal date.
    /// </summary>
    [Fact]
    public void For_FamilyReunifiedAdult_NoHealthOfferDeadlineToBreach()
    {
        var deadlines = DeadlineCalculator.For(
            new PersonFacts(AdultBirth, ResidenceBasis.FamilyReunified, Day("2026-01-01"), null), NationalRuleSets.Current, NationalRuleSets.AllerødOverlay);

        var health = Single(deadlines, DeadlineKind.HealthAssessmentOffer);
        Assert.True(health.IsLocalOnly);
        Assert.Null(health.LegalDate);
        Assert.Equal(Day("2026-04-01"), health.LocalTargetDate);
        Assert.Contains(deadlines, deadline => deadline.Kind == DeadlineKind.IntegrationContract);
    }

    /// <summary>
    /// Allerød: "alle flygtninge og familiesammenførte" are offered the health check within 3 months. Where the law sets no
    /// deadline (every basis but quota refugee), the municipality's goal still applies, without a legal date; a quota
    /// refugee keeps the legal 6 months beside it.
    /// </summary>
    [Theory]
    [InlineData(ResidenceBasis.QuotaRefugee, "1990-06-15", "2026-01-01")]
    [InlineData(ResidenceBasis.QuotaRefugee, "2024-12-01", "2026-01-01")]
    [InlineData(ResidenceBasis.VisitedRefugee, "1990-06-15", null)]
    [InlineData(ResidenceBasis.VisitedRefugee, "2015-03-01", null)]
    [InlineData(ResidenceBasis.UnaccompaniedMinor, "2010-03-15", null)]
    [InlineData(ResidenceBasis.FamilyReunified, "1990-06-15", null)]
    [InlineData(ResidenceBasis.FamilyReunified, "2019-11-02", null)]
    public void For_LocalHealthTarget_AppliesToEveryBasis_LegalDateOnlyForQuotaRefugees(ResidenceBasis basis, string birthDate, string? expectedLegalDate)
    {
        var deadlines = DeadlineCalculator.For(new PersonFacts(Day(birthDate), basis, Day("2025-07-01"), null), NationalRuleSets.Current, NationalRuleSets.AllerødOverlay);

        var health = Single(deadlines, DeadlineKind.HealthAssessmentOffer);
        Assert.Equal(Day("2025-10-01"), health.LocalTargetDate);
        Assert.Equal(expectedLegalDate is null ? null : Day(expectedLegalDate), health.LegalDate);
        Assert.Equal(expectedLegalDate is null, health.IsLocalOnly);
    }

    /// <summary>
    /// Only a municipality's target in force on day 0 brings a local-only deadline: one that starts after day 0, one that ended
    /// before it, or an overlay with no health target (Ringsted) gives a family-reunified person no health deadline at all.
    /// </summary>
    [Theory]
    [InlineData("2025-08-01", null)]
    [InlineData("2025-01-01", "2025-06-30")]
    public void For_NoLocalTargetInForceOnDay0_NoLocalOnlyDeadline(string from, string? to)
    {
        var overlay = new[] { Target(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(3), Day(from), to is null ? null : Day(to)) };
        var facts = new PersonFacts(AdultBirth, ResidenceBasis.FamilyReunified, Day("2025-07-01"), null);

        Assert.DoesNotContain(DeadlineCalculator.For(facts, NationalRuleSets.Current, overlay), deadline => deadline.Kind == DeadlineKind.HealthAssessmentOffer);
        Assert.DoesNotContain(DeadlineCalculator.For(facts, NationalRuleSets.Current, NationalRuleSets.RingstedOverlay), deadline => deadline.IsLocalOnly);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2025-08-31", "2025-09-30")]
    public void For_Day0AtMonthEnd_OneMonthClampsToMonthEnd(string day0, string expected)
    {
        var deadlines = National(Adult(Day(day0)));

        Assert.Equal(Day(expected), Single(deadlines, DeadlineKind.IntegrationContract).LegalDate);
    }

    [Fact]
    public void For_FirstCompanyOffer_NationalTargetTwoWeeksLegalOneMonth()
    {
        var offer = Single(National(Adult(Day("2025-07-01"))), DeadlineKind.FirstCompanyOffer);

        Assert.Equal(Day("2025-07-15"), offer.NationalTargetDate);
        Assert.Equal(Day("2025-08-01"), offer.LegalDate);
    }

    [Fact]
    public void For_ProgrammeMaximum_EstimatedUntilActualStartKnown()
    {
        var estimated = Single(National(Adult(Day("2025-07-01"))), DeadlineKind.ProgrammeMaximum);
        var actual = Single(National(Adult(Day("2025-07-01")) with { ProgrammeStart = Day("2025-07-20") }), DeadlineKind.ProgrammeMaximum);

        Assert.True(estimated.IsEstimate);
        Assert.False(actual.IsEstimate);
        Assert.Equal(Day("2030-07-20"), actual.LegalDate);
    }

    [Theory]
    [InlineData("2015-03-01")] // 10 on day 0
    [InlineData("2007-07-02")] // 18 the day after day 0
    [InlineData("2024-12-01")]
    public void For_QuotaRefugeeChild_OnlyHealthAssessmentOffer(string birthDate)
    {
        var deadlines = National(new PersonFacts(Day(birthDate), ResidenceBasis.QuotaRefugee, Day("2025-07-01"), null));

        var only = Assert.Single(deadlines);
        Assert.Equal(DeadlineKind.HealthAssessmentOffer, only.Kind);
        Assert.Equal(Day("2026-01-01"), only.LegalDate);
    }

    /// <summary>A child who is not a quota refugee has no deadline of the national rules at all (the health offer is not a legal one for them).</summary>
    [Theory]
    [InlineData("2015-03-01", ResidenceBasis.VisitedRefugee)]
    [InlineData("2007-07-02", ResidenceBasis.FamilyReunified)]
    public void For_OtherChild_NoDeadlines(string birthDate, ResidenceBasis basis)
    {
        Assert.Empty(National(new PersonFacts(Day(birthDate), basis, Day("2025-07-01"), null)));
    }

    [Fact]
    public void For_EighteenOnDay0_IsAdult()
    {
        var deadlines = National(new PersonFacts(Day("2007-07-01"), ResidenceBasis.VisitedRefugee, Day("2025-07-01"), null));

        Assert.Contains(deadlines, deadline => deadline.Kind == DeadlineKind.IntegrationContract);
    }

    [Theory]
    [InlineData("2010-03-15", "2028-03-14")]
    [InlineData("2010-01-01", "2027-12-31")]
    [InlineData("2008-02-29", "2026-02-27")] // 18th birthday taken as 28 February in a common year
    public void For_UnaccompaniedMinor_AdultProgrammeDecisionDayBefore18thBirthday(string birthDate, string expected)
    {
        var deadlines = National(new PersonFacts(Day(birthDate), ResidenceBasis.UnaccompaniedMinor, Day("2025-07-01"), null));

        Assert.Equal(DeadlineKind.AdultProgrammeDecision, Assert.Single(deadlines).Kind);
        Assert.Equal(Day(expected), Single(deadlines, DeadlineKind.AdultProgrammeDecision).LegalDate);
    }

    [Fact]
    public void For_UnaccompaniedMinorBasisButAdultOnDay0_GetsAdultDeadlines()
    {
        var deadlines = National(new PersonFacts(Day("2007-01-01"), ResidenceBasis.UnaccompaniedMinor, Day("2025-07-01"), null));

        Assert.DoesNotContain(deadlines, deadline => deadline.Kind == DeadlineKind.AdultProgrammeDecision);
        Assert.Contains(deadlines, deadline => deadline.Kind == DeadlineKind.IntegrationContract);
    }

    [Theory]
    [InlineData("2018-06-01", "Før 2019", "2021-07-01")] // 3 years from the latest start 2018-07-01
    [InlineData("2018-12-31", "Før 2019", "2022-01-31")] // last day of the old rules
    [InlineData("2019-01-01", "Fra 2019", "2024-02-01")] // first day of the new rules
    [InlineData("2019-06-03", "Fra 2019", "2024-07-03")]
    public void InForceOn_Day0_ChoosesRuleSetAndItsDeadlines(string day0, string expectedSet, string expectedMaximum)
    {
        var ruleSet = TestHistory.InForceOn(Day(day0));

        Assert.NotNull(ruleSet);
        Assert.Equal(expectedSet, ruleSet.Name);
        var maximum = Single(DeadlineCalculator.For(Adult(Day(day0)), ruleSet, []), DeadlineKind.ProgrammeMaximum);
        Assert.Equal(Day(expectedMaximum), maximum.LegalDate);
    }

    [Theory]
    [InlineData("2013-12-31")]
    [InlineData("1999-01-01")]
    public void InForceOn_Day0BeforeAnyRuleSet_IsNull(string day0)
    {
        Assert.Null(TestHistory.InForceOn(Day(day0)));
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    [InlineData("2040-01-01", true)]
    public void History_National_CurrentFrom2024(string day0, bool expectCurrent)
    {
        Assert.Equal(expectCurrent ? NationalRuleSets.Current : null, NationalRuleSets.History.InForceOn(Day(day0)));
    }

    [Theory]
    [InlineData("2019-12-31")] // the earlier set's last day is the later set's first
    [InlineData(null)] // the earlier set never ends
    public void History_OverlappingRuleSets_Throws(string? earlierEnd)
    {
        var earlier = ProgrammeMaximumSet("A", Day("2014-01-01"), earlierEnd is null ? null : Day(earlierEnd), 3);
        var later = ProgrammeMaximumSet("B", Day("2019-12-31"), null, 5);

        Assert.Throws<ArgumentException>(() => new DeadlineRuleSetHistory([later, earlier]));
    }

    [Fact]
    public void RuleSet_TwoRulesForOneKind_Throws()
    {
        var rule = new DeadlineRule(DeadlineKind.OneYearReview, Period.OfYears(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, "Test");

        Assert.Throws<ArgumentException>(() => new DeadlineRuleSet("Dobbelt", Day("2020-01-01"), null, [rule, rule]));
    }

    [Fact]
    public void For_AllerødOverlay_LocalHealthTargetThreeMonthsLegalSix()
    {
        var deadlines = DeadlineCalculator.For(QuotaAdult(Day("2025-07-01")), NationalRuleSets.Current, NationalRuleSets.AllerødOverlay);

        var health = Single(deadlines, DeadlineKind.HealthAssessmentOffer);
        Assert.Equal(Day("2025-10-01"), health.LocalTargetDate);
        Assert.Equal(Day("2026-01-01"), health.LegalDate);
        Assert.All(deadlines.Where(deadline => deadline.Kind != DeadlineKind.HealthAssessmentOffer), deadline => Assert.Null(deadline.LocalTargetDate));
    }

    [Theory]
    [InlineData("2025-07-01", "2025-07-29")] // 4 weeks is earlier than 1 month
    [InlineData("2025-02-01", "2025-03-01")] // February: 4 weeks is the same day as 1 month, so it is kept
    public void For_RingstedOverlay_DanishEducationStartFourWeeks(string day0, string expected)
    {
        var deadlines = DeadlineCalculator.For(Adult(Day(day0)), NationalRuleSets.Current, NationalRuleSets.RingstedOverlay);

        Assert.Equal(Day(expected), Single(deadlines, DeadlineKind.DanishEducationStart).LocalTargetDate);
    }

    [Theory]
    [InlineData(7)] // later than the legal 6 months
    [InlineData(6)] // equal to the legal date: not stricter, but not later either
    public void For_LocalTargetNotEarlier_IgnoredOnlyWhenLater(int months)
    {
        var overlay = new[] { Target(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(months), Day("2020-01-01"), null) };

        var health = Single(DeadlineCalculator.For(QuotaAdult(Day("2025-07-01")), NationalRuleSets.Current, overlay), DeadlineKind.HealthAssessmentOffer);

        Assert.Equal(months > 6 ? null : health.LegalDate, health.LocalTargetDate);
    }

    [Fact]
    public void For_LocalTargetThirtyDays_IgnoredWhereTheMonthIsShorter()
    {
        var overlay = new[] { Target(DeadlineKind.DanishEducationStart, Period.OfDays(30), Day("2020-01-01"), null) };

        var inJanuary = Single(DeadlineCalculator.For(Adult(Day("2025-01-01")), NationalRuleSets.Current, overlay), DeadlineKind.DanishEducationStart);
        var inFebruary = Single(DeadlineCalculator.For(Adult(Day("2025-02-01")), NationalRuleSets.Current, overlay), DeadlineKind.DanishEducationStart);

        Assert.Equal(Day("2025-01-31"), inJanuary.LocalTargetDate);
        Assert.Null(inFebruary.LocalTargetDate);
    }

    [Theory]
    [InlineData("2024-12-31", null)] // before the local target took effect
    [InlineData("2025-01-01", "2025-04-01")]
    [InlineData("2025-12-31", "2026-03-31")]
    [InlineData("2026-01-01", null)] // after it ended
    public void For_LocalTargetEffectiveDates_JudgedOnDay0(string day0, string? expected)
    {
        var overlay = new[] { Target(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(3), Day("2025-01-01"), Day("2025-12-31")) };

        var health = Single(DeadlineCalculator.For(QuotaAdult(Day(day0)), NationalRuleSets.Current, overlay), DeadlineKind.HealthAssessmentOffer);

        Assert.Equal(expected is null ? null : Day(expected), health.LocalTargetDate);
    }

    [Fact]
    public void For_TwoLocalTargetsForOneKind_StricterWins()
    {
        var overlay = new[]
        {
            Target(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(4), Day("2020-01-01"), null),
            Target(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(3), Day("2020-01-01"), null),
        };

        var health = Single(DeadlineCalculator.For(QuotaAdult(Day("2025-07-01")), NationalRuleSets.Current, overlay), DeadlineKind.HealthAssessmentOffer);

        Assert.Equal(Day("2025-10-01"), health.LocalTargetDate);
    }

    /// <summary>A day 0 saved years wrong leaves out the deadlines it would put beyond the calendar, not the whole case.</summary>
    [Fact]
    public void For_Day0AtTheEndOfTheCalendar_LeavesOutTheDeadlinesBeyondIt()
    {
        var overlay = new[] { Target(DeadlineKind.IntegrationContract, Period.OfWeeks(2), Day("2020-01-01"), null) };

        var deadlines = DeadlineCalculator.For(Adult(Day("9999-12-01")), NationalRuleSets.Current, overlay);

        Assert.DoesNotContain(deadlines, deadline => deadline.Kind == DeadlineKind.IntegrationContract);
        Assert.DoesNotContain(deadlines, deadline => deadline.Kind == DeadlineKind.ProgrammeMaximum);
        Assert.DoesNotContain(deadlines, deadline => deadline.Kind == DeadlineKind.OneYearReview);
    }

    [Fact]
    public void Current_EveryRule_HasLegalReferenceAndEveryKindOnce()
    {
        Assert.Equal(Enum.GetValues<DeadlineKind>(), NationalRuleSets.Current.Rules.Select(rule => rule.Kind).Order());
        Assert.All(NationalRuleSets.Current.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.LegalReference)));
        Assert.Equal("Integrationsloven § 19", NationalRuleSets.Current.RuleFor(DeadlineKind.IntegrationContract)?.LegalReference);
    }

    private static DeadlineRuleSet ProgrammeMaximumSet(string name, DateOnly from, DateOnly? to, int maximumYears) => new(
        name,
        from,
        to,
        [
            new(DeadlineKind.ProgrammeStart, Period.OfMonths(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, "Test"),
            new(DeadlineKind.ProgrammeMaximum, Period.OfYears(maximumYears), DeadlineAnchor.ProgrammeStart, DeadlineAudience.AdultsAtDay0, "Test"),
        ]);

    private static LocalTarget Target(DeadlineKind kind, Period period, DateOnly from, DateOnly? to) => new(kind, period, from, to, "Testkommune");

    private static PersonFacts Adult(DateOnly day0) => new(AdultBirth, ResidenceBasis.VisitedRefugee, day0, null);

    /// <summary>An adult quota refugee: the health assessment offer is a legal deadline for them, so local targets for it can be seen.</summary>
    private static PersonFacts QuotaAdult(DateOnly day0) => new(AdultBirth, ResidenceBasis.QuotaRefugee, day0, null);

    private static IReadOnlyList<Deadline> National(PersonFacts facts) => DeadlineCalculator.For(facts, NationalRuleSets.Current, []);

    private static Deadline Single(IEnumerable<Deadline> deadlines, DeadlineKind kind) => Assert.Single(deadlines, deadline => deadline.Kind == kind);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

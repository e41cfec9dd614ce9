namespace Indgang.Domain.Deadlines;

/// <summary>
/// Seed data: the national deadline rules and the local overlays from the municipalities' strategies.
/// References name a section only where it is well established; otherwise just the act.
/// </summary>
public static class NationalRuleSets
{
    private const string IntegrationAct = "Integrationsloven";
    private const string DanishEducationAct = "Danskuddannelsesloven";

    // Earlier rule sets (for example the historical 3-year programme maximum) belong in History once
    // their effective dates are sourced; until then a day 0 before 2024 has no rule set.
    public static DeadlineRuleSet Current { get; } = new(
        "Integrationsloven – gældende regler (2026)",
        new DateOnly(2024, 1, 1),
        null,
        [
            new(DeadlineKind.IntegrationContract, Period.OfMonths(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, "Integrationsloven § 19"),
            new(DeadlineKind.ProgrammeStart, Period.OfMonths(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, IntegrationAct),
            new(DeadlineKind.FirstCompanyOffer, Period.OfMonths(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, IntegrationAct, Target: Period.OfWeeks(2)),
            new(DeadlineKind.DanishEducationReferral, Period.OfMonths(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, DanishEducationAct),
            new(DeadlineKind.DanishEducationStart, Period.OfMonths(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, DanishEducationAct),
            // A mandatory offer to quota refugees only; needs-based for other refugees and optional for family-reunified
            // persons, so they have no legal deadline for it. It is still offered to all of them, so a municipality's own
            // target (Allerød: "alle flygtninge og familiesammenførte ... indenfor 3 måneder") applies to everyone.
            new(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(6), DeadlineAnchor.Day0, DeadlineAudience.QuotaRefugees, IntegrationAct,
                SubjectAudience: DeadlineAudience.Everyone),
            new(DeadlineKind.OneYearReview, Period.OfYears(1), DeadlineAnchor.Day0, DeadlineAudience.AdultsAtDay0, IntegrationAct),
            new(DeadlineKind.ProgrammeMaximum, Period.OfYears(5), DeadlineAnchor.ProgrammeStart, DeadlineAudience.AdultsAtDay0, IntegrationAct),
            // "Before the 18th birthday": the last day it can be done is the day before.
            new(DeadlineKind.AdultProgrammeDecision, Period.OfDays(-1), DeadlineAnchor.EighteenthBirthday, DeadlineAudience.UnaccompaniedMinors, IntegrationAct),
        ]);

    public static DeadlineRuleSetHistory History { get; } = new([Current]);

    public static IReadOnlyList<LocalTarget> AllerødOverlay { get; } =
    [
        new(DeadlineKind.HealthAssessmentOffer, Period.OfMonths(3), new DateOnly(2023, 1, 1), null, "Allerød Kommune, Flygtningestrategi 2023"),
    ];

    // The strategy's date is not in the seed; it is taken as in force with the current national rules.
    public static IReadOnlyList<LocalTarget> RingstedOverlay { get; } =
    [
        new(DeadlineKind.DanishEducationStart, Period.OfWeeks(4), new DateOnly(2024, 1, 1), null, "Ringsted Kommune, integrationsstrategi"),
    ];
}

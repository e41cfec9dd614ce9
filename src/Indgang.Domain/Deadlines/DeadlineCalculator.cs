using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Deadlines;

public static class DeadlineCalculator
{
    /// <summary>
    /// The person's deadlines under the rule set (the one in force on their day 0), with the local
    /// targets from the overlay that are in force on day 0 and earlier than the legal date. Where the law sets the person
    /// no deadline but the rule's subject applies to them (<see cref="DeadlineRule.SubjectAudience"/>), a local target in
    /// force gives a local-only deadline (<see cref="Deadline.IsLocalOnly"/>): the municipality's goal without a legal date.
    /// Dates are not moved off weekends and holidays: the law counts calendar time. A deadline that would lie beyond the calendar
    /// (a day 0 saved years wrong, such as 9999) is left out, so that the case is still shown, with its day 0 to correct.
    /// </summary>
    public static IReadOnlyList<Deadline> For(PersonFacts facts, DeadlineRuleSet ruleSet, IEnumerable<LocalTarget> overlay)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(overlay);

        var localTargets = overlay.Where(target => target.IsInForceOn(facts.Day0)).ToList();
        var deadlines = new List<Deadline>();
        foreach (var rule in ruleSet.Rules)
        {
            var legallyApplies = AppliesTo(rule.Audience, facts);
            if (!legallyApplies && !(rule.SubjectAudience is { } subject && AppliesTo(subject, facts)))
            {
                continue;
            }

            if (AnchorDate(rule.Anchor, facts, ruleSet) is not (var anchor, var isEstimate))
            {
                continue;
            }

            var ofKind = localTargets.Where(localTarget => localTarget.Kind == rule.Kind).ToList();
            if (!legallyApplies)
            {
                if (LocalOnly(rule.Kind, ofKind, anchor, isEstimate) is { } localOnly)
                {
                    deadlines.Add(localOnly);
                }

                continue;
            }

            if (rule.Period.TryAddTo(anchor) is not { } legal)
            {
                continue;
            }

            var national = rule.Target is { } target ? NotLaterThan(target.TryAddTo(anchor), legal) : null;
            var local = ofKind
                .Select(localTarget => NotLaterThan(localTarget.Period.TryAddTo(anchor), legal))
                .Min();
            deadlines.Add(new Deadline(rule.Kind, legal, national, local, rule.LegalReference, isEstimate));
        }

        return [.. deadlines.OrderBy(deadline => deadline.LegalDate ?? deadline.LocalTargetDate).ThenBy(deadline => deadline.Kind)];
    }

    // Without a legal date there is nothing to be stricter than: the earliest of the municipality's targets is its goal.
    private static Deadline? LocalOnly(DeadlineKind kind, IReadOnlyList<LocalTarget> targets, DateOnly anchor, bool isEstimate) =>
        targets
            .Select(target => (Date: target.Period.TryAddTo(anchor), target.Source))
            .Where(target => target.Date is not null)
            .OrderBy(target => target.Date)
            .Select(target => new Deadline(kind, null, null, target.Date, target.Source, isEstimate))
            .FirstOrDefault();

    private static bool AppliesTo(DeadlineAudience audience, PersonFacts facts)
    {
        var adult = Age.IsAdultOn(facts.BirthDate, facts.Day0);
        return audience switch
        {
            DeadlineAudience.Everyone => true,
            DeadlineAudience.AdultsAtDay0 => adult,
            DeadlineAudience.UnaccompaniedMinors => facts.Basis == ResidenceBasis.UnaccompaniedMinor && !adult,
            DeadlineAudience.QuotaRefugees => facts.Basis == ResidenceBasis.QuotaRefugee,
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown deadline audience."),
        };
    }

    private static (DateOnly Date, bool IsEstimate)? AnchorDate(DeadlineAnchor anchor, PersonFacts facts, DeadlineRuleSet ruleSet) => anchor switch
    {
        DeadlineAnchor.Day0 => (facts.Day0, false),
        DeadlineAnchor.ProgrammeStart => ProgrammeStart(facts, ruleSet),
        DeadlineAnchor.EighteenthBirthday => (facts.BirthDate.AddYears(Age.AgeOfMajority), false),
        _ => throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "Unknown deadline anchor."),
    };

    // Until the programme has started, the latest start the rule set allows is the best estimate; a
    // rule set without a start rule gives no estimate, and deadlines counted from the start are left out.
    private static (DateOnly Date, bool IsEstimate)? ProgrammeStart(PersonFacts facts, DeadlineRuleSet ruleSet)
    {
        if (facts.ProgrammeStart is { } actual)
        {
            return (actual, false);
        }

        return ruleSet.RuleFor(DeadlineKind.ProgrammeStart) is { Anchor: DeadlineAnchor.Day0 } startRule && startRule.Period.TryAddTo(facts.Day0) is { } latest
            ? (latest, true)
            : null;
    }

    private static DateOnly? NotLaterThan(DateOnly? target, DateOnly legal) => target <= legal ? target : null;
}

using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Domain.Plans;

namespace Indgang.Web.Features.Reception;

/// <summary>
/// One deadline of one person as the UI shows it: the legal date and the target, each judged. A local-only deadline
/// (<see cref="IsLocalOnly"/>) has no legal date nor legal status: only the municipality's goal, never a legal breach.
/// </summary>
public sealed record DeadlineView(
    Guid PersonId,
    string PersonName,
    DeadlineKind Kind,
    DateOnly? LegalDate,
    DeadlineStatus? LegalStatus,
    DateOnly? TargetDate,
    bool TargetIsLocal,
    DeadlineStatus? TargetStatus,
    DateOnly? CompletedOn,
    bool IsEstimate)
{
    public string Title => DeadlineTexts.Title(Kind);

    /// <summary>Only the municipality's goal: the law sets the person no deadline for it.</summary>
    public bool IsLocalOnly => LegalDate is null;

    /// <summary>The first date due: the target when there is one, else the legal date (one of them always is).</summary>
    public DateOnly FirstDue => TargetDate ?? LegalDate!.Value;
}

public sealed record PersonDeadlines(Person Person, PersonDay0? Day0, string? RuleSetName, IReadOnlyList<DeadlineView> Deadlines);

/// <summary>
/// Computes each member's deadlines from the rule set in force on their day 0 plus the municipal
/// overlay (PLAN-3), and judges them against what has been done (e.g. the signed contract). A programme start recorded
/// as met counts the deadlines that run from the start (the 5-year maximum) from that day.
/// </summary>
public static class CaseDeadlines
{
    public static PersonDeadlines For(
        Person person,
        Household household,
        DeadlineRuleSetHistory national,
        IReadOnlyList<LocalTarget> overlay,
        IntegrationContract? contract,
        DateOnly today,
        IReadOnlyDictionary<DeadlineKind, DateOnly>? completions = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(national);
        var day0 = CaseDay0.Compute(person, household);
        if (day0 is null)
        {
            return new PersonDeadlines(person, null, null, []);
        }

        var ruleSet = national.InForceOn(day0.Date);
        if (ruleSet is null)
        {
            return new PersonDeadlines(person, day0, null, []);
        }

        // A programme start recorded as met is the start the programme maximum is counted from, no longer an estimate.
        var programmeStart = completions?.GetValueOrDefault(DeadlineKind.ProgrammeStart) is { } started && started != default ? started : (DateOnly?)null;
        var deadlines = DeadlineCalculator.For(new PersonFacts(person.BirthDate, person.Basis, day0.Date, programmeStart), ruleSet, overlay)
            .Select(d =>
            {
                var completed = d.Kind == DeadlineKind.IntegrationContract ? contract?.CompletedOn : completions?.GetValueOrDefault(d.Kind) is { } on && on != default ? on : null;
                var target = d.LocalTargetDate ?? d.NationalTargetDate;
                return new DeadlineView(
                    person.Id,
                    person.FullName,
                    d.Kind,
                    d.LegalDate,
                    d.LegalDate is { } legal ? DeadlineEvaluation.Evaluate(legal, today, completed) : null,
                    target,
                    d.LocalTargetDate is not null,
                    target is { } t ? DeadlineEvaluation.Evaluate(t, today, completed) : null,
                    completed,
                    d.IsEstimate || day0.IsEstimate);
            })
            .ToList();
        return new PersonDeadlines(person, day0, ruleSet.Name, deadlines);
    }
}

using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Domain.Plans;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Plans;

public sealed record PlanFacts(Person Person, Household Household, PersonDeadlines Deadlines, Plan? Plan, PlanContent Content)
{
    /// <summary>Nothing may be planned after this (5 years after programme start); null when it cannot be computed yet.</summary>
    public DateOnly? ProgrammeMaximum => Deadlines.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.ProgrammeMaximum)?.LegalDate;

    public DateOnly? OneYearReview => Deadlines.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.OneYearReview)?.LegalDate;
}

/// <summary>Loads a person's plan with the deadlines that bound it.</summary>
public sealed class PlanCase(IndgangDbContext db, RuleSetSource rules, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public async Task<PlanFacts> LoadAsync(Person person, Household household, bool track, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var plans = track ? db.Plans : db.Plans.AsNoTracking();
        var plan = await plans.Include(p => p.Versions).FirstOrDefaultAsync(p => p.PersonId == person.Id, cancellationToken);
        var contract = await db.IntegrationContracts.AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == person.Id, cancellationToken);
        var completions = await Households.HouseholdCase.CompletionsAsync(db, [person.Id], cancellationToken);
        var deadlines = CaseDeadlines.For(person, household, rules.National, await rules.OverlayAsync(cancellationToken), contract, Today, completions.GetValueOrDefault(person.Id));
        var content = plan?.Versions.MaxBy(v => v.Number)?.Content ?? PlanContent.Empty;
        return new PlanFacts(person, household, deadlines, plan, content);
    }
}

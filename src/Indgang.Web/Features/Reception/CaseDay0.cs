using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Web.Features.Reception;

public sealed record PersonDay0(DateOnly Date, bool IsOverride, bool IsEstimate, bool MovedToWorkingDay, string? OverrideReason);

/// <summary>A person's day 0: the coordinator's override when there is one, else computed by § 4.</summary>
public static class CaseDay0
{
    /// <summary>
    /// The person's day 0 as things stand: while their CPR registration is not known, their own arrival stands in for it
    /// as an estimate (<see cref="Household.ArrivalOf"/>: the day a member who joined later came, never the household's).
    /// </summary>
    public static PersonDay0? Compute(Person person, Household household)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(household);
        return Compute(person, household, household.ArrivalOf(person));
    }

    /// <summary>
    /// The day 0 the household's arrival on <paramref name="arrival"/> gives (it stands in for a CPR registration not yet
    /// known); a member who joined later keeps their own arrival (<see cref="Person.JoinedOn"/>), whatever the household's.
    /// </summary>
    public static PersonDay0? Compute(Person person, Household household, DateOnly? arrival)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(household);
        if (person.Day0Override is { } overridden)
        {
            return new PersonDay0(overridden, true, false, false, person.Day0OverrideReason);
        }

        try
        {
            var result = Day0Calculator.Denmark.Calculate(person.Basis, household.VisitationDecisionDate, person.CprRegisteredOn, person.JoinedOn ?? arrival);
            return new PersonDay0(result.Date, false, result.IsEstimate, result.MovedToWorkingDay, null);
        }
        catch (ArgumentException)
        {
            return null; // the facts needed are not registered yet
        }
    }
}

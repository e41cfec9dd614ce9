using Indgang.Domain.People;
using Indgang.Web.Platform;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Households;

/// <summary>
/// How early a day the municipality did something in a member's case (a deadline met, a contract or declaration signed)
/// can be: not before the visitation decision of a household visited to it, not before the member came (their own
/// arrival: the day they joined, else the household's), not before they were born, and not before the planning horizon's
/// first year. Before, only the visitation decision and 1999 bounded it, and quota refugees and family-reunified persons
/// have no visitation decision: a programme start met in 2001 for a person who came in 2026 set the programme's maximum to
/// 2006, and every save of the person's plan was refused (found by exploratory review).
/// </summary>
public static class CaseDayBounds
{
    public const string BeforeVisitation = "Datoen kan ikke ligge før visitationsafgørelsen.";

    public const string BeforeArrival = "Datoen kan ikke ligge før personens ankomst ({0:d. MMMM yyyy}). Er ankomsten forkert, så ret den først.";

    public const string BeforeBirth = "Datoen kan ikke ligge før personens fødselsdato.";

    /// <summary>Why <paramref name="day"/> is too early for <paramref name="member"/>'s case, in the reader's language; null when it is not.</summary>
    public static string? Refusal(Household household, Person member, DateOnly day, IStringLocalizer<SharedResource> T)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(T);
        if (PlanningHorizon.IsBeforeEarliest(day))
        {
            // A year typed wrong (0206) is said as such.
            return T[PlanningHorizon.TooFarBack].Value;
        }

        if (day < member.BirthDate)
        {
            return T[BeforeBirth].Value;
        }

        if (day < household.VisitationDecisionDate)
        {
            return T[BeforeVisitation].Value;
        }

        // A household visited to the municipality is bounded by the decision (the municipality prepares from then; day 0
        // may come before the arrival by consent); a member who joined later, by the day they came.
        var arrival = member.JoinedOn ?? (household.VisitationDecisionDate is null ? household.ArrivalDay : null);
        if (day < arrival)
        {
            return T[BeforeArrival, arrival.Value].Value;
        }

        return null;
    }
}

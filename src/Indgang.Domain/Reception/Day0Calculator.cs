using Indgang.Domain.Calendar;

namespace Indgang.Domain.Reception;

/// <summary>
/// Day 0, when the municipality takes over responsibility (integrationsloven § 4). An earlier day 0
/// by the person's consent is a coordinator's override, recorded outside the domain.
/// </summary>
public sealed class Day0Calculator(HolidayCalendar calendar)
{
    private readonly HolidayCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    public static Day0Calculator Denmark { get; } = new(HolidayCalendar.Denmark);

    /// <param name="basis">The person's residence basis.</param>
    /// <param name="visitationDecision">Date of Udlændingestyrelsen's visitation decision; needed for visited refugees and unaccompanied minors.</param>
    /// <param name="cprRegistration">Date of CPR registration in the municipality; day 0 for quota refugees and family-reunified persons.</param>
    /// <param name="expectedArrival">Stands in, as an estimate, while the CPR registration is not known.</param>
    public Day0Result Calculate(
        ResidenceBasis basis,
        DateOnly? visitationDecision = null,
        DateOnly? cprRegistration = null,
        DateOnly? expectedArrival = null) => basis switch
        {
            ResidenceBasis.VisitedRefugee or ResidenceBasis.UnaccompaniedMinor =>
                FromVisitation(visitationDecision ?? throw new ArgumentException(
                    $"A visitation decision date is needed to compute day 0 for {basis}.", nameof(visitationDecision))),
            ResidenceBasis.QuotaRefugee or ResidenceBasis.FamilyReunified =>
                FromCprRegistration(basis, cprRegistration, expectedArrival),
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown residence basis."),
        };

    // The first full month after the decision is always the next calendar month, even for a decision
    // on the 1st (the decision day itself is part of its month), so day 0 is the 1st of the month after that.
    private Day0Result FromVisitation(DateOnly decision)
    {
        var dayAfterFirstFullMonth = new DateOnly(decision.Year, decision.Month, 1).AddMonths(2);
        var workingDay = _calendar.NextWorkingDayOnOrAfter(dayAfterFirstFullMonth);
        var moved = workingDay != dayAfterFirstFullMonth;
        return new Day0Result(workingDay, Day0Basis.VisitationRule, moved, moved ? dayAfterFirstFullMonth : null);
    }

    private static Day0Result FromCprRegistration(ResidenceBasis basis, DateOnly? cprRegistration, DateOnly? expectedArrival)
    {
        if (cprRegistration is { } registered)
        {
            return new Day0Result(registered, Day0Basis.CprRegistration, false, null);
        }

        if (expectedArrival is { } expected)
        {
            return new Day0Result(expected, Day0Basis.ExpectedArrivalEstimate, false, null);
        }

        throw new ArgumentException(
            $"A CPR registration date or an expected arrival date is needed to compute day 0 for {basis}.", nameof(cprRegistration));
    }
}

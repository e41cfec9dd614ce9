using System.Globalization;
using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.People;

/// <summary>
/// A member's own arrival stands in for their CPR registration, as the estimate of their day 0, while it is not known: a
/// member who joined the household later has their own, never the household's (REC-5). The household was visited on
/// 15 January 2024 (day 0 by the visitation rule: 1 March 2024) and expected on 1 March 2024.
/// </summary>
public class MemberArrivalTests
{
    [Theory]
    // Came with the household: its arrival, the expected one until the day it came is recorded.
    [InlineData(ResidenceBasis.FamilyReunified, null, null, null, "2024-03-01", true)]
    [InlineData(ResidenceBasis.FamilyReunified, "2024-03-04", null, null, "2024-03-04", true)]
    [InlineData(ResidenceBasis.QuotaRefugee, "2024-03-04", null, null, "2024-03-04", true)]
    // Joined years later, CPR registration not known yet: their own arrival, still an estimate.
    [InlineData(ResidenceBasis.FamilyReunified, "2024-03-04", "2026-12-03", null, "2026-12-03", true)]
    [InlineData(ResidenceBasis.FamilyReunified, null, "2026-12-03", null, "2026-12-03", true)]
    [InlineData(ResidenceBasis.QuotaRefugee, "2024-03-04", "2026-12-03", null, "2026-12-03", true)]
    // The CPR registration, once known, is day 0 itself.
    [InlineData(ResidenceBasis.FamilyReunified, "2024-03-04", "2026-12-03", "2026-12-10", "2026-12-10", false)]
    // A visited refugee's day 0 follows the visitation decision, whenever they came.
    [InlineData(ResidenceBasis.VisitedRefugee, "2024-03-04", "2026-12-03", null, "2024-03-01", false)]
    public void Day0_OfAMember_CountsFromTheirOwnArrival(
        ResidenceBasis basis, string? householdArrivedOn, string? joinedOn, string? cprRegisteredOn, string expected, bool isEstimate)
    {
        var household = new Household("Familien Tekle", "koordinator") { VisitationDecisionDate = Day("2024-01-15") };
        household.SetArrival(Day("2024-03-01"), Maybe(householdArrivedOn));
        var member = new Person("Selam", "Tekle", Day("1992-04-01"), Gender.Female) { Basis = basis, JoinedOn = Maybe(joinedOn), CprRegisteredOn = Maybe(cprRegisteredOn) };
        household.AddMember(member);

        var day0 = Day0Calculator.Denmark.Calculate(member.Basis, household.VisitationDecisionDate, member.CprRegisteredOn, household.ArrivalOf(member));

        Assert.Equal(Day(expected), day0.Date);
        Assert.Equal(isEstimate, day0.IsEstimate);
    }

    private static DateOnly? Maybe(string? iso) => iso is null ? null : Day(iso);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

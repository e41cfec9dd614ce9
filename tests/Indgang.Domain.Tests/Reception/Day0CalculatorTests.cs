using System.Globalization;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Reception;

public class Day0CalculatorTests
{
    private static readonly Day0Calculator Calculator = Day0Calculator.Denmark;

    [Theory]
    [InlineData("2025-05-15", "2025-07-01")] // the law's example; 1 July 2025 is a Tuesday
    [InlineData("2025-05-01", "2025-07-01")] // the decision day is part of May, so June is the first full month
    [InlineData("2025-05-31", "2025-07-01")]
    [InlineData("2025-04-30", "2025-06-02")] // 1 June 2025 is a Sunday
    [InlineData("2026-03-15", "2026-05-01")] // Easter + 26 in 2026: a working Friday since Store bededag was abolished
    public void Calculate_VisitedRefugee_FirstDayAfterFirstFullMonth(string decision, string expected)
    {
        var result = Calculator.Calculate(ResidenceBasis.VisitedRefugee, visitationDecision: Day(decision));

        Assert.Equal(Day(expected), result.Date);
        Assert.Equal(Day0Basis.VisitationRule, result.Basis);
        Assert.False(result.IsEstimate);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-03-01", "2026-03-02")] // Sunday → Monday
    [InlineData("2023-05-15", "2023-07-01", "2023-07-03")] // Saturday → Monday
    [InlineData("2025-11-14", "2026-01-01", "2026-01-02")] // Nytårsdag (Thursday) → Friday
    [InlineData("2024-02-10", "2024-04-01", "2024-04-02")] // 2. påskedag (Monday) → Tuesday
    [InlineData("2020-04-20", "2020-06-01", "2020-06-02")] // 2. pinsedag (Monday) → Tuesday
    [InlineData("2015-03-10", "2015-05-01", "2015-05-04")] // Store bededag (Friday), before its abolition → Monday
    public void Calculate_RuleDateNotWorkingDay_MovesToNextWorkingDay(string decision, string unadjusted, string expected)
    {
        var result = Calculator.Calculate(ResidenceBasis.VisitedRefugee, visitationDecision: Day(decision));

        Assert.Equal(Day(expected), result.Date);
        Assert.True(result.MovedToWorkingDay);
        Assert.Equal(Day(unadjusted), result.UnadjustedDate);
    }

    [Fact]
    public void Calculate_RuleDateWorkingDay_NotMovedAndNoUnadjustedDate()
    {
        var result = Calculator.Calculate(ResidenceBasis.VisitedRefugee, visitationDecision: Day("2025-05-15"));

        Assert.False(result.MovedToWorkingDay);
        Assert.Null(result.UnadjustedDate);
    }

    [Fact]
    public void Calculate_UnaccompaniedMinor_FollowsVisitationRule()
    {
        var result = Calculator.Calculate(ResidenceBasis.UnaccompaniedMinor, visitationDecision: Day("2026-01-31"));

        Assert.Equal(new Day0Result(Day("2026-03-02"), Day0Basis.VisitationRule, true, Day("2026-03-01")), result);
    }

    [Theory]
    [InlineData(ResidenceBasis.QuotaRefugee)]
    [InlineData(ResidenceBasis.FamilyReunified)]
    public void Calculate_CprRegistrationKnown_IsRegistrationDayEvenOnWeekend(ResidenceBasis basis)
    {
        var result = Calculator.Calculate(basis, cprRegistration: Day("2026-03-07"), expectedArrival: Day("2026-03-01"));

        Assert.Equal(new Day0Result(Day("2026-03-07"), Day0Basis.CprRegistration, false, null), result);
        Assert.False(result.IsEstimate);
    }

    [Theory]
    [InlineData(ResidenceBasis.QuotaRefugee)]
    [InlineData(ResidenceBasis.FamilyReunified)]
    public void Calculate_OnlyExpectedArrival_IsFlaggedEstimate(ResidenceBasis basis)
    {
        var result = Calculator.Calculate(basis, expectedArrival: Day("2026-03-10"));

        Assert.Equal(Day("2026-03-10"), result.Date);
        Assert.Equal(Day0Basis.ExpectedArrivalEstimate, result.Basis);
        Assert.True(result.IsEstimate);
    }

    [Fact]
    public void Calculate_VisitedRefugeeWithCprDate_StillUsesVisitationRule()
    {
        var result = Calculator.Calculate(
            ResidenceBasis.VisitedRefugee, visitationDecision: Day("2025-05-15"), cprRegistration: Day("2025-06-20"));

        Assert.Equal(Day("2025-07-01"), result.Date);
    }

    [Theory]
    [InlineData(ResidenceBasis.VisitedRefugee, "visitationDecision")]
    [InlineData(ResidenceBasis.UnaccompaniedMinor, "visitationDecision")]
    [InlineData(ResidenceBasis.QuotaRefugee, "cprRegistration")]
    [InlineData(ResidenceBasis.FamilyReunified, "cprRegistration")]
    public void Calculate_MissingInput_ThrowsNamingTheInput(ResidenceBasis basis, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => Calculator.Calculate(basis));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Calculate_VisitedRefugeeWithOnlyCprDate_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            Calculator.Calculate(ResidenceBasis.VisitedRefugee, cprRegistration: Day("2025-06-20")));
    }

    [Fact]
    public void Calculate_UnknownBasis_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Calculator.Calculate((ResidenceBasis)99, visitationDecision: Day("2025-05-15")));
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

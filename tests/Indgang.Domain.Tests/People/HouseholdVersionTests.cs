using Indgang.Domain.People;

namespace Indgang.Domain.Tests.People;

/// <summary>The household's concurrency token changes exactly when its arrival, its visitation decision or its coordinator does.</summary>
public sealed class HouseholdVersionTests
{
    private static readonly DateOnly Expected = new(2026, 12, 10);

    public static TheoryData<DateOnly?, DateOnly?, bool> ArrivalChanges => new()
    {
        { Expected, null, false },
        { Expected.AddDays(7), null, true },
        { Expected, Expected, true },
        { null, null, true },
    };

    [Theory]
    [MemberData(nameof(ArrivalChanges))]
    public void SetArrival_NewVersionOnlyWhenADateChanges(DateOnly? expected, DateOnly? arrivedOn, bool changes)
    {
        var household = Registered();
        var before = household.Version;

        household.SetArrival(expected, arrivedOn);

        Assert.Equal(changes, household.Version != before);
        Assert.Equal(expected, household.ExpectedArrival);
        Assert.Equal(arrivedOn, household.ArrivedOn);
    }

    [Theory]
    [InlineData("koordinator-1", false)]
    [InlineData("koordinator-2", true)]
    public void ReassignCoordinator_NewVersionOnlyForAnotherCoordinator(string coordinator, bool changes)
    {
        var household = Registered();
        var before = household.Version;

        household.ReassignCoordinator(coordinator);

        Assert.Equal(changes, household.Version != before);
        Assert.Equal(coordinator, household.CoordinatorUserId);
    }

    public static TheoryData<DateOnly?, DateOnly?, bool> VisitationCorrections => new()
    {
        { Expected.AddDays(-30), Expected.AddDays(-30), false },
        { Expected.AddDays(-30), Expected.AddDays(-20), true },
        { null, Expected.AddDays(-20), true },
        { Expected.AddDays(-30), null, true },
    };

    [Theory]
    [MemberData(nameof(VisitationCorrections))]
    public void CorrectVisitationDecision_NewVersionOnlyWhenTheDateChanges(DateOnly? registered, DateOnly? corrected, bool changes)
    {
        var household = new Household("Familien Test", "koordinator-1") { VisitationDecisionDate = registered };
        var before = household.Version;

        household.CorrectVisitationDecision(corrected);

        Assert.Equal(changes, household.Version != before);
        Assert.Equal(corrected, household.VisitationDecisionDate);
    }

    [Fact]
    public void NewHouseholds_HaveVersionsOfTheirOwn() =>
        Assert.NotEqual(Registered().Version, Registered().Version);

    private static Household Registered()
    {
        var household = new Household("Familien Test", "koordinator-1");
        household.SetArrival(Expected, null);
        return household;
    }
}

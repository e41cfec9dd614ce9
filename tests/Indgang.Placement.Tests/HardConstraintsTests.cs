using Indgang.Placement.Scoring;

namespace Indgang.Placement.Tests;

public class HardConstraintsTests
{
    public static TheoryData<string> BrokenPairs => new()
    {
        "too few beds", "shared room for a family", "shared room without known gender", "not step-free",
        "rent above cap", "vulnerable area", "not yet available", "free only after the announced arrival", "excluded", "locked elsewhere", "unit locked to other",
        "too few school seats", "shared room where the other gender lives", "permanent home without room for the family to join",
        "permanent shared room for a single waiting for family",
    };

    [Theory]
    [MemberData(nameof(BrokenPairs))]
    public void Allows_PairBreakingOneRule_IsRejectedAndNeverSuggested(string rule)
    {
        var (request, household, unit) = BrokenPair(rule);

        Assert.False(HardConstraints.Allows(request, household, unit));
        Assert.NotEmpty(HardConstraints.Violations(request, TestInstances.Plan((household.Id, unit.Id))));
        Assert.False(IsSuggested(PlacementOptimizer.Solve(request), household.Id, unit.Id));
        Assert.False(IsSuggested(GreedyBaseline.Solve(request), household.Id, unit.Id));
    }

    [Theory]
    [MemberData(nameof(BrokenPairs))]
    public void BrokenBy_APersonsChoiceOfAPairBreakingOneRule_IsToldTheRuleInDanish(string rule)
    {
        var (request, household, unit) = BrokenPair(rule);

        var broken = Assert.Single(HardConstraints.BrokenBy(request, household.Id, unit.Id));

        Assert.Contains(broken, HardConstraints.Violations(request, TestInstances.Plan((household.Id, unit.Id))).Single(v => v.StartsWith($"{household.Id} i {unit.Id}: ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenBy_AnAllowedPair_OrOneNotInTheRequest_IsNothing()
    {
        var household = TestInstances.Family("H1");
        var request = TestInstances.Request([household], [TestInstances.Unit("U1")]);

        Assert.Empty(HardConstraints.BrokenBy(request, "H1", "U1"));
        Assert.Empty(HardConstraints.BrokenBy(request, "H1", "U2"));
        Assert.Empty(HardConstraints.BrokenBy(request, "H2", "U1"));
    }

    [Fact]
    public void Allows_OrdinaryPair_IsAccepted()
    {
        var household = TestInstances.Family("H1");
        var unit = TestInstances.Unit("U1");
        var request = TestInstances.Request([household], [unit]);

        Assert.True(HardConstraints.Allows(request, household, unit));
        Assert.Empty(HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"))));
    }

    [Fact]
    public void Violations_TwoHouseholdsInOneWholeUnit_AreReported()
    {
        var request = TestInstances.Request([TestInstances.Single("H1"), TestInstances.Single("H2")], [TestInstances.Unit("U1")]);

        Assert.NotEmpty(HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"), ("H2", "U1"))));
        Assert.Single(PlacementOptimizer.Solve(request).Suggestions);
    }

    [Fact]
    public void Violations_SharedRoomOverItsBeds_AreReported()
    {
        var singles = new[] { TestInstances.Single("H1"), TestInstances.Single("H2"), TestInstances.Single("H3") };
        var request = TestInstances.Request(singles, [TestInstances.SharedRoom("U1", beds: 2)]);

        Assert.NotEmpty(HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"), ("H2", "U1"), ("H3", "U1"))));
        Assert.Equal(2, PlacementOptimizer.Solve(request).Suggestions.Count);
    }

    [Fact]
    public void Violations_SharedRoomWithWomenAndMen_AreReported()
    {
        var singles = new[] { TestInstances.Single("H1", PlacementGender.Female), TestInstances.Single("H2", PlacementGender.Male) };
        var request = TestInstances.Request(singles, [TestInstances.SharedRoom("U1", beds: 2)]);

        Assert.NotEmpty(HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"), ("H2", "U1"))));
        Assert.Single(PlacementOptimizer.Solve(request).Suggestions);
        Assert.Empty(HardConstraints.Violations(request, GreedyBaseline.Solve(request).Assignment));
    }

    [Fact]
    public void Violations_SharedRoomWithSameGender_AreNone()
    {
        var singles = new[] { TestInstances.Single("H1", PlacementGender.Female), TestInstances.Single("H2", PlacementGender.Female) };
        var request = TestInstances.Request(singles, [TestInstances.SharedRoom("U1", beds: 2)]);

        Assert.Empty(HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"), ("H2", "U1"))));
        Assert.Equal(2, PlacementOptimizer.Solve(request).Suggestions.Count);
    }

    [Fact]
    public void Allows_SharedRoomWhereTheSameGenderLives_IsAccepted()
    {
        var woman = TestInstances.Single("H1", PlacementGender.Female);
        var room = TestInstances.SharedRoom("U1", beds: 1) with { SharedWith = PlacementGender.Female };
        var request = TestInstances.Request([woman], [room]);

        Assert.True(HardConstraints.Allows(request, woman, room));
        Assert.True(IsSuggested(PlacementOptimizer.Solve(request), "H1", "U1"));
    }

    [Fact]
    public void Violations_SchoolSeatsExceededByTwoFamilies_AreReported()
    {
        var families = new[] { TestInstances.Family("H1", childAges: [7, 9]), TestInstances.Family("H2", childAges: [8]) };
        var request = TestInstances.Request(
            families, [TestInstances.Unit("U1"), TestInstances.Unit("U2")], [new("Lillerød", 1, FreeSchoolSeats: 2)]);

        Assert.NotEmpty(HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"), ("H2", "U2"))));
        Assert.Single(PlacementOptimizer.Solve(request).Suggestions);
        Assert.Empty(HardConstraints.Violations(request, GreedyBaseline.Solve(request).Assignment));
    }

    [Fact]
    public void Violations_LockNotHonoured_IsReported()
    {
        var request = TestInstances.Request([TestInstances.Single("H1")], [TestInstances.Unit("U1")], locks: [("H1", "U1")]);

        Assert.NotEmpty(HardConstraints.Violations(request, TestInstances.Plan()));
    }

    private static bool IsSuggested(PlacementResult result, string householdId, string unitId) =>
        result.Suggestions.Any(s => s.HouseholdId == householdId && s.UnitId == unitId);

    private static (PlacementRequest Request, PlacementHousehold Household, PlacementUnit Unit) BrokenPair(string rule)
    {
        var family = TestInstances.Family("H1");
        var single = TestInstances.Single("H1");
        var unit = TestInstances.Unit("U1");
        var other = TestInstances.Single("H2");
        return rule switch
        {
            "too few beds" => Only(family, unit with { Beds = 3 }),
            "shared room for a family" => Only(family, TestInstances.SharedRoom("U1", beds: 4)),
            "shared room without known gender" => Only(single with { Gender = null }, TestInstances.SharedRoom("U1")),
            "not step-free" => Only(family with { NeedsStepFree = true }, unit with { StepFree = false }),
            "rent above cap" => Only(family, unit with { MonthlyRent = 5000m, IsPermanent = false }),
            "vulnerable area" => Only(family, unit with { InVulnerableArea = true }),
            "not yet available" => Only(family, unit with { AvailableFrom = TestInstances.PlanningDate.AddDays(1) }),
            "free only after the announced arrival" => Only(
                family with { ExpectedArrival = TestInstances.PlanningDate.AddDays(30) }, unit with { AvailableFrom = TestInstances.PlanningDate.AddDays(31) }),
            "excluded" => (TestInstances.Request([family], [unit], exclusions: [("H1", "U1")]), family, unit),
            "locked elsewhere" => (TestInstances.Request([family], [unit, TestInstances.Unit("U2")], locks: [("H1", "U2")]), family, unit),
            "unit locked to other" => (TestInstances.Request([single, other], [unit], locks: [("H2", "U1")]), single, unit),
            "too few school seats" => (TestInstances.Request([family], [unit], [new("Lillerød", 1, FreeSchoolSeats: 0)]), family, unit),
            "shared room where the other gender lives" => Only(
                TestInstances.Single("H1", PlacementGender.Female), TestInstances.SharedRoom("U1", beds: 1) with { SharedWith = PlacementGender.Male }),
            // 4 now and 2 to join: the unit's 4 beds fit the household, not the family (seed 004).
            "permanent home without room for the family to join" => Only(family with { FamilyToJoin = 2 }, unit with { Beds = 5 }),
            "permanent shared room for a single waiting for family" => Only(
                single with { FamilyToJoin = 1 }, TestInstances.SharedRoom("U1", beds: 4) with { IsPermanent = true }),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }

    private static (PlacementRequest, PlacementHousehold, PlacementUnit) Only(PlacementHousehold household, PlacementUnit unit) =>
        (TestInstances.Request([household], [unit]), household, unit);

    [Fact]
    public void Allows_PermanentUnitAboveTheTemporaryRentCap_IsAllowed()
    {
        // The yearly cap is for temporary housing; a permanent home is let under the rent act.
        var family = TestInstances.Family("H1", adults: 2, childAges: [4]) with { MonthlyRentCap = 4932m };
        var permanent = TestInstances.Unit("U1") with { MonthlyRent = 7800m, IsPermanent = true };
        var request = TestInstances.Request([family], [permanent]);

        Assert.True(HardConstraints.Allows(request, family, permanent));
        Assert.Single(PlacementOptimizer.Solve(request).Suggestions);
    }

    public static TheoryData<int, int, bool, bool> FamilyToJoinAndBeds => new()
    {
        // The family to join (household of 2 adults and 2 children now), the unit's beds, permanent, allowed.
        { 0, 4, true, true },
        { 2, 4, true, false },
        { 2, 5, true, false },
        { 2, 6, true, true },
        { 2, 4, false, true },
        { 5, 4, false, true },
    };

    [Theory]
    [MemberData(nameof(FamilyToJoinAndBeds))]
    public void Allows_APermanentHomeOnlyWithRoomForTheFamilyToJoin(int familyToJoin, int beds, bool permanent, bool allowed)
    {
        var family = TestInstances.Family("H1") with { FamilyToJoin = familyToJoin };
        var unit = TestInstances.Unit("U1", beds) with { IsPermanent = permanent };
        var request = TestInstances.Request([family], [unit]);

        Assert.Equal(allowed, HardConstraints.Allows(request, family, unit));
        Assert.Equal(allowed, HardConstraints.Violations(request, TestInstances.Plan(("H1", "U1"))).Count == 0);
        Assert.Equal(allowed, IsSuggested(PlacementOptimizer.Solve(request), "H1", "U1"));
    }

    [Fact]
    public void Solve_FamilyToJoinGetsTheTemporaryUnitAndTheFamilyThatFitsThePermanentOne()
    {
        // Two households of 4; one waits for 2 more. The permanent home of 4 beds goes to the one that it fits as a
        // whole family, the temporary one to the family that waits for reunification.
        var waiting = TestInstances.Family("H1") with { FamilyToJoin = 2, DaysWaited = 60 };
        var other = TestInstances.Family("H2");
        var permanent = TestInstances.Unit("U1");
        var temporary = TestInstances.Unit("U2") with { IsPermanent = false };
        var request = TestInstances.Request([waiting, other], [permanent, temporary]);

        var result = PlacementOptimizer.Solve(request);

        Assert.True(IsSuggested(result, "H1", "U2"));
        Assert.True(IsSuggested(result, "H2", "U1"));
        Assert.Empty(HardConstraints.Violations(request, GreedyBaseline.Solve(request).Assignment));
    }

    [Fact]
    public void WastedBeds_BedsKeptForTheFamilyToJoinAreNotWasted()
    {
        var family = TestInstances.Family("H1") with { FamilyToJoin = 2 };
        var request = TestInstances.Request([family], [TestInstances.Unit("U1", beds: 6)]);

        var result = PlacementOptimizer.Solve(request);

        Assert.Equal(0, PlacementMetrics.Of(request, result.Assignment).WastedBeds);
        Assert.DoesNotContain(result.Suggestions.Single().Terms, t => t.Code == DanishTerms.WastedBeds(1, -1).Code);
    }

    public static TheoryData<int?, int, bool> ArrivalAndVacancy => new()
    {
        // Days after the planning date: the household's expected arrival (null: already here), the unit free from,
        // whether the pair is allowed.
        { null, 0, true },
        { null, 1, false },
        { 30, 30, true },
        { 30, 10, true },
        { 30, 31, false },
        { -5, 0, true },
        { -5, 1, false },
    };

    [Theory]
    [MemberData(nameof(ArrivalAndVacancy))]
    public void Allows_UnitFreeByTheTimeTheHouseholdNeedsIt(int? arrivesIn, int freeIn, bool allowed)
    {
        var family = TestInstances.Family("H1") with { ExpectedArrival = arrivesIn is { } days ? TestInstances.PlanningDate.AddDays(days) : null };
        var unit = TestInstances.Unit("U1") with { AvailableFrom = TestInstances.PlanningDate.AddDays(freeIn) };
        var request = TestInstances.Request([family], [unit]);

        Assert.Equal(allowed, HardConstraints.Allows(request, family, unit));
        Assert.Equal(allowed, PlacementOptimizer.Solve(request).Suggestions.Any(s => s.UnitId == "U1"));
    }

    [Fact]
    public void Solve_TwoOtherwiseAlikeHouseholdsArrivingAtDifferentTimes_EachOnlyWhereItsUnitIsFreeInTime()
    {
        // Alike in every other respect, so only the arrival tells them apart: the later one may take the unit that
        // frees up later, the one already here may not.
        var here = TestInstances.Family("H1");
        var later = TestInstances.Family("H2") with { ExpectedArrival = TestInstances.PlanningDate.AddDays(30) };
        var freeNow = TestInstances.Unit("U1");
        var freeSoon = TestInstances.Unit("U2") with { AvailableFrom = TestInstances.PlanningDate.AddDays(20) };
        var request = TestInstances.Request([here, later], [freeNow, freeSoon]);

        var result = PlacementOptimizer.Solve(request);

        Assert.Empty(HardConstraints.Violations(request, result.Assignment));
        Assert.Contains(result.Suggestions, s => s.HouseholdId == "H1" && s.UnitId == "U1");
        Assert.Contains(result.Suggestions, s => s.HouseholdId == "H2" && s.UnitId == "U2");
    }
}

using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.People;

/// <summary>
/// The family members a household waits for by family reunification (seed 004: a permanent home for the whole family,
/// so that it moves as few times as possible): recorded by the coordinator, one fewer for each family-reunified member
/// who joins.
/// </summary>
public sealed class HouseholdFamilyToJoinTests
{
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(0, 3, true)]
    [InlineData(3, 3, false)]
    [InlineData(3, 0, true)]
    [InlineData(2, Household.MostFamilyToJoin, true)]
    public void SetFamilyToJoin_NewVersionOnlyWhenTheNumberChanges(int before, int after, bool changes)
    {
        var household = new Household("Familien Test", "koordinator-1");
        household.SetFamilyToJoin(before);
        var version = household.Version;

        household.SetFamilyToJoin(after);

        Assert.Equal(after, household.FamilyToJoin);
        Assert.Equal(changes, household.Version != version);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Household.MostFamilyToJoin + 1)]
    public void SetFamilyToJoin_RefusesANumberOutOfRange(int persons)
    {
        var household = new Household("Familien Test", "koordinator-1");
        household.SetFamilyToJoin(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => household.SetFamilyToJoin(persons));
        Assert.Equal(2, household.FamilyToJoin);
    }

    [Theory]
    [InlineData(2, ResidenceBasis.FamilyReunified, 1)]
    [InlineData(1, ResidenceBasis.FamilyReunified, 0)]
    [InlineData(0, ResidenceBasis.FamilyReunified, 0)]
    [InlineData(2, ResidenceBasis.VisitedRefugee, 2)]
    [InlineData(2, ResidenceBasis.QuotaRefugee, 2)]
    public void AddMember_AFamilyReunifiedMemberIsOneFewerToWaitFor(int waiting, ResidenceBasis basis, int after)
    {
        var household = new Household("Familien Test", "koordinator-1");
        household.AddMember(new Person("Amal", "Test", new DateOnly(1990, 1, 1), Gender.Female) { Basis = ResidenceBasis.VisitedRefugee });
        household.SetFamilyToJoin(waiting);

        household.AddMember(new Person("Sara", "Test", new DateOnly(2015, 1, 1), Gender.Female) { Basis = basis });

        Assert.Equal(after, household.FamilyToJoin);
    }
}

using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Housing;

/// <summary>
/// From domain-rules.md, Housing: "No duty to house family-reunified persons who will live with the person they joined";
/// and the quota is the number of refugees visited to the municipality, which family-reunified persons are not; "The duty
/// covers the first permanent home only".
/// </summary>
public sealed class HousingDutyTests
{
    private const ResidenceBasis Visited = ResidenceBasis.VisitedRefugee;
    private const ResidenceBasis Quota = ResidenceBasis.QuotaRefugee;
    private const ResidenceBasis Reunified = ResidenceBasis.FamilyReunified;
    private const ResidenceBasis Minor = ResidenceBasis.UnaccompaniedMinor;

    public static TheoryData<ResidenceBasis[], bool> Households => new()
    {
        { [Reunified], true },
        { [Reunified, Reunified, Reunified], true },
        { [Visited], false },
        { [Reunified, Visited], false },
        { [Quota, Reunified], false },
        { [Minor], false },
        { [], false },
    };

    [Theory]
    [MemberData(nameof(Households))]
    public void MayLiveWithReferencePerson_OnlyWhenEveryMemberIsFamilyReunified(ResidenceBasis[] members, bool may) =>
        Assert.Equal(may, HousingDuty.MayLiveWithReferencePerson(members));

    [Theory]
    [InlineData(Visited, true)]
    [InlineData(Quota, true)]
    [InlineData(Minor, true)]
    [InlineData(Reunified, false)]
    public void CountsAgainstQuota_EveryoneButTheFamilyReunified(ResidenceBasis basis, bool counts) =>
        Assert.Equal(counts, HousingDuty.CountsAgainstQuota(basis));

    [Fact]
    public void SetLivesWithReferencePerson_AllFamilyReunified_IsRecordedWithANewVersion()
    {
        var household = With(Reunified, Reunified);
        var before = household.Version;

        household.SetLivesWithReferencePerson(true);

        Assert.True(household.LivesWithReferencePerson);
        Assert.NotEqual(before, household.Version);
    }

    [Fact]
    public void SetLivesWithReferencePerson_SameValue_KeepsTheVersion()
    {
        var household = With(Reunified);
        var before = household.Version;

        household.SetLivesWithReferencePerson(false);

        Assert.Equal(before, household.Version);
    }

    [Fact]
    public void SetLivesWithReferencePerson_ARefugeeAmongTheMembers_IsRefused()
    {
        var household = With(Reunified, Visited);

        Assert.Throws<InvalidOperationException>(() => household.SetLivesWithReferencePerson(true));
        Assert.False(household.LivesWithReferencePerson);
    }

    [Fact]
    public void AddMember_ToAHouseholdLivingWithTheReferencePerson_OnlyFamilyReunified()
    {
        var household = With(Reunified);
        household.SetLivesWithReferencePerson(true);

        household.AddMember(Member(Reunified));
        Assert.Throws<InvalidOperationException>(() => household.AddMember(Member(Visited)));
        Assert.Equal(2, household.Members.Count);
    }

    [Theory]
    [InlineData(true, MoveOutDestination.OtherMunicipalUnit, true)]
    [InlineData(true, MoveOutDestination.OwnHome, true)]
    [InlineData(true, MoveOutDestination.LeftMunicipality, true)]
    [InlineData(false, MoveOutDestination.OtherMunicipalUnit, false)]
    [InlineData(false, MoveOutDestination.OwnHome, true)]
    [InlineData(false, MoveOutDestination.LeftMunicipality, true)]
    public void MoveOut_FromTheFirstPermanentHome_NeverToAnotherOfOurUnits(bool temporary, MoveOutDestination to, bool may)
    {
        Assert.Equal(may, HousingDuty.DestinationsFrom(temporary).Contains(to));
        var stay = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), beds: 2, new DateOnly(2026, 3, 1), temporary);
        var day = new DateOnly(2026, 9, 1);

        var refused = Record.Exception(() => stay.MoveOut(day, to));

        Assert.Equal(may, refused is null);
        (DateOnly?, MoveOutDestination?) expected = may ? (day, to) : (null, null);
        Assert.Equal(expected, (stay.MovedOutOn, stay.Destination));
    }

    private static Household With(params ResidenceBasis[] bases)
    {
        var household = new Household("Familien Test", "koordinator-1");
        foreach (var basis in bases)
        {
            household.AddMember(Member(basis));
        }

        return household;
    }

    private static Person Member(ResidenceBasis basis) => new("Test", "Testesen", new DateOnly(1990, 1, 1), Gender.Female) { Basis = basis };
}

using Indgang.Domain.Housing;
using Indgang.Domain.People;

namespace Indgang.Domain.Tests.People;

/// <summary>
/// The relations between a household's members: one relation between two members at most, whichever way it is read; a
/// relation typed by mistake can be removed; each change is a new version, as the rent cap depends on who are spouses.
/// </summary>
public sealed class HouseholdRelationTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    [Fact]
    public void Relate_TwoMembersAlreadyRelated_EitherWay_IsRefused()
    {
        var (household, grandmother, son, _) = ThreeGenerations();
        household.Relate(grandmother, RelationKind.Parent, son);

        Assert.Throws<InvalidOperationException>(() => household.Relate(son, RelationKind.Child, grandmother));
        Assert.Throws<InvalidOperationException>(() => household.Relate(grandmother, RelationKind.Spouse, son));
        Assert.Single(household.Relations);
    }

    [Fact]
    public void Relate_ACoupleNotInvolvingTheFirstMember_MakesTheHouseholdACouple_AndANewVersion()
    {
        var (household, grandmother, son, wife) = ThreeGenerations();
        household.Relate(grandmother, RelationKind.Parent, son);
        Assert.Equal(RentCapCategory.SingleAdult, RentCap.CategoryOf(household, Day));
        var before = household.Version;

        household.Relate(son, RelationKind.Spouse, wife);

        Assert.NotEqual(before, household.Version);
        Assert.Same(household.Relations[1], household.RelationBetween(wife.Id, son.Id));
        Assert.Equal(RentCapCategory.CoupleWithoutChildren, RentCap.CategoryOf(household, Day));
    }

    [Fact]
    public void Unrelate_RemovesTheRelation_AndMakesANewVersion_AnUnknownOneIsNotRemoved()
    {
        var (household, _, son, wife) = ThreeGenerations();
        var couple = household.Relate(son, RelationKind.Spouse, wife);
        var before = household.Version;

        Assert.False(household.Unrelate(Guid.NewGuid()));
        Assert.Equal(before, household.Version);
        Assert.True(household.Unrelate(couple.Id));

        Assert.NotEqual(before, household.Version);
        Assert.Null(household.RelationBetween(son.Id, wife.Id));
        Assert.Equal(RentCapCategory.SingleAdult, RentCap.CategoryOf(household, Day));
    }

    private static (Household Household, Person Grandmother, Person Son, Person Wife) ThreeGenerations()
    {
        var household = new Household("Familien Tre", "koordinator-1");
        var grandmother = new Person("Bedste", "Tre", new DateOnly(1950, 3, 1), Gender.Female);
        var son = new Person("Søn", "Tre", new DateOnly(1980, 5, 1), Gender.Male);
        var wife = new Person("Hustru", "Tre", new DateOnly(1982, 7, 1), Gender.Female);
        household.AddMember(grandmother);
        household.AddMember(son);
        household.AddMember(wife);
        return (household, grandmother, son, wife);
    }
}

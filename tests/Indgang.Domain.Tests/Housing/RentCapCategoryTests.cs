using Indgang.Domain.Housing;
using Indgang.Domain.People;

namespace Indgang.Domain.Tests.Housing;

/// <summary>
/// The rent-cap order's categories (domain-rules.md, housing): "single (with or without children) 2,467 kr.; couple
/// without children 4,520 kr.; couple with 1–3 children 4,932 kr.; couple with 4+ children 5,343 kr." (2023). A couple is
/// two spouses; children are those under 18.
/// </summary>
public sealed class RentCapCategoryTests
{
    private static readonly DateOnly Day = new(2023, 6, 1);

    [Theory]
    [InlineData(false, 0, RentCapCategory.SingleAdult, 2467)]
    [InlineData(false, 3, RentCapCategory.SingleAdult, 2467)]
    [InlineData(true, 0, RentCapCategory.CoupleWithoutChildren, 4520)]
    [InlineData(true, 1, RentCapCategory.CoupleWithOneToThreeChildren, 4932)]
    [InlineData(true, 3, RentCapCategory.CoupleWithOneToThreeChildren, 4932)]
    [InlineData(true, 4, RentCapCategory.CoupleWithFourOrMoreChildren, 5343)]
    [InlineData(true, 7, RentCapCategory.CoupleWithFourOrMoreChildren, 5343)]
    public void CategoryOf_ACoupleOrASingle_ByTheChildren_HasTheOrdersCap(bool couple, int children, RentCapCategory category, int cap)
    {
        Assert.Equal(category, RentCap.CategoryOf(couple, children));
        Assert.Equal(cap, RentCaps.For(RentCap.Seed2023(), 2023, category));
    }

    /// <summary>
    /// Members after the first adult "P": "+" the first's spouse, "c" a child under 18, "a" another adult (a child of 19,
    /// a brother), no one's spouse.
    /// </summary>
    [Theory]
    [InlineData("P", RentCapCategory.SingleAdult)]
    [InlineData("Pcc", RentCapCategory.SingleAdult)]
    [InlineData("Pacc", RentCapCategory.SingleAdult)] // a single mother, her son of 19 and two small children: not a couple
    [InlineData("Pa", RentCapCategory.SingleAdult)] // two adult brothers
    [InlineData("P+", RentCapCategory.CoupleWithoutChildren)]
    [InlineData("P+a", RentCapCategory.CoupleWithoutChildren)] // an adult child is no child of the order
    [InlineData("P+ccc", RentCapCategory.CoupleWithOneToThreeChildren)]
    [InlineData("P+cccc", RentCapCategory.CoupleWithFourOrMoreChildren)]
    public void CategoryOf_AHousehold_IsACoupleOnlyWithSpouses(string members, RentCapCategory category) =>
        Assert.Equal(category, RentCap.CategoryOf(HouseholdOf(members), Day));

    [Fact]
    public void CategoryOf_AHousehold_CountsTheChildrenUnder18OnTheDay()
    {
        var household = HouseholdOf("P+c");
        var turns18 = household.Members[2].BirthDate.AddYears(18);

        Assert.Equal(RentCapCategory.CoupleWithOneToThreeChildren, RentCap.CategoryOf(household, turns18.AddDays(-1)));
        Assert.Equal(RentCapCategory.CoupleWithoutChildren, RentCap.CategoryOf(household, turns18));
    }

    [Fact]
    public void CategoryOf_ASpouseUnder18_IsOneOfTheCouple_NotItsChild()
    {
        var household = new Household("Familien Test", "koordinator-1");
        var husband = new Person("Mand", "Test", Day.AddYears(-25), Gender.Male);
        var wife = new Person("Hustru", "Test", Day.AddYears(-17), Gender.Female);
        household.AddMember(husband);
        household.AddMember(wife);
        household.Relate(husband, RelationKind.Spouse, wife);

        Assert.Equal(RentCapCategory.CoupleWithoutChildren, RentCap.CategoryOf(household, Day));
    }

    [Fact]
    public void For_AYearWithoutItsOwnOrder_TakesTheLatestEarlierOne_AndNoneBeforeTheFirst()
    {
        Assert.Equal(2467m, RentCaps.For(RentCap.Seed2023(), 2026, RentCapCategory.SingleAdult));
        Assert.Null(RentCaps.For(RentCap.Seed2023(), 2022, RentCapCategory.SingleAdult));
    }

    private static Household HouseholdOf(string members)
    {
        var household = new Household("Familien Test", "koordinator-1");
        var first = new Person("Første", "Test", new DateOnly(1985, 1, 1), Gender.Female);
        household.AddMember(first);
        foreach (var (kind, i) in members[1..].Select((k, i) => (k, i)))
        {
            var born = kind switch
            {
                'c' => Day.AddYears(-5 - i),
                'a' => Day.AddYears(-19 - i),
                _ => new DateOnly(1984, 1, 1),
            };
            var member = new Person($"Medlem{i}", "Test", born, Gender.Male);
            household.AddMember(member);
            household.Relate(first, kind switch { '+' => RelationKind.Spouse, 'c' => RelationKind.Child, _ => RelationKind.Sibling }, member);
        }

        return household;
    }
}

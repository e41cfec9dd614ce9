using Indgang.Domain.People;
using Indgang.Web.Features.Housing.Placement;

namespace Indgang.Web.Tests.Housing;

/// <summary>The language the optimizer groups a household by: the first of the eldest member who has one recorded, or none (empty).</summary>
public sealed class PlacementLanguageTests
{
    [Theory]
    [InlineData("Arabisk, engelsk", "arabisk")]
    [InlineData("  Dari ,engelsk", "dari")]
    // The mother has none recorded (or only commas): the child's.
    [InlineData(null, "fransk")]
    [InlineData("", "fransk")]
    [InlineData(" , ,", "fransk")]
    public void LanguageOf_TheEldestMembersFirstLanguage_OrNoneRecorded(string? languages, string expected)
    {
        var household = new Household("Familien Test", "koordinator-1");
        household.AddMember(new Person("Mor", "Test", new DateOnly(1980, 1, 1), Gender.Female) { Languages = languages });
        household.AddMember(new Person("Barn", "Test", new DateOnly(2015, 1, 1), Gender.Male) { Languages = "fransk" });

        Assert.Equal(expected, PlacementRunner.LanguageOf(household));
    }

    [Fact]
    public void LanguageOf_NobodyHasOneRecorded_IsEmpty()
    {
        var household = new Household("Familien Test", "koordinator-1");
        household.AddMember(new Person("Mor", "Test", new DateOnly(1980, 1, 1), Gender.Female) { Languages = " ,," });
        household.AddMember(new Person("Barn", "Test", new DateOnly(2015, 1, 1), Gender.Male));

        Assert.Equal("", PlacementRunner.LanguageOf(household));
    }
}

using System.Globalization;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Reception;

public class HouseholdTypeClassifierTests
{
    // Members as "birth date/basis number" pairs separated by ';', classified on 2025-07-01.
    [Theory]
    [InlineData("1990-01-01/1", HouseholdType.SingleAdult)]
    [InlineData("1990-01-01/1;1992-01-01/1", HouseholdType.AdultsWithoutChildren)]
    [InlineData("1990-01-01/2;1992-01-01/2;1960-01-01/2", HouseholdType.AdultsWithoutChildren)]
    [InlineData("1990-01-01/1;1992-01-01/1;2021-03-01/1;2016-02-10/1", HouseholdType.FamilyWithChildren)]
    [InlineData("1990-01-01/2;2021-03-01/2", HouseholdType.FamilyWithChildren)] // single parent
    [InlineData("1990-01-01/1;2010-01-01/3", HouseholdType.FamilyWithChildren)] // a child joining a parent who came first
    [InlineData("2009-05-01/4", HouseholdType.UnaccompaniedMinor)]
    [InlineData("2009-05-01/4;2012-05-01/4", HouseholdType.UnaccompaniedMinor)] // siblings
    [InlineData("2007-07-01/4", HouseholdType.UnaccompaniedMinor)] // turned 18 on the day; the basis still decides
    [InlineData("2009-05-01/1", HouseholdType.UnaccompaniedMinor)] // no adult at all
    [InlineData("1992-01-01/3", HouseholdType.FamilyReunifiedJoining)]
    [InlineData("1992-01-01/3;2018-01-01/3", HouseholdType.FamilyReunifiedJoining)]
    [InlineData("2018-01-01/3", HouseholdType.FamilyReunifiedJoining)] // a child joining a parent already here
    [InlineData("2007-07-02/1;2008-01-01/1", HouseholdType.UnaccompaniedMinor)] // 18 the day after
    public void Classify_Members_HouseholdType(string members, HouseholdType expected)
    {
        Assert.Equal(expected, HouseholdTypeClassifier.Classify(Parse(members), Day("2025-07-01")));
    }

    [Fact]
    public void Classify_ChildTurns18_FamilyBecomesAdults()
    {
        (DateOnly, ResidenceBasis)[] members = [(Day("1980-01-01"), ResidenceBasis.QuotaRefugee), (Day("2007-09-01"), ResidenceBasis.QuotaRefugee)];

        Assert.Equal(HouseholdType.FamilyWithChildren, HouseholdTypeClassifier.Classify(members, Day("2025-08-31")));
        Assert.Equal(HouseholdType.AdultsWithoutChildren, HouseholdTypeClassifier.Classify(members, Day("2025-09-01")));
    }

    [Fact]
    public void Classify_NoMembers_Throws()
    {
        Assert.Throws<ArgumentException>(() => HouseholdTypeClassifier.Classify([], Day("2025-07-01")));
    }

    private static (DateOnly BirthDate, ResidenceBasis Basis)[] Parse(string members) =>
        [.. members.Split(';').Select(member => member.Split('/')).Select(parts =>
            (Day(parts[0]), (ResidenceBasis)int.Parse(parts[1], CultureInfo.InvariantCulture)))];

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

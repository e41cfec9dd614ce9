using System.Globalization;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Reception;

/// <summary>
/// A member who joins a household later gets the personal items of the household's checklist, the household classified
/// with them in it: never the checklist of a household of the joining member alone.
/// </summary>
public class ChecklistJoiningMemberTests
{
    private static readonly DateOnly Joined = Day("2026-12-03");
    private static readonly DateOnly Day0 = Day("2026-12-03");

    // Members as "birth date/basis number" pairs separated by ';', the last one joining on 2026-12-03; the joining
    // member's task types, in any order.
    [Theory]
    // A baby born to a refugee family, registered as a visited refugee: a child of the family, not an unaccompanied minor.
    [InlineData("1990-01-01/1;1992-01-01/1;2020-05-01/1;2026-11-20/1", "SchoolOrDaycareOffer,HealthDocumentsConsent")]
    [InlineData("1990-01-01/2;1992-01-01/2;2026-11-20/2", "SchoolOrDaycareOffer,HealthDocumentsConsent")]
    // A child joining a single parent who came first.
    [InlineData("1990-01-01/1;2015-03-01/3", "SchoolOrDaycareOffer,HealthDocumentsConsent")]
    [InlineData("1990-01-01/1;2015-03-01/1", "SchoolOrDaycareOffer,HealthDocumentsConsent")]
    // A spouse joining by family reunification: the adult's own economy items.
    [InlineData("1990-01-01/1;2020-05-01/1;1992-01-01/3", "HealthDocumentsConsent,TaxCard,BankAccount,BenefitsInformation")]
    // A sibling joining an unaccompanied minor is one too: every item to each member, and Børn og Familier's assessment.
    [InlineData("2010-01-01/4;2012-01-01/4", "SchoolOrDaycareOffer,HealthDocumentsConsent,TaxCard,BankAccount,ChildrenAndFamiliesAssessment,BenefitsInformation")]
    public void ExpandJoining_ClassifiedWithTheHousehold_OnlyTheJoiningMembersPersonalItems(string members, string expected)
    {
        var household = Parse(members);

        var tasks = ChecklistTemplates.Default.ExpandJoining(household, household.Length - 1, Joined, Day0);

        Assert.All(tasks, task => Assert.Equal(household.Length - 1, task.MemberIndex));
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), tasks.Select(t => t.Type.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExpandJoining_NewbornInARefugeeFamily_NoAssessmentByChildrenAndFamilies_NoEconomyItems()
    {
        var household = Parse("1990-01-01/1;1992-01-01/1;2026-11-20/1");

        var types = ChecklistTemplates.Default.ExpandJoining(household, 2, Joined, Day0).Select(t => t.Type).ToList();

        Assert.DoesNotContain(TaskType.ChildrenAndFamiliesAssessment, types);
        Assert.DoesNotContain(TaskType.TaxCard, types);
        Assert.DoesNotContain(TaskType.BankAccount, types);
        Assert.DoesNotContain(TaskType.BenefitsInformation, types);
    }

    [Fact]
    public void ExpandJoining_MemberNotInTheHousehold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChecklistTemplates.Default.ExpandJoining(Parse("1990-01-01/1"), 1, Joined, Day0));
    }

    private static (ChecklistMember Member, ResidenceBasis Basis)[] Parse(string members) =>
        [.. members.Split(';').Select(member => member.Split('/')).Select(parts =>
            (new ChecklistMember(Day(parts[0])), (ResidenceBasis)int.Parse(parts[1], CultureInfo.InvariantCulture)))];

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

using System.Globalization;
using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Reception;

public class ChecklistTemplatesTests
{
    private static readonly DateOnly Arrival = Day("2025-06-20");
    private static readonly DateOnly Day0 = Day("2025-07-01");

    private static readonly TaskType[] Everyone =
    [
        TaskType.CprAndFolkeregister, TaskType.GpRegistration, TaskType.TaxCard, TaskType.BankAccount,
        TaskType.BenefitsInformation, TaskType.LeaseContract, TaskType.KeyHandover, TaskType.StartPackage,
        TaskType.HouseRulesIntroduction, TaskType.MoveInDefectsList, TaskType.HealthDocumentsConsent,
    ];

    private static readonly ChecklistMember[] Family =
    [
        new(Day("1988-04-02"), "Ahmad"),
        new(Day("1990-09-12"), "Rasha"),
        new(Day("2021-03-01"), "Lina"), // 4 on arrival
        new(Day("2016-02-10"), "Omar"), // 9 on arrival
    ];

    [Theory]
    [InlineData(HouseholdType.SingleAdult)]
    [InlineData(HouseholdType.AdultsWithoutChildren)]
    [InlineData(HouseholdType.FamilyWithChildren)]
    [InlineData(HouseholdType.FamilyReunifiedJoining)]
    [InlineData(HouseholdType.UnaccompaniedMinor)]
    public void Default_EveryHouseholdType_HasTheCommonItems(HouseholdType type)
    {
        var types = ChecklistTemplates.Default.For(type).Select(item => item.Type).ToHashSet();

        Assert.Superset(Everyone.ToHashSet(), types);
    }

    [Fact]
    public void Expand_FamilyWithTwoChildren_SchoolOfferPerChildAndOneFamilyConsultant()
    {
        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.FamilyWithChildren, Family, Arrival, Day0);

        var schoolOffers = tasks.Where(task => task.Type == TaskType.SchoolOrDaycareOffer).ToList();
        Assert.Equal(new int?[] { 2, 3 }, schoolOffers.Select(task => task.MemberIndex));
        Assert.Collection(
            schoolOffers,
            lina => Assert.Equal("Tilbud om skole eller dagtilbud – Lina", lina.Title),
            omar => Assert.Equal("Tilbud om skole eller dagtilbud – Omar", omar.Title));
        Assert.All(schoolOffers, task => Assert.Equal(Day("2025-07-04"), task.DueDate));
        var consultant = Assert.Single(tasks, task => task.Type == TaskType.FamilyConsultantOffer);
        Assert.Null(consultant.MemberIndex);
    }

    [Fact]
    public void Expand_FamilyWithTwoChildren_PersonalItemsPerAdultConsentPerMember()
    {
        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.FamilyWithChildren, Family, Arrival, Day0);

        Assert.Equal(new int?[] { 0, 1 }, tasks.Where(task => task.Type == TaskType.BankAccount).Select(task => task.MemberIndex));
        Assert.Equal(new int?[] { 0, 1, 2, 3 }, tasks.Where(task => task.Type == TaskType.HealthDocumentsConsent).Select(task => task.MemberIndex));
        Assert.Single(tasks, task => task.Type == TaskType.LeaseContract);
    }

    [Fact]
    public void Expand_SingleAdult_NoSchoolOfferNoFamilyConsultant()
    {
        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.SingleAdult, [new(Day("1995-01-01"), "Yonas")], Arrival, Day0);

        Assert.DoesNotContain(tasks, task => task.Type is TaskType.SchoolOrDaycareOffer or TaskType.FamilyConsultantOffer or TaskType.ChildrenAndFamiliesAssessment);
        Assert.Equal(Everyone.Order(), tasks.Select(task => task.Type).Order());
    }

    [Fact]
    public void Expand_UnaccompaniedMinor_AssessmentSchoolOfferAndPersonalItems()
    {
        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.UnaccompaniedMinor, [new(Day("2009-05-01"), "Hamid")], Arrival, Day0);

        var assessment = Assert.Single(tasks, task => task.Type == TaskType.ChildrenAndFamiliesAssessment);
        Assert.Equal("Vurdering ved Børn og Familier – Hamid", assessment.Title);
        Assert.Single(tasks, task => task.Type == TaskType.SchoolOrDaycareOffer);
        Assert.Single(tasks, task => task.Type == TaskType.BankAccount);
        Assert.DoesNotContain(tasks, task => task.Type == TaskType.FamilyConsultantOffer);
    }

    [Theory]
    [InlineData(TaskType.LeaseContract, "2025-06-20")] // arrival day
    [InlineData(TaskType.KeyHandover, "2025-06-20")]
    [InlineData(TaskType.StartPackage, "2025-06-20")]
    [InlineData(TaskType.CprAndFolkeregister, "2025-06-25")] // within 5 days
    [InlineData(TaskType.BenefitsInformation, "2025-07-01")] // by day 0
    public void Expand_Offsets_CountedFromTheirAnchor(TaskType type, string expected)
    {
        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.SingleAdult, [new(Day("1995-01-01"))], Arrival, Day0);

        Assert.Equal(Day(expected), Assert.Single(tasks, task => task.Type == type).DueDate);
    }

    [Fact]
    public void Expand_NoNames_PlainTitlesWithMemberIndex()
    {
        ChecklistMember[] members = [new(Day("1990-01-01")), new(Day("2020-01-01")), new(Day("2018-01-01"), " ")];

        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.FamilyWithChildren, members, Arrival, Day0);

        Assert.All(
            tasks.Where(task => task.Type == TaskType.SchoolOrDaycareOffer),
            task => Assert.Equal("Tilbud om skole eller dagtilbud", task.Title));
    }

    [Fact]
    public void Expand_Tasks_OrderedByDueDate()
    {
        var tasks = ChecklistTemplates.Default.Expand(HouseholdType.FamilyWithChildren, Family, Arrival, Day0);

        Assert.Equal(tasks.Select(task => task.DueDate).Order(), tasks.Select(task => task.DueDate));
    }

    [Fact]
    public void Expand_OwnTemplates_UsedInsteadOfDefaults()
    {
        var templates = new ChecklistTemplates(new Dictionary<HouseholdType, IReadOnlyList<ChecklistItem>>
        {
            [HouseholdType.SingleAdult] = [new(TaskType.KeyHandover, TaskAnchor.Day0, 2, TaskScope.Household, "Nøgler")],
        });

        var task = Assert.Single(templates.Expand(HouseholdType.SingleAdult, [new(Day("1990-01-01"))], Arrival, Day0));

        Assert.Equal(new PlannedTask(TaskType.KeyHandover, Day("2025-07-03"), null, "Nøgler"), task);
        Assert.Throws<ArgumentException>(() => templates.Expand(HouseholdType.FamilyWithChildren, [], Arrival, Day0));
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A member added to a household later gets the tasks of a member of that household: a baby born to a refugee family is
/// the family's child, not an unaccompanied minor, whatever residence basis it is given.
/// </summary>
public sealed class JoiningMemberTasksTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AddMember_NewbornVisitedRefugeeInARefugeeFamily_ChildsTasksOnly_NoAssessmentByChildrenAndFamilies()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-40), Arrivals.Today.AddDays(-10),
        [
            new ArrivalMember("Far", "Nyfødt", new DateOnly(1988, 2, 1), Gender.Male, ResidenceBasis.VisitedRefugee),
            new ArrivalMember("Mor", "Nyfødt", new DateOnly(1991, 6, 1), Gender.Female, ResidenceBasis.VisitedRefugee, RelationToFirst: RelationKind.Spouse),
            new ArrivalMember("Storebror", "Nyfødt", new DateOnly(2019, 9, 1), Gender.Male, ResidenceBasis.VisitedRefugee, RelationToFirst: RelationKind.Child),
        ]));
        var assessmentsBefore = await AssessmentsAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Lillesøster",
            ["Input.Members[0].LastName"] = "Nyfødt",
            ["Input.Members[0].BirthDate"] = Arrivals.Iso(Arrivals.Today.AddDays(-3)),
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "VisitedRefugee",
            ["Input.Members[0].RelationToFirst"] = "Child",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var baby = await factory.PersonIdAsync("Lillesøster");
        var tasks = await factory.QueryAsync(db => db.Tasks.Where(t => t.PersonId == baby).Select(t => t.Type).ToListAsync());
        Assert.Equal(new[] { TaskType.SchoolOrDaycareOffer, TaskType.HealthDocumentsConsent }.Order(), tasks.Order());
        Assert.Equal(assessmentsBefore, await AssessmentsAsync(household));
    }

    [Fact]
    public async Task AddMember_SpouseByFamilyReunification_AdultsOwnTasks()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-40), Arrivals.Today.AddDays(-10),
        [
            new ArrivalMember("Far", "Ægtefælle", new DateOnly(1988, 2, 1), Gender.Male, ResidenceBasis.VisitedRefugee),
            new ArrivalMember("Søn", "Ægtefælle", new DateOnly(2019, 9, 1), Gender.Male, ResidenceBasis.VisitedRefugee, RelationToFirst: RelationKind.Child),
        ]));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustruen",
            ["Input.Members[0].LastName"] = "Ægtefælle",
            ["Input.Members[0].BirthDate"] = "1992-04-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var spouse = await factory.PersonIdAsync("Hustruen");
        var tasks = await factory.QueryAsync(db => db.Tasks.Where(t => t.PersonId == spouse).Select(t => t.Type).ToListAsync());
        Assert.Equal(new[] { TaskType.TaxCard, TaskType.BankAccount, TaskType.BenefitsInformation, TaskType.HealthDocumentsConsent }.Order(), tasks.Order());
    }

    /// <summary>
    /// A refugee who came alone is joined by his daughter: the household is a family with children now, and its checklist
    /// gives the family consultant's offer, which is made for Børn og Familier, due as the checklist dates it from the
    /// household's arrival but not before today. Before, only the daughter's own tasks were made.
    /// </summary>
    [Fact]
    public async Task AddMember_TheFirstChildJoins_TheFamilyConsultantsOfferIsMadeForTheHousehold()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today.AddDays(-20),
            [new ArrivalMember("Far", "Førstebarn", new DateOnly(1984, 2, 1), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        Assert.Equal(0, await FamilyConsultantOffersAsync(household));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var added = await AddChildAsync(coordinator, household, "Datteren", "Førstebarn");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var offer = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.FamilyConsultantOffer));
        Assert.Equal(((Guid?)null, Arrivals.Today.AddDays(10), Domain.Tasks.CaseTaskStatus.Open), (offer.PersonId, offer.DueDate, offer.Status));
        Assert.Equal("boern-familier", await factory.QueryAsync(db => db.Departments.Where(d => d.Id == offer.DepartmentId).Select(d => d.Code).SingleAsync()));
    }

    /// <summary>A family that has the offer already (registered with a child) does not get it again when another child joins.</summary>
    [Fact]
    public async Task AddMember_AnotherChildJoins_TheFamilyConsultantsOfferIsNotMadeTwice()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today.AddDays(-20),
        [
            new ArrivalMember("Mor", "Andetbarn", new DateOnly(1986, 2, 1), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Søn", "Andetbarn", new DateOnly(2016, 2, 1), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        Assert.Equal(1, await FamilyConsultantOffersAsync(household));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var added = await AddChildAsync(coordinator, household, "Datter", "Andetbarn");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1, await FamilyConsultantOffersAsync(household));
    }

    private static Task<HttpResponseMessage> AddChildAsync(Browser coordinator, Guid household, string firstName, string lastName) =>
        coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = firstName,
            ["Input.Members[0].LastName"] = lastName,
            ["Input.Members[0].BirthDate"] = "2017-05-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Child",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
        });

    private Task<int> FamilyConsultantOffersAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && t.Type == TaskType.FamilyConsultantOffer));

    private Task<int> AssessmentsAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && t.Type == TaskType.ChildrenAndFamiliesAssessment));
}

using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A department takes one of a household's checklist tasks in the very moment the coordinator saves a change that moves
/// it (day 0 by hand, the CPR registration day, the arrival), between the page's checks and its save: the change is saved
/// all the same, not shown as another's change to the person, and the task is both taken and moved.
/// </summary>
public sealed class ChecklistMoveMeetsTaskTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private static readonly DateOnly Arrived = Today.AddDays(-20);

    [Fact]
    public async Task TaskTakenAtTheMomentDay0IsChanged_Day0Saved_TheTaskTakenAndMoved()
    {
        var (household, person) = await ArrivedAsync("Samtidigdagnul", new DateOnly(1980, 5, 5));
        var task = await BenefitsInformationAsync(person);
        var day0 = Today.AddDays(-5);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, $"/Households/{household}/Day0?personId={person}");
        TakenAtTheSave<Person>(person, task);

        var saved = await form.PostAsync(new Dictionary<string, string> { ["Date"] = Iso(day0), ["Reason"] = "Samtykke", ["UseComputed"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(day0, await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.Day0Override).SingleAsync()));
        await AssertTakenAndDueAsync(task, day0);
    }

    [Fact]
    public async Task TaskTakenAtTheMomentTheCprRegistrationIsRecorded_Recorded_TheTaskTakenAndMoved()
    {
        var (household, person) = await ArrivedAsync("Samtidigcpr", new DateOnly(1977, 3, 14));
        var task = await BenefitsInformationAsync(person);
        var registered = Today.AddDays(-5);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, $"/Households/{household}/Cpr?personId={person}");
        TakenAtTheSave<Person>(person, task);

        var saved = await form.PostAsync(new Dictionary<string, string> { ["Cpr"] = "140377-1235", ["RegisteredOn"] = Iso(registered) });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(registered, await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.CprRegisteredOn).SingleAsync()));
        await AssertTakenAndDueAsync(task, registered);
    }

    [Fact]
    public async Task TaskTakenAtTheMomentTheArrivalIsMoved_Moved_TheTaskTakenAndMoved()
    {
        var expected = Today.AddDays(14);
        var household = await ExpectedAsync("Samtidigankomst", expected);
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        var task = await BenefitsInformationAsync(person);
        // The date the checklist gives the task for the new arrival: that of a household registered with it.
        var movedTo = await ExpectedAsync("Samtidigankomsttvilling", expected.AddDays(9));
        var due = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == movedTo && t.Type == TaskType.BenefitsInformation).Select(t => t.DueDate).SingleAsync());
        Assert.NotEqual(due, await factory.QueryAsync(db => db.Tasks.Where(t => t.Id == task).Select(t => t.DueDate).SingleAsync()));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, $"/Households/{household}/Arrival");
        TakenAtTheSave<Household>(household, task);

        var saved = await form.PostAsync(new Dictionary<string, string> { ["ExpectedArrival"] = Iso(expected.AddDays(9)), ["ArrivedOn"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(expected.AddDays(9), await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ExpectedArrival).SingleAsync()));
        await AssertTakenAndDueAsync(task, due);
    }

    /// <summary>Sekretariatet takes the task just before the coordinator's save of the record (modified) goes through.</summary>
    private void TakenAtTheSave<TRecord>(Guid record, Guid task)
        where TRecord : class =>
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<TRecord>().Any(e => e.State == EntityState.Modified && Equals(e.Property("Id").CurrentValue, record)),
            () => factory.TakeAsAsync(task, "sekretariat"));

    private async Task AssertTakenAndDueAsync(Guid task, DateOnly due)
    {
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task));
        Assert.NotNull(saved.AssigneeUserId);
        Assert.Equal(due, saved.DueDate);
    }

    private Task<Guid> BenefitsInformationAsync(Guid person) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.PersonId == person && t.Type == TaskType.BenefitsInformation).Select(t => t.Id).SingleAsync());

    private Task<Guid> ExpectedAsync(string lastName, DateOnly expected) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, expected, [new ArrivalMember("Kvote", lastName, new DateOnly(1985, 6, 6), Gender.Female, ResidenceBasis.QuotaRefugee)]));

    /// <summary>A quota refugee registered without a CPR number, arrived 20 days ago: day 0 is estimated from the arrival.</summary>
    private async Task<(Guid Household, Guid Person)> ArrivedAsync(string lastName, DateOnly birthDate)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrived,
            [new ArrivalMember("Kvote", lastName, birthDate, Gender.Male, ResidenceBasis.QuotaRefugee)]));
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }
}

using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The coordinator changes a member's day 0 by hand, or takes the computed one back: the open checklist tasks counted
/// from day 0 move with it, as they do when the CPR registration day is recorded, also for a member who joined later, and
/// the log says how many moved.
/// </summary>
public sealed class Day0RescheduleTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Arrived = Today.AddDays(-20);

    [Fact]
    public async Task Override_TheTasksCountedFromDay0Move_ClearingItMovesThemBack_BothLogged()
    {
        var (household, person) = await ArrivedAsync("Dagnulflyt");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Equal(Arrived, await BenefitsInformationDueAsync(person));
        var day0 = Today.AddDays(-5);

        var overridden = await (await OpenedForm.OpenAsync(coordinator, Url(household, person))).PostAsync(Overridden(day0));

        Assert.Equal(HttpStatusCode.Redirect, overridden.Status);
        Assert.Equal(day0, await BenefitsInformationDueAsync(person));

        var cleared = await (await OpenedForm.OpenAsync(coordinator, Url(household, person))).PostAsync(
            new Dictionary<string, string> { ["Date"] = "", ["Reason"] = "", ["UseComputed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        Assert.Equal(Arrived, await BenefitsInformationDueAsync(person));
        var logged = await LoggedAsync(person);
        Assert.Equal([$"{Iso(day0)} {Web.Audit.AuditLog.ReasonKeptInTheCase}, 1 opgaver flyttet", "Beregnet dag 0 igen, 1 opgaver flyttet"], logged);
    }

    /// <summary>A member who joined later has tasks dated from their own arrival: their day 0 changed moves those too.</summary>
    [Fact]
    public async Task Override_ForAMemberWhoJoinedLater_TheirOwnTasksMove()
    {
        var (household, _) = await ArrivedAsync("Dagnulsenere");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var joined = Today.AddDays(-6);
        using (var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustru",
            ["Input.Members[0].LastName"] = "Dagnulsenere",
            ["Input.Members[0].BirthDate"] = "1993-02-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Iso(joined),
            ["CprRegisteredOn"] = "",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var spouse = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Hustru").Select(p => p.Id).SingleAsync());
        Assert.Equal(joined, await BenefitsInformationDueAsync(spouse));
        var day0 = Today.AddDays(-2);

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(household, spouse))).PostAsync(Overridden(day0));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(day0, await BenefitsInformationDueAsync(spouse));
        Assert.Equal([$"{Iso(day0)} {Web.Audit.AuditLog.ReasonKeptInTheCase}, 1 opgaver flyttet"], await LoggedAsync(spouse));
    }

    private static string Url(Guid household, Guid person) => $"/Households/{household}/Day0?personId={person}";

    private static Dictionary<string, string> Overridden(DateOnly day0) =>
        new() { ["Date"] = Iso(day0), ["Reason"] = "Samtykke", ["UseComputed"] = "false" };

    private Task<DateOnly> BenefitsInformationDueAsync(Guid person) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.PersonId == person && t.Type == TaskType.BenefitsInformation).Select(t => t.DueDate).SingleAsync());

    private async Task<string[]> LoggedAsync(Guid person) =>
        [.. (await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.Day0Overridden && e.SubjectPersonId == person).ToListAsync()))
            .OrderBy(e => e.Sequence).Select(e => e.Details ?? "")];

    /// <summary>A quota refugee registered without a CPR number, arrived 20 days ago: day 0 is estimated from the arrival.</summary>
    private async Task<(Guid Household, Guid Person)> ArrivedAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrived,
            [new ArrivalMember("Kvote", lastName, new DateOnly(1980, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }
}

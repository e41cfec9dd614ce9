using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A member added to a household later has their own arrival in the municipality, asked for on the Add member form: while
/// their CPR registration is not known, their day 0 is estimated from it, never from the household's arrival years before
/// (REC-5). The households here were visited on 15 January 2024 and expected on 1 March 2024.
/// </summary>
public sealed class JoinedOnTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task AddMember_SpouseJoinsYearsLater_NoCprDate_Day0AndDeadlinesFromHerOwnArrival_AnEstimate()
    {
        var household = await LongAgoAsync("Sammenført");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var joined = Arrivals.Today;

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", Spouse("Sammenført", Arrivals.Iso(joined)));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var spouse = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Hustru").Select(p => p.Id).SingleAsync());
        Assert.Equal(joined, await factory.QueryAsync(db => db.Persons.Where(p => p.Id == spouse).Select(p => p.JoinedOn).SingleAsync()));
        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        var day0 = page.QuerySelector($"tr:has(a[href='/People/{spouse}'])")?.QuerySelectorAll("td")[4].TextContent;
        Assert.Contains(Shown(joined), day0, StringComparison.Ordinal);
        Assert.Contains("skøn", day0, StringComparison.Ordinal);
        var contract = page.QuerySelector($"tr[data-deadline='IntegrationContract']:has(a[href*='{spouse}'])")?.QuerySelectorAll("td")[1].TextContent;
        Assert.Contains(Shown(joined.AddMonths(1)), contract, StringComparison.Ordinal);
        Assert.DoesNotContain("Overskredet", contract, StringComparison.Ordinal);
        Assert.Equal(joined, await factory.QueryAsync(db => db.Tasks.Where(t => t.PersonId == spouse && t.Type == TaskType.BenefitsInformation).Select(t => t.DueDate).SingleAsync()));
    }

    [Fact]
    public async Task AddMember_Form_NamesTheEldestMember_AndLogsHerAsRead_NotTheOthers()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today.AddDays(5),
        [
            new ArrivalMember("Mor", "Navngivet", new DateOnly(1980, 2, 2), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Søn", "Navngivet", new DateOnly(2012, 3, 3), Gender.Male, ResidenceBasis.QuotaRefugee),
        ]));
        var mother = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Mor").Select(p => p.Id).SingleAsync());
        var son = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Søn").Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var form = await coordinator.GetPageAsync($"/Households/{household}/AddMember");
        Assert.Contains("Relationen angives i forhold til Mor Navngivet", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        // The relation field names her too (it said "medlem 1", and offered "Ingen / første medlem" to the one joining).
        var page = Parser.ParseDocument(form);
        Assert.Equal("Relation til Mor Navngivet", page.QuerySelector("label[for='Input_Members_0__RelationToFirst']")?.TextContent.Trim());
        Assert.Equal("Ingen af disse", page.QuerySelector("#Input_Members_0__RelationToFirst option[value='']")?.TextContent.Trim());

        Assert.Equal(1, await MemberReadsAsync(mother));
        Assert.Equal(0, await MemberReadsAsync(son));
    }

    private Task<int> MemberReadsAsync(Guid person) => factory.QueryAsync(db => db.AuditEntries.CountAsync(e =>
        e.Action == Domain.Audit.AuditAction.PersonRead && e.SubjectPersonId == person && e.Purpose == Web.Audit.AuditPurpose.AddMember.Text));

    [Fact]
    public async Task AddMember_Form_JoinedOnIsTodayForAHouseholdHere_ItsArrivalForOneStillExpected()
    {
        var here = await LongAgoAsync("Herfølge");
        var expected = Arrivals.Today.AddDays(10);
        var coming = await factory.RegisterAsync(new ArrivalRequest(null, null, expected,
            [new ArrivalMember("Kvote", "Påvej", new DateOnly(1990, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        Assert.Equal(Arrivals.Iso(Arrivals.Today), JoinedOnShown(await coordinator.GetPageAsync($"/Households/{here}/AddMember")));
        Assert.Equal(Arrivals.Iso(expected), JoinedOnShown(await coordinator.GetPageAsync($"/Households/{coming}/AddMember")));

        // A member come on the household's own arrival came with it, and follows that arrival.
        using var added = await coordinator.PostFormAsync($"/Households/{coming}/AddMember", Spouse("Påvej", Arrivals.Iso(expected)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Null(await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == coming && p.FirstName == "Hustru").Select(p => p.JoinedOn).SingleAsync()));
    }

    [Theory]
    [InlineData("Tomdato", "", AddMemberModel.JoinedOnMissing)]
    [InlineData("Førdato", "2024-02-29", "Medlemmet kan ikke være kommet før husstanden (1. marts 2024).")]
    [InlineData("Fjerndato", "+3y", "Datoen kan højst ligge 2 år frem. Tjek årstallet.")]
    public async Task AddMember_BadJoinedOn_RefusedBesideTheField_WhatWasTypedKept_NothingSaved(string lastName, string typed, string message)
    {
        var household = await LongAgoAsync(lastName);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var value = typed == "+3y" ? Arrivals.Iso(Arrivals.Today.AddYears(3)) : typed;

        using var refused = await coordinator.PostFormAsync($"/Households/{household}/AddMember", Spouse(lastName, value));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {message}", page.GetElementById("JoinedOn-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#JoinedOn']"));
        Assert.Equal(value, page.GetElementById("JoinedOn")?.GetAttribute("value"));
        Assert.Equal(1, await factory.QueryAsync(db => db.Persons.CountAsync(p => p.HouseholdId == household)));
    }

    /// <summary>A visited refugee's household, visited on 15 January 2024 and expected on 1 March 2024.</summary>
    private Task<Guid> LongAgoAsync(string lastName) =>
        factory.RegisterAsync(new ArrivalRequest(null, new DateOnly(2024, 1, 15), new DateOnly(2024, 3, 1),
            [new ArrivalMember("Flygtning", lastName, new DateOnly(1989, 8, 1), Gender.Male, ResidenceBasis.VisitedRefugee)]));

    private static Dictionary<string, string> Spouse(string lastName, string joinedOn) => new()
    {
        ["Input.Members[0].FirstName"] = "Hustru",
        ["Input.Members[0].LastName"] = lastName,
        ["Input.Members[0].BirthDate"] = "1993-02-01",
        ["Input.Members[0].Gender"] = "Female",
        ["Input.Members[0].Basis"] = "FamilyReunified",
        ["Input.Members[0].RelationToFirst"] = "Spouse",
        ["JoinedOn"] = joinedOn,
        ["CprRegisteredOn"] = "",
    };

    private static string? JoinedOnShown(string html) => Parser.ParseDocument(html).GetElementById("JoinedOn")?.GetAttribute("value");

    private static string Shown(DateOnly date) => date.ToString("d. MMM yyyy", Danish);
}

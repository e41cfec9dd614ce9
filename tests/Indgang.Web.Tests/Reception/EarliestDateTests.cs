using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// No date of a case lies before the integration act came into force (1 January 1999): a visitation decision typed as
/// year 1 was saved, and the visited refugee got no day 0 and so no deadline at all; waiting-list and offer dates of year
/// 1 were saved as well. Each is refused beside its field (problem details in the API), and nothing is saved; the first
/// day itself is allowed.
/// </summary>
public sealed class EarliestDateTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("Årnul", "0001-01-01", "2026-06-20", "visitationDecisionDate")]
    [InlineData("Årfør", "1998-12-31", "2026-06-20", "visitationDecisionDate")]
    [InlineData("Ankomstnul", null, "0001-01-01", "expectedArrival")]
    public async Task ApiArrival_ADateBeforeTheIntegrationAct_Returns400NamingTheField(string lastName, string? decision, string expected, string field)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), new
        {
            visitationDecisionDate = decision,
            expectedArrival = expected,
            confirmPossibleDuplicates = true,
            members = new object[] { new { firstName = "Amal", lastName, birthDate = "1991-03-03", gender = "Female", basis = decision is null ? "FamilyReunified" : "VisitedRefugee" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(PlanningHorizon.TooFarBack, body.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == lastName)));
    }

    [Fact]
    public async Task ApiArrival_OnTheFirstDay_IsSaved_WithADay0()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), new
        {
            visitationDecisionDate = "1999-01-01",
            expectedArrival = "1999-02-01",
            confirmPossibleDuplicates = true,
            members = new object[] { new { firstName = "Amal", lastName = "Førstedag", birthDate = "1971-03-03", gender = "Female", basis = "VisitedRefugee" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("members")[0].GetProperty("day0").ValueKind);
    }

    [Fact]
    public async Task ArrivalPage_ArrivedBeforeTheIntegrationAct_IsRefusedBesideTheField_WhatWasTypedKept()
    {
        var household = await factory.RegisterSingleAsync("Ankomstfør");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Arrival";
        var version = HiddenFields.Value(await coordinator.GetPageAsync(url), "Version");

        using var refused = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["ExpectedArrival"] = Arrivals.Iso(Arrivals.Today), ["ArrivedOn"] = "0998-05-05", ["Version"] = version,
        }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"ArrivedOn-error\"><span class=\"sr-only\">Fejl: </span>{PlanningHorizon.TooFarBack}</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0998-05-05\"", html, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ArrivedOn).SingleAsync()));
    }

    [Fact]
    public async Task Day0Page_ADay0BeforeTheIntegrationAct_IsRefusedBesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Dagnulfør");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Day0?personId={person}";
        var version = HiddenFields.Value(await coordinator.GetPageAsync(url), "Version");

        using var refused = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = person.ToString(), ["Date"] = "1900-01-01", ["Reason"] = "Tastefejl", ["Version"] = version,
        }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"id=\"Date-error\"><span class=\"sr-only\">Fejl: </span>{PlanningHorizon.TooFarBack}</span>",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.Day0Override).SingleAsync()));
    }

    /// <summary>A member's CPR registration day is their day 0; a year such as 0026 made every deadline overdue.</summary>
    [Fact]
    public async Task AddMemberPage_ACprRegistrationBeforeTheIntegrationAct_IsRefusedBesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Cprfør");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/AddMember";

        using var refused = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustru", ["Input.Members[0].LastName"] = "Cprfør", ["Input.Members[0].BirthDate"] = "1993-02-01",
            ["Input.Members[0].Gender"] = "Female", ["Input.Members[0].Basis"] = "FamilyReunified", ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today), ["CprRegisteredOn"] = "0026-11-02",
        }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"id=\"CprRegisteredOn-error\"><span class=\"sr-only\">Fejl: </span>{PlanningHorizon.TooFarBack}</span>",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Persons.CountAsync(p => p.HouseholdId == household)));
    }

    /// <summary>A programme start met in year 0206 set the programme's maximum to 0211.</summary>
    [Fact]
    public async Task DeadlinePage_MetBeforeTheIntegrationAct_IsRefusedBesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Startfør");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=ProgrammeStart";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = "0206-03-01" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"id=\"CompletedOn-error\"><span class=\"sr-only\">Fejl: </span>{PlanningHorizon.TooFarBack}</span>", refused.Html, StringComparison.Ordinal);
    }

    /// <summary>A programme start met before the visitation decision the case began with is refused too.</summary>
    [Fact]
    public async Task DeadlinePage_MetBeforeTheVisitationDecision_IsRefusedBesideTheField()
    {
        var decided = Arrivals.Today.AddDays(-20);
        var household = await factory.RegisterVisitedAsync("Startførafgørelse", decided);
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=ProgrammeStart";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = Arrivals.Iso(decided.AddDays(-1)) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("id=\"CompletedOn-error\"><span class=\"sr-only\">Fejl: </span>Datoen kan ikke ligge før visitationsafgørelsen.</span>", refused.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registrations", "registeredOn")]
    [InlineData("offers", "offeredOn")]
    public async Task ApiPipeline_ADateOfYear1_Returns400NamingTheField_NothingSaved(string resource, string field)
    {
        var household = await factory.RegisterSingleAsync("Pipelinenul" + resource);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        object body = resource == "offers"
            ? new { householdId = household, address = "Skovvej 9", offeredOn = "0001-01-01", answerBy = "0001-01-02" }
            : new { householdId = household, association = "Lillerød Boligforening", registeredOn = "0001-01-01" };

        using var response = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/{resource}", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(PlanningHorizon.TooFarBack, problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.HousingOffers.AnyAsync(o => o.HouseholdId == household)));
        Assert.False(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
    }
}

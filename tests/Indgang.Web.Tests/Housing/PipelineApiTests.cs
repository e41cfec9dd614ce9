using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// POST /api/v1/housing/registrations and /offers, GET /api/v1/housing/pipeline (HOUSE-5, PLAT-7): a housing
/// association's system records a household's registration on its waiting list and an offer of a home, checked as the
/// pipeline page checks them, with each refusal as problem details under the JSON field's name; what is recorded is read
/// back, and the pipeline is read as its page shows it; every read audited.
/// </summary>
public sealed class PipelineApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PostOffer_Valid_Returns201_IsOnThePipeline_AndReadsBack()
    {
        var household = await factory.RegisterSingleAsync("Apitilbudsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new
        {
            householdId = household, address = "Skovvej 7, 2. th.", offeredOn = Iso(Today.AddDays(-1)), answerBy = Iso(Today.AddDays(4)), rooms = 2, monthlyRent = 5125.5m,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/housing/offers/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Pending", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(5125.5m, body.RootElement.GetProperty("monthlyRent").GetDecimal());
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.HouseholdId == household));
        Assert.Equal((id, "Skovvej 7, 2. th.", Today.AddDays(-1), (DateOnly?)Today.AddDays(4), (int?)2, (decimal?)5125.5m),
            (saved.Id, saved.Address, saved.OfferedOn, saved.AnswerBy, saved.Rooms, saved.MonthlyRent));
        Assert.Contains("Skovvej 7, 2. th.", await housing.GetPageAsync("/Housing/Pipeline"), StringComparison.Ordinal);
        Assert.Equal(1, await AuditedAsync(household, AuditAction.HouseholdUpdated, "Vejen til permanent bolig: tilbud"));

        using var read = await housing.GetAsync(response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // The same offer (compared as values: PostgreSQL gives the rent back with its two decimals, 5125.50).
        Assert.Equal(JsonSerializer.Deserialize<OfferDto>(body.RootElement.GetRawText(), HousingApi.Json), JsonSerializer.Deserialize<OfferDto>(await read.Content.ReadAsStringAsync(), HousingApi.Json));
        Assert.Equal(1, await AuditedAsync(household, AuditAction.HouseholdRead, "API: boligtilbud"));
    }

    [Fact]
    public async Task PostOffer_Invalid_Returns400WithEachRefusalUnderItsField_AndStoresNothing()
    {
        var household = await factory.RegisterSingleAsync("Apifejlsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new
        {
            householdId = household, address = "  ", offeredOn = Iso(Today.AddDays(1)), answerBy = Iso(Today), rooms = 0, monthlyRent = -1m,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(["address", "answerBy", "monthlyRent", "offeredOn", "rooms"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Angiv adressen på den tilbudte bolig.", errors.GetProperty("address")[0].GetString());
        Assert.Equal("Datoen kan ikke ligge i fremtiden.", errors.GetProperty("offeredOn")[0].GetString());
        Assert.Equal("Svarfristen kan ikke ligge før tilbuddet.", errors.GetProperty("answerBy")[0].GetString());
        Assert.Equal("Angiv antal værelser fra 1 til 20.", errors.GetProperty("rooms")[0].GetString());
        Assert.Equal("Angiv den månedlige husleje i kroner (0–100.000).", errors.GetProperty("monthlyRent")[0].GetString());
        Assert.Equal("Tilbuddet er ikke gemt.", body.RootElement.GetProperty("detail").GetString());
        Assert.False(await factory.QueryAsync(db => db.HousingOffers.AnyAsync(o => o.HouseholdId == household)));
    }

    /// <summary>
    /// A rent with fractions of an øre is refused under its field: it was stored as sent on SQLite (and rounded on
    /// PostgreSQL) and read back as 5000.123456 (found by exploratory review). Two decimals are kept as they are.
    /// </summary>
    [Fact]
    public async Task PostOffer_RentWithFractionsOfAnOre_IsRefusedUnderMonthlyRent_TwoDecimalsAreSaved()
    {
        var household = await factory.RegisterSingleAsync("Apiøresen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new
        {
            householdId = household, address = "Øregade 3", offeredOn = Iso(Today), monthlyRent = 5000.123456m,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var errors = body.RootElement.GetProperty("errors");
            Assert.Equal(["monthlyRent"], errors.EnumerateObject().Select(e => e.Name));
            Assert.Equal("Huslejen kan højst have to decimaler (hele øre).", errors.GetProperty("monthlyRent")[0].GetString());
        }

        Assert.False(await factory.QueryAsync(db => db.HousingOffers.AnyAsync(o => o.HouseholdId == household)));

        using var saved = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new
        {
            householdId = household, address = "Øregade 3", offeredOn = Iso(Today), monthlyRent = 5000.12m,
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(5000.12m, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household).Select(o => o.MonthlyRent).SingleAsync()));
    }

    [Fact]
    public async Task PostOffer_ForAnUnknownHousehold_OrOneNotOnItsWay_IsRefusedUnderHouseholdId()
    {
        var movedOn = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Yousef").Select(h => h.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offers = await factory.QueryAsync(db => db.HousingOffers.CountAsync());

        foreach (var (household, message) in new[] { (Guid.NewGuid(), "Husstanden findes ikke."), (movedOn, PermanentHousingSteps.MovedOnAlready) })
        {
            using var response = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new
            {
                householdId = household, address = "Skovvej 9", offeredOn = Iso(Today),
            });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(message, body.RootElement.GetProperty("errors").GetProperty("householdId")[0].GetString());
        }

        Assert.Equal(offers, await factory.QueryAsync(db => db.HousingOffers.CountAsync()));
    }

    [Fact]
    public async Task PostRegistration_Valid_Returns201_AndReadsBack_OneWithoutAnAssociationIsRefused()
    {
        var household = await factory.RegisterSingleAsync("Apiopskrivsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using (var refused = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/registrations", UriKind.Relative), new { householdId = household, registeredOn = Iso(Today) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Angiv boligselskabet.", problem.RootElement.GetProperty("errors").GetProperty("association")[0].GetString());
        }

        using var response = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/registrations", UriKind.Relative), new
        {
            householdId = household, association = "Lillerød Boligforening", registeredOn = Iso(Today.AddDays(-3)), waitingListNumber = "LB-77",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registration = await factory.QueryAsync(db => db.HousingRegistrations.AsNoTracking().SingleAsync(r => r.HouseholdId == household));
        Assert.Equal(("Lillerød Boligforening", Today.AddDays(-3), "LB-77"), (registration.Association, registration.RegisteredOn, registration.WaitingListNumber));
        Assert.Equal($"/api/v1/housing/registrations/{registration.Id}", response.Headers.Location!.OriginalString);
        using var read = await housing.GetAsync(response.Headers.Location.OriginalString);
        using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal("LB-77", body.RootElement.GetProperty("waitingListNumber").GetString());
        Assert.Equal(1, await AuditedAsync(household, AuditAction.HouseholdRead, "API: opskrivning til bolig"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{ \"householdId\": \"ikke-et-id\", \"address\": \"Skovvej 11\", \"offeredOn\": \"2026-01-01\" }")]
    [InlineData("{ \"householdId\": null, \"address\": 17, \"offeredOn\": \"2026-02-31\" }")]
    [InlineData("{ \"householdId\": null, \"address\": \"Skovvej 11\", \"offeredOn\": \"2026-01-01\", \"rooms\": \"3\" }")]
    [InlineData("{ \"householdId\": null, \"address\": \"Skovvej 11\", \"offeredOn\": \"2026-01-01\", \"rooms\": 1e400 }")]
    [InlineData("{ \"householdId\": null, \"address\": \"Skovvej 11\", \"offeredOn\": \"2026-01-01\", \"monthlyRent\": 1e400 }")]
    [InlineData("{ \"householdId\": null, \"address\": \"LONG\", \"offeredOn\": \"2026-01-01\" }")]
    public async Task PostOffer_Garbage_Returns400ProblemDetails_AndStoresNothing(string json)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offers = await factory.QueryAsync(db => db.HousingOffers.CountAsync());
        using var content = new StringContent(json.Replace("LONG", new string('x', 5000), StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await housing.Client.PostAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(offers, await factory.QueryAsync(db => db.HousingOffers.CountAsync()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetPipeline_HasThePagesHouseholds_WithTheirRegistrationsAndOffers_AndIsAudited(bool all)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Purpose == "API: vejen til permanent bolig"));

        using var document = JsonDocument.Parse(await housing.GetPageAsync(all ? "/api/v1/housing/pipeline?all=true" : "/api/v1/housing/pipeline"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync(all ? "/Housing/Pipeline?alle=true" : "/Housing/Pipeline"));

        var households = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(page.QuerySelectorAll("table[aria-labelledby='pipeline-underway'] tr[data-household]").Select(r => r.GetAttribute("data-household")),
            households.Where(h => h.GetProperty("underway").GetBoolean()).Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(page.QuerySelectorAll("table[aria-labelledby='pipeline-moved'] tr[data-household]").Select(r => r.GetAttribute("data-household")),
            households.Where(h => !h.GetProperty("underway").GetBoolean()).Select(h => h.GetProperty("name").GetString()));
        // The demo's Sharifis: in a temporary unit, on a waiting list, with an offer of a four-room home to answer.
        var sharifi = households.Single(h => h.GetProperty("name").GetString() == "Familien Sharifi");
        Assert.NotEqual(JsonValueKind.Null, sharifi.GetProperty("temporaryUnitId").ValueKind);
        Assert.True(sharifi.GetProperty("daysInTemporary").GetInt32() > 0);
        Assert.Single(sharifi.GetProperty("registrations").EnumerateArray());
        var offer = Assert.Single(sharifi.GetProperty("offers").EnumerateArray());
        Assert.Equal(("Pending", 4, 7450m), (offer.GetProperty("status").GetString(), offer.GetProperty("rooms").GetInt32(), offer.GetProperty("monthlyRent").GetDecimal()));
        Assert.Contains(households, h => !h.GetProperty("underway").GetBoolean());
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Purpose == "API: vejen til permanent bolig")) > before);
    }

    [Fact]
    public async Task GetPipeline_IsForTheHousingRole()
    {
        using var school = await Browser.SignedInAsync(factory, "skole");

        using var response = await school.GetAsync("/api/v1/housing/pipeline");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("skole", HttpStatusCode.Forbidden)]
    [InlineData("bolig", HttpStatusCode.NotFound)]
    public async Task GetOffer_IsForTheHousingRole_AndAnUnknownOneIsNotFound(string user, HttpStatusCode expected)
    {
        using var signedIn = await Browser.SignedInAsync(factory, user);

        using var response = await signedIn.GetAsync($"/api/v1/housing/offers/{Guid.NewGuid()}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostOffer_ByAnotherRole_IsForbidden_AndStoresNothing()
    {
        var household = await factory.RegisterSingleAsync("Apiforbudsen");
        using var school = await Browser.SignedInAsync(factory, "skole");

        using var response = await school.Client.PostAsJsonAsync(new Uri("/api/v1/housing/offers", UriKind.Relative), new { householdId = household, address = "Skovvej 13", offeredOn = Iso(Today) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.HousingOffers.AnyAsync(o => o.HouseholdId == household)));
    }

    private Task<int> AuditedAsync(Guid household, AuditAction action, string purpose) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(e => e.Action == action && e.Purpose == purpose && e.Details!.StartsWith($"Husstand {household:D}")));
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// A date beyond the planning horizon (<see cref="Indgang.Web.Platform.PlanningHorizon"/>) refused in the user's language:
/// on a housing page, by the form's tag helpers, and over the API, whose refusals go through the localizer as the pages'
/// do (before, the API said it in Danish to a user who had chosen English).
/// </summary>
public sealed class TooFarAheadInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string InEnglish = "The date can be at most 2 years ahead. Check the year.";
    private const string InDanish = "Datoen kan højst ligge 2 år frem. Tjek årstallet.";

    [Fact]
    public async Task UnitPage_MoveInYearMistyped_EnglishChosen_IsRefusedInEnglishBesideTheDay()
    {
        var household = await factory.RegisterSingleAsync("Engelsk årstal");
        var unit = await factory.UnitOfItsOwnAsync("Engelsk årstal");
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        using var response = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveIn", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["MoveInOn"] = "9999-12-31",
        }, formPage: $"/Housing/Units/{unit}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"MoveInOn-error\"><span class=\"sr-only\">Error: </span>{InEnglish}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(InDanish, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferAcceptanceApi_MoveDateYearMistyped_EnglishChosen_IsRefusedInEnglish()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Engelsk api", "Engelskapi", daysAgo: 30);
        var offer = await factory.QueryAsync(async db =>
        {
            var offered = db.HousingOffers.Add(new HousingOffer(household, "Engvej 77", Arrivals.Today.AddDays(-5))).Entity;
            await db.SaveChangesAsync();
            return offered.Id;
        });
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        using var response = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/acceptance", UriKind.Relative), new { moveDate = "9999-12-31" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InEnglish, body.RootElement.GetProperty("errors").GetProperty("moveDate")[0].GetString());
        Assert.Equal("Invalid acceptance", body.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ArrivalsApi_ExpectedArrivalYearMistyped_EnglishChosen_IsRefusedInEnglish()
    {
        using var coordinator = await Browser.SignedInEnglishAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), new
        {
            expectedArrival = "9999-12-31",
            members = new object[] { new { firstName = "Amal", lastName = "Engelskankomst", birthDate = "1991-03-03", gender = "Female", basis = "FamilyReunified" } },
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InEnglish, body.RootElement.GetProperty("errors").GetProperty("expectedArrival")[0].GetString());
        Assert.Equal("Invalid arrival", body.RootElement.GetProperty("title").GetString());
    }
}

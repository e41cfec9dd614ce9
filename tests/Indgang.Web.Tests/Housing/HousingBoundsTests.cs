using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Indgang.Domain.Housing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A mistyped year or rent is refused beside its field, what was typed kept: a move's day beyond the planning horizon
/// (its tasks are counted from it: a 500 before), a rent beyond what any home costs (more than the column holds: a 500 on
/// PostgreSQL before).
/// </summary>
public sealed class HousingBoundsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string TooFarAhead = "Datoen kan højst ligge 2 år frem. Tjek årstallet.";
    private const string RentRefused = "Angiv den månedlige husleje i kroner (0–100.000).";

    [Fact]
    public async Task MoveIn_YearMistyped_IsRefusedBesideTheDay_NothingMoved()
    {
        var household = await factory.RegisterSingleAsync("Årstal");
        var unit = await factory.UnitOfItsOwnAsync("Årstal");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.MoveInAsync(unit, household, "9999-12-31");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"MoveInOn-error\"><span class=\"sr-only\">Fejl: </span>{TooFarAhead}</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9999-12-31\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
    }

    /// <summary>
    /// A move-in months back, for a household whose arrival is not recorded, would record that day as its arrival, day 0
    /// and the start of every deadline, which nothing undoes: a mistyped month did so (found by review). It is asked to be
    /// confirmed beside the day, what was typed kept; confirmed, it is made. A few days back it needs no confirmation.
    /// </summary>
    [Fact]
    public async Task MoveIn_LongPast_ForAHouseholdNotArrived_IsConfirmedFirst_ThenRecordsTheArrival()
    {
        var household = await factory.RegisterSingleAsync("Tilbagedateret");
        var unit = await factory.UnitOfItsOwnAsync("Tilbagedateret");
        var day = Arrivals.Today.AddDays(-(UnitDetailsModel.PastArrivalDays + 1));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var asked = await housing.MoveInAsync(unit, household, Arrivals.Iso(day));
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"id=\"MoveInOn-error\"><span class=\"sr-only\">Fejl: </span>Indflytningen ligger {UnitDetailsModel.PastArrivalDays + 1} dage tilbage, og husstandens ankomst er ikke registreret", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Arrivals.Iso(day)}\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"ConfirmsPastArrival\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));

        using var confirmed = await housing.MoveInAsync(unit, household, Arrivals.Iso(day), confirmed: true);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(day, await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ArrivedOn).SingleAsync()));
    }

    [Fact]
    public async Task MoveIn_AFewDaysPast_ForAHouseholdNotArrived_NeedsNoConfirmation()
    {
        var household = await factory.RegisterSingleAsync("Nyligtilbage");
        var unit = await factory.UnitOfItsOwnAsync("Nyligtilbage");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var moved = await housing.MoveInAsync(unit, household, Arrivals.Iso(Arrivals.Today.AddDays(-UnitDetailsModel.PastArrivalDays)));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    [Fact]
    public async Task MoveOut_AgreedOrChanged_YearMistyped_IsRefused_TheStayAsItWas()
    {
        var (_, _, stay) = await factory.HousedSingleAsync("Fraflytning årstal", "Fraflytningårstal", daysAgo: 10);
        await using var scope = factory.Services.CreateAsyncScope();
        var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();

        var agreed = await moves.MoveOutAsync(stay, new DateOnly(9999, 12, 31), MoveOutDestination.OwnHome);
        Assert.True((await moves.MoveOutAsync(stay, Arrivals.Today.AddDays(20), MoveOutDestination.OwnHome)).Succeeded);
        var changed = await moves.ChangeMoveOutAsync(stay, new DateOnly(9999, 12, 31));

        Assert.Equal((false, TooFarAhead), (agreed.Succeeded, agreed.Error));
        Assert.Equal((false, TooFarAhead), (changed.Succeeded, changed.Error));
        Assert.Equal(Arrivals.Today.AddDays(20), await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync()));
    }

    [Fact]
    public async Task CreateUnit_RentBeyondAnyHome_IsRefusedBesideTheRent_TypedValueKept()
    {
        var site = await factory.QueryAsync(db => db.SomeSiteIdAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.ToString(), ["Input.Label"] = "Dyr bolig", ["Input.Rooms"] = "3", ["Input.Beds"] = "5", ["Input.MonthlyRent"] = "100000000",
            ["Input.SchoolMetres"] = "350", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700", ["Input.ShopsMetres"] = "500",
            ["Input.AvailableFrom"] = Arrivals.Iso(Arrivals.Today),
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"Input_MonthlyRent-error\"><span class=\"sr-only\">Fejl: </span>{RentRefused}</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"100000000\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == "Dyr bolig")));
    }

    [Theory]
    [InlineData("9999-12-31", TooFarAhead)]
    [InlineData("0001-01-01", "Datoen kan ikke ligge før 1. januar 1999, hvor integrationsloven trådte i kraft. Tjek årstallet.")]
    public async Task CreateUnit_FreeFromAYearMistyped_IsRefusedBesideTheDay_TypedValueKept(string typed, string refusal)
    {
        var site = await factory.QueryAsync(db => db.SomeSiteIdAsync());
        var label = "Ledig årstal " + typed[..4];
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.ToString(), ["Input.Label"] = label, ["Input.Rooms"] = "2", ["Input.Beds"] = "3", ["Input.MonthlyRent"] = "4000",
            ["Input.SchoolMetres"] = "350", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700", ["Input.ShopsMetres"] = "500",
            ["Input.AvailableFrom"] = typed,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"Input_AvailableFrom-error\"><span class=\"sr-only\">Fejl: </span>{refusal}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == label)));
    }

    [Fact]
    public async Task Offer_AnswerDeadlineYearMistyped_AndRentBeyondAnyHome_AreRefusedBesideTheirFields()
    {
        var household = await factory.RegisterSingleAsync("Tilbud årstal");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = "Engvej 99", ["OfferedOn"] = Arrivals.Iso(Arrivals.Today),
            ["AnswerBy"] = "9999-12-31", ["MonthlyRent"] = "100000000",
        }, formPage: "/Housing/Pipeline");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"AnswerBy-error\"><span class=\"sr-only\">Fejl: </span>{TooFarAhead}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"MonthlyRent-error\"><span class=\"sr-only\">Fejl: </span>{RentRefused}</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9999-12-31\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingOffers.AnyAsync(o => o.HouseholdId == household)));
    }
}

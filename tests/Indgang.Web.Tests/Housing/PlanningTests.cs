using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class PlanningTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Forecast_QuotaBadInputRejected_LargeQuotaShowsTheFirstShortfallMonth()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var year = DateTime.Now.Year + 1;

        using var bad = await housing.PostFormAsync("/Housing/Forecast?handler=Quota", new Dictionary<string, string> { ["QuotaYear"] = "1999", ["QuotaPersons"] = "-3" }, formPage: "/Housing/Forecast");
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("id=\"QuotaYear-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"QuotaPersons-error\"><span class=\"sr-only\">Fejl: </span>Angiv kvoten som et antal personer (0–100.000).</span>", badHtml, StringComparison.Ordinal);
        // The message names the most a quota may be (it said "0 or more", and refused 999,999 with it; found by review).
        using var huge = await housing.PostFormAsync("/Housing/Forecast?handler=Quota", new Dictionary<string, string> { ["QuotaYear"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["QuotaPersons"] = "999999" }, formPage: "/Housing/Forecast");
        Assert.Contains("Angiv kvoten som et antal personer (0–100.000).", WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var before = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Forecast"));
        Assert.Equal(12, before.Split("<th scope=\"row\">").Length - 1);

        var (saved, _) = await housing.SetQuotaAsync(year, 600);
        Assert.Equal(HttpStatusCode.Redirect, saved);
        var after = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Forecast"));
        Assert.Contains("Første måned med for få senge", after, StringComparison.Ordinal);
        Assert.Matches(@"Der mangler [1-9]\d* senge ved udgangen af måneden\.", after);
        Assert.Contains("<svg class=\"forecast-chart\"", after, StringComparison.Ordinal);
        Assert.Contains("chart-bar-short", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_OfferWithoutHousehold_ErrorBesideTheOfferFormOnly()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var missing = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string> { ["OfferHouseholdId"] = "", ["Address"] = "Kirkevej 3", ["OfferedOn"] = Arrivals.Iso(Arrivals.Today) }, formPage: "/Housing/Pipeline");

        // The registration form above has a household field too: the mistake is shown beside the offer's, and the
        // summary links there (the two forms shared one field name, so both showed it and the link went to the other).
        var html = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("id=\"OfferHouseholdId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#OfferHouseholdId\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"HouseholdId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kirkevej 3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_RegisterOfferAccept_FreesTheTemporaryBedsAtOnce()
    {
        var unit = await factory.UnitIdAsync("Pavillon A");
        var haddad = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad").Select(h => h.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, haddad, DateOnly.FromDateTime(DateTime.Now));
            Assert.True(moved.Succeeded, moved.Error);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var missing = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string> { ["HouseholdId"] = haddad.ToString(), ["Association"] = "", ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today) }, formPage: "/Housing/Pipeline");
        Assert.Contains("Angiv boligselskabet.", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string> { ["HouseholdId"] = haddad.ToString(), ["Association"] = "Allerød Boligselskab", ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today), ["WaitingListNumber"] = "1187" }, formPage: "/Housing/Pipeline");
        using var offered = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string> { ["OfferHouseholdId"] = haddad.ToString(), ["Address"] = "Kirkevej 3, 1. tv.", ["OfferedOn"] = Arrivals.Iso(Arrivals.Today) }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var offer = await factory.QueryAsync(db => db.HousingOffers.SingleAsync(o => o.HouseholdId == haddad));
        var freeBefore = (await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Id == unit))).FreeBeds;

        using var accepted = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.Id.ToString(), ["MoveDate"] = Arrivals.Iso(Arrivals.Today.AddDays(20)) }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Id == unit));
        Assert.Equal(freeBefore + 4, after.FreeBeds);
        Assert.Equal(Arrivals.Today.AddDays(20), after.AvailableFrom);
        Assert.Equal(OfferStatus.Accepted, (await factory.QueryAsync(db => db.HousingOffers.SingleAsync(o => o.Id == offer.Id))).Status);
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Pipeline"));
        Assert.Contains("Allerød Boligselskab", page, StringComparison.Ordinal);
        Assert.Contains("accepteret, flytter", page, StringComparison.Ordinal);
    }
}

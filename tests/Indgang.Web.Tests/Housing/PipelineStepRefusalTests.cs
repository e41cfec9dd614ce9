using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The steps on the way to a permanent home are taken only for a household on it (<see cref="PermanentHousingSteps.NotOnTheWayAsync"/>):
/// not one in or once in one of our permanent units (the duty covers the first permanent home only), gone to a home of
/// its own, moved to a home it accepted, or to live with the person its members joined (no duty to house it). The page lists only those on the way; these are the posts that come anyway.
/// </summary>
public sealed class PipelineStepRefusalTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// A form posted for a household no longer on the way (a page shown before it moved, or a crafted post) is refused
    /// beside the household, with why, and nothing is saved: in one of our permanent units, gone to a home of its own, or
    /// moved to a home it was offered.
    /// </summary>
    [Theory]
    [InlineData("Registration", "HouseholdId", "permanent")]
    [InlineData("Offer", "OfferHouseholdId", "permanent")]
    [InlineData("Registration", "HouseholdId", "own home")]
    [InlineData("Offer", "OfferHouseholdId", "own home")]
    [InlineData("Registration", "HouseholdId", "offered home")]
    [InlineData("Offer", "OfferHouseholdId", "offered home")]
    [InlineData("Registration", "HouseholdId", "with the person it joined")]
    [InlineData("Offer", "OfferHouseholdId", "with the person it joined")]
    public async Task StepForAHouseholdNoLongerOnTheWay_RefusedBesideTheHousehold_NothingMoreSaved(string handler, string field, string gone)
    {
        var label = $"Ikke på vej {handler} {gone}";
        var lastName = label.Replace(" ", "", StringComparison.Ordinal);
        var household = gone == "with the person it joined"
            ? await factory.RegisterAsync(new ArrivalRequest(null, null, Today,
                [new ArrivalMember("Amal", lastName, new DateOnly(1992, 5, 1), Gender.Female, ResidenceBasis.FamilyReunified)], LivesWithReferencePerson: true))
            : await factory.RegisterSingleAsync(lastName, Gender.Female, "Amal");
        await factory.QueryAsync(async db =>
        {
            if (gone == "with the person it joined")
            {
                return 0;
            }

            if (gone == "offered home")
            {
                db.HousingOffers.Add(new HousingOffer(household, "Skovvej 1, st.", Today.AddDays(-9))).Entity.Accept(Today.AddDays(-1));
                return await db.SaveChangesAsync();
            }

            var stay = db.Occupancies.Add(new Occupancy(await factory.UnitOfItsOwnAsync(label, isPermanent: gone == "permanent"), household, 1, Today.AddDays(-40), isTemporary: gone != "permanent")).Entity;
            if (gone == "own home")
            {
                stay.MoveOut(Today.AddDays(-3), MoveOutDestination.OwnHome);
            }

            return await db.SaveChangesAsync();
        });
        var offersBefore = await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == household));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await housing.PostFormAsync($"/Housing/Pipeline?handler={handler}", new Dictionary<string, string>
        {
            [field] = household.ToString(), ["Association"] = "Engholm Boligselskab", ["RegisteredOn"] = Iso(Today),
            ["Address"] = "Skovvej 3, st. tv.", ["OfferedOn"] = Iso(Today),
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var why = gone switch
        {
            "permanent" => PermanentHousingSteps.HadPermanentHome,
            "own home" => PermanentHousingSteps.LeftOurHousing,
            "with the person it joined" => PermanentHousingSteps.LivesWithReferencePerson,
            _ => PermanentHousingSteps.MovedOnAlready,
        };
        Assert.Equal($"Fejl: {why}", page.GetElementById($"{field}-error")?.TextContent);
        // The form is shown again with what was typed, naming no household: none on its way was chosen.
        Assert.Equal(handler == "Registration" ? "Engholm Boligselskab" : "Skovvej 3, st. tv.", page.GetElementById(handler == "Registration" ? "Association" : "Address")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector($"input[type=hidden][name={field}]"));
        Assert.False(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
        Assert.Equal(offersBefore, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == household)));
    }

    /// <summary>An offer made before the household moved into one of our permanent units cannot be accepted after.</summary>
    [Fact]
    public async Task Accept_AfterTheHouseholdMovedIntoOneOfOurPermanentUnits_Refused_TheOfferStaysOpen()
    {
        var household = await factory.RegisterSingleAsync("Tilbudførpermanent", Gender.Female, "Amal");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Skovvej 5, 1. th.", Today.AddDays(-10))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Permanent før svar", isPermanent: true), household, Today.AddDays(-2));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(Today.AddDays(14)),
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // In the summary, without a link: the household is no longer on the way, so its offer is not on the page.
        var summary = Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert-error li");
        Assert.Equal(PermanentHousingSteps.HadPermanentHome, summary?.TextContent);
        Assert.Null(summary!.QuerySelector("a"));
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }
}

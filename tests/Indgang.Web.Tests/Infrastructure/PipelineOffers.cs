using System.Net;
using Indgang.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Offers of a permanent home for a test, made on the pipeline page as the housing coordinator does.</summary>
public static class PipelineOffers
{
    /// <summary>An offer made today and accepted with the move on the day; the offer's id.</summary>
    public static async Task<Guid> AcceptedOfferAsync(this Browser housing, IndgangAppFactory factory, Guid household, string address, DateOnly moveDay)
    {
        using var offered = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string> { ["OfferHouseholdId"] = household.ToString(), ["Address"] = address, ["OfferedOn"] = Arrivals.Iso(Arrivals.Today) }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var offer = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household && o.Address == address).Select(o => o.Id).SingleAsync());
        using var accepted = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(moveDay) }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        return offer;
    }
}

using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class MoveTimingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveIn_WhileTheHouseholdStillLivesInItsOldUnit_IsRefusedUntilItsMoveOutDay()
    {
        var family = await factory.RegisterFamilyAsync("Flyttedag");
        var temporary = await factory.UnitIdAsync("Lejlighed 1");
        var permanent = await factory.UnitIdAsync("Nr. 7, 2. th.");
        var leaves = Arrivals.Today.AddDays(40);
        await using var scope = factory.Services.CreateAsyncScope();
        var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();
        Assert.True((await moves.MoveInAsync(temporary, family, Arrivals.Today)).Succeeded);
        var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == family).Select(o => o.Id).SingleAsync());
        Assert.True((await moves.MoveOutAsync(stay, leaves, MoveOutDestination.OtherMunicipalUnit)).Succeeded);

        var early = await moves.MoveInAsync(permanent, family, leaves.AddDays(-20));
        var onTheDay = await moves.MoveInAsync(permanent, family, leaves);

        Assert.False(early.Succeeded);
        Assert.StartsWith("Husstanden bor i sin nuværende bolig til ", early.Error, StringComparison.Ordinal);
        Assert.True(onTheDay.Succeeded, onTheDay.Error);
    }

    [Fact]
    public async Task AcceptOffer_MoveOutRefused_LeavesTheOfferOpen_AndASecondAcceptanceIsRefused()
    {
        var family = await factory.RegisterFamilyAsync("Tilbud");
        var unit = await factory.UnitIdAsync("Pavillon A");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, family, Arrivals.Today.AddDays(10))).Succeeded);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var first = await OfferAsync(housing, family, "Skovvej 1");
        var second = await OfferAsync(housing, family, "Skovvej 2");

        // Before it has even moved in: the move day is refused, saying why (the planned move-in), so the offer must stay open.
        using var early = await AcceptAsync(housing, first, Arrivals.Today.AddDays(5));
        Assert.Contains(
            $"Husstanden skal flytte ind i Pavillon A {DanishDates.Written(Arrivals.Today.AddDays(10))}. Fortryd den planlagte indflytning på boligens side først, eller vælg en flyttedato efter den dag.",
            WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == first).Select(o => o.Status).SingleAsync()));

        using var accepted = await AcceptAsync(housing, first, Arrivals.Today.AddDays(30));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        using var twice = await AcceptAsync(housing, second, Arrivals.Today.AddDays(40));
        Assert.Contains("Husstanden har allerede takket ja til en anden bolig.", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == second).Select(o => o.Status).SingleAsync()));
        Assert.Equal(Arrivals.Today.AddDays(30), await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == family).Select(o => o.MovedOutOn).SingleAsync()));
    }

    private async Task<Guid> OfferAsync(Browser housing, Guid household, string address)
    {
        using var offered = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = address, ["OfferedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        return await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household && o.Address == address).Select(o => o.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> AcceptAsync(Browser housing, Guid offer, DateOnly moveDate) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(moveDate),
        }, formPage: "/Housing/Pipeline");
}

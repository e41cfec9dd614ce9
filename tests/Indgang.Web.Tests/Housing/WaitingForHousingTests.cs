using System.Net;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class WaitingForHousingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PlacementPage_ListsAHouseholdUntilItIsHoused_AndNotAgainOnceItMovesOnToAPermanentHome_WhileItStillLivesThereUntilTheMove()
    {
        var household = await factory.RegisterSingleAsync("Ventende", Gender.Female, "Hana");
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        var unit = await factory.UnitIdAsync("Pavillon B");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.Contains(name, await WaitingListAsync(housing), StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, household, Arrivals.Today)).Succeeded);
        }

        Assert.DoesNotContain(name, await WaitingListAsync(housing), StringComparison.Ordinal);

        // A permanent home from next month: it still lives here until then, and is not waiting afterwards either.
        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = "Kirkevej 5, st.", ["OfferedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var offer = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household).Select(o => o.Id).SingleAsync());
        using var accepted = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Arrivals.Today.AddDays(30)),
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        Assert.DoesNotContain(name, await WaitingListAsync(housing), StringComparison.Ordinal);
        var unitPage = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        Assert.DoesNotContain(name, unitPage.Split("<select")[1].Split("</select>")[0], StringComparison.Ordinal);
        // Until the move it still lives there: a resident of the unit, with its move-out date, and its home on the household page.
        Assert.Contains(name, unitPage.Split("<h2>Beboere</h2>")[1].Split("<h2>")[0], StringComparison.Ordinal);
        Assert.Contains("Fraflytning registreret", unitPage, StringComparison.Ordinal);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var householdPage = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Contains("Pavillon B, Pavillonerne ved Lillerød Idrætscenter", householdPage, StringComparison.Ordinal);
        Assert.Contains("(flytter ", householdPage, StringComparison.Ordinal);
    }

    private static async Task<string> WaitingListAsync(Browser housing) =>
        WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Placement"));
}

using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The placement page's override lists the units the household may be moved into (issue 4, HOUSE-6): a temporary unit
/// over its rent cap was listed, and choosing it was then refused on submit; a list with nothing to choose said nothing.
/// </summary>
public sealed class PlacementOverrideChoicesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Override_DoesNotOfferATemporaryUnitOverTheRentCap_ButAPermanentOneAndOneNotStepFree()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Solo", "Loftvalg", new DateOnly(1990, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee, NeedsAccessibleHousing: true)]));
        var cap = await factory.QueryAsync(async db => RentCaps.For(await db.RentCaps.AsNoTracking().ToListAsync(), Arrivals.Today.Year, RentCapCategory.SingleAdult)!.Value);
        var overCap = await factory.UnitOfItsOwnAsync("Over loftet", rent: cap + 500m);
        var permanentOverCap = await factory.UnitOfItsOwnAsync("Permanent over loftet", isPermanent: true, rent: cap + 500m);
        var withinCap = await factory.UnitOfItsOwnAsync("Under loftet", rent: cap - 100m);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}?tilsidesaet={household}"));
        var options = page.QuerySelectorAll($"#Override-{household}-Unit option").Select(o => o.GetAttribute("value")).ToList();

        Assert.DoesNotContain(overCap.ToString(), options);
        // The rent cap order covers temporary housing only.
        Assert.Contains(permanentOverCap.ToString(), options);
        // Not step-free (a unit of its own is not): a rule the coordinator may break knowingly, asked about on submit.
        Assert.Contains(withinCap.ToString(), options);
    }

    [Fact]
    public async Task Override_WithNoUnitTheHouseholdMayHave_SaysWhy_InsteadOfAnEmptyList()
    {
        // Seven people: no unit of the stock has the beds.
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
        [
            new ArrivalMember("Far", "Storfamilie", new DateOnly(1980, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Mor", "Storfamilie", new DateOnly(1982, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Spouse),
            .. Enumerable.Range(1, 5).Select(i => new ArrivalMember($"Barn{i}", "Storfamilie", Arrivals.Today.AddYears(-2 * i), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child)),
        ]));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}?tilsidesaet={household}"));

        Assert.Null(page.QuerySelector($"select#Override-{household}-Unit"));
        var why = page.QuerySelector($"#Override-{household}-Unit")?.TextContent.Trim();
        Assert.NotNull(why);
        Assert.StartsWith("Ingen ledig bolig passer husstanden: for få senge (", why, StringComparison.Ordinal);
    }
}

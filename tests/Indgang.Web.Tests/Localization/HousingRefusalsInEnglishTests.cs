using System.Globalization;
using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// A move-in refused on the unit page, for a user who has chosen English (PLAT-5): the refusals that name a day, a number
/// of beds or an amount are written in English, the day too, beside the field they are about. Before, they stayed Danish.
/// </summary>
public sealed class HousingRefusalsInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task MoveInBeforeTheHouseholdCame_RefusedInEnglish_WithTheDayInEnglish()
    {
        var household = await factory.RegisterSingleAsync("Engelskkom");
        var arrived = Arrivals.Today.AddDays(-10);
        await factory.RecordArrivalAsync(household, arrived);
        var unit = await factory.UnitOfItsOwnAsync("Engelsk kom 1");

        var html = await MoveInInEnglishAsync(unit, household, arrived.AddDays(-5));

        Assert.Contains(
            $"id=\"MoveInOn-error\"><span class=\"sr-only\">Error: </span>The household came on {arrived.ToString("d MMMM yyyy", English)}. The move-in cannot be before the arrival.</span>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("Husstanden kom", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HouseholdTooBig_RefusedInEnglish_WithTheBedsInTheRightNumber()
    {
        var unit = await factory.UnitOfItsOwnAsync("Engelsk seng 1", beds: 1);
        var family = await factory.RegisterFamilyAsync("Engelskseng");

        var html = await MoveInInEnglishAsync(unit, family, Arrivals.Today);

        Assert.Contains(
            "id=\"HouseholdId-error\"><span class=\"sr-only\">Error: </span>There is only 1 free bed; the household is 3 persons.</span>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("Der er kun", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RentOverTheCap_RefusedInEnglish_WithTheAmountsWrittenTheEnglishWay()
    {
        var unit = await factory.UnitOfItsOwnAsync("Engelsk leje 1", rent: 25000m);
        var household = await factory.RegisterSingleAsync("Engelskleje");

        var html = await MoveInInEnglishAsync(unit, household, Arrivals.Today);

        Assert.Contains(
            "id=\"HouseholdId-error\"><span class=\"sr-only\">Error: </span>The rent (DKK 25,000) exceeds the household's rent cap (DKK ",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("Huslejen", html, StringComparison.Ordinal);
    }

    /// <summary>The unit page's move-in posted by <c>bolig</c>, who has chosen English; the page shown back, decoded.</summary>
    private async Task<string> MoveInInEnglishAsync(Guid unit, Guid household, DateOnly day)
    {
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");
        using var refused = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveIn",
            new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["MoveInOn"] = Arrivals.Iso(day) }, formPage: $"/Housing/Units/{unit}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        return WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
    }
}

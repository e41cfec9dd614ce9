using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// domain-rules.md, Housing: "The duty covers the first permanent home only." A household that has moved into one of our
/// permanent units never waits for a home from us again: its move out offers no move to another of our units, and a stay
/// ended without saying where (before the question was asked) leaves it not waiting either. Its case says where it lives.
/// </summary>
public sealed class FirstPermanentHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = new("da-DK");

    [Fact]
    public async Task MoveOutForm_OfAPermanentUnit_OffersNoOtherOfOurUnits_AndSaysWhy_WhileATemporaryOneDoes()
    {
        var (permanentUnit, _, permanentStay) = await HousedSingleAsync("Permanentform", permanent: true);
        var (temporaryUnit, _, temporaryStay) = await HousedSingleAsync("Midlertidigform", permanent: false);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var permanent = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{permanentUnit}"));
        var temporary = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{temporaryUnit}"));

        Assert.Equal(["OwnHome", "LeftMunicipality"], Choices(permanent, permanentStay));
        Assert.Equal(["OtherMunicipalUnit", "OwnHome", "LeftMunicipality"], Choices(temporary, temporaryStay));
        var hint = permanent.GetElementById($"MoveOutTo-{permanentStay}-hint");
        Assert.Equal(MoveOutDestinationField.DutyFulfilled, hint?.TextContent);
        Assert.Contains(hint!.Id!, hint.ParentElement!.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Null(temporary.GetElementById($"MoveOutTo-{temporaryStay}-hint"));
    }

    [Fact]
    public async Task MoveOut_FromAPermanentUnitToAnotherOfOurs_RefusedBesideTheChoices_TheDateKept_NothingSaved()
    {
        var (unit, household, stay) = await HousedSingleAsync("Permanentafvist", permanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var day = Today.AddDays(10);

        using var refused = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(day), ["MoveOutTo"] = "OtherMunicipalUnit",
        }, formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var field = $"MoveOutTo-{stay}";
        Assert.Equal($"Fejl: {HousingMoves.FirstPermanentHomeGiven}", page.GetElementById($"{field}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        Assert.Equal(Iso(day), page.GetElementById($"MoveOutOn-{stay}")?.GetAttribute("value"));
        var saved = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Null(saved.MovedOutOn);
        Assert.Null(saved.Destination);
        Assert.Equal(0, await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type))));
    }

    [Fact]
    public async Task PermanentStay_EndedWithoutSayingWhere_TheHouseholdDoesNotWait_AndItsCaseSaysTheDutyIsFulfilled()
    {
        var (unit, household, stay) = await HousedSingleAsync("Permanentfortid", permanent: true);
        var (temporaryUnit, temporaryHousehold, temporaryStay) = await HousedSingleAsync("Midlertidigfortid", permanent: false);
        await EndedWithoutDestinationAsync(unit, stay);
        await EndedWithoutDestinationAsync(temporaryUnit, temporaryStay);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var waiting = await WaitingAsync(housing);

        Assert.DoesNotContain(household, waiting);
        Assert.Contains(temporaryHousehold, waiting);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Equal("Har haft sin første permanente bolig fra kommunen (Permanentfortid); boligpligten er opfyldt", await HomeLineAsync(coordinator, household));
        Assert.Equal("Ingen bolig endnu", await HomeLineAsync(coordinator, temporaryHousehold));
    }

    [Theory]
    [InlineData(true, "OwnHome", "Flyttet til egen bolig {0}")]
    [InlineData(false, "LeftMunicipality", "Fraflyttet kommunen {0}")]
    public async Task MovedOutForGood_TheCaseSaysWhereTo_NotThatItHasNoHomeYet(bool permanent, string to, string line)
    {
        var (unit, household, stay) = await HousedSingleAsync($"Videre{to}", permanent);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var day = Today.AddDays(-1);

        using var moved = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(day), ["MoveOutTo"] = to,
        }, formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Equal(string.Format(Danish, line, day.ToString("d. MMM yyyy", Danish)), await HomeLineAsync(coordinator, household));
    }

    [Fact]
    public async Task MovedStraightToAnOfferedHome_TheCaseNamesIt_ToThoseWhoMaySeeOffers()
    {
        var household = await factory.RegisterSingleAsync("Tilbudsbolig", Gender.Female, "Amal");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var offered = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = "Skolevej 12, 1. tv.", ["OfferedOn"] = Iso(Today.AddDays(-3)),
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var offer = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household).Select(o => o.Id).SingleAsync());
        using var accepted = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(Today),
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Equal($"Permanent bolig gennem boligselskab: Skolevej 12, 1. tv. (fra {Today.ToString("d. MMM yyyy", Danish)})", await HomeLineAsync(coordinator, household));
    }

    private Task<(Guid Unit, Guid Household, Guid Stay)> HousedSingleAsync(string lastName, bool permanent) =>
        factory.HousedSingleAsync(lastName, lastName, daysAgo: 30, permanent);

    /// <summary>A stay ended a week ago without saying where the household went, as stays were before the question was asked.</summary>
    private Task<int> EndedWithoutDestinationAsync(Guid unitId, Guid stayId) =>
        factory.QueryAsync(async db =>
        {
            var stay = await db.Occupancies.SingleAsync(o => o.Id == stayId);
            var unit = await db.HousingUnits.SingleAsync(u => u.Id == unitId);
            stay.MoveOut(Today.AddDays(-7));
            unit.MoveOut(stay.Beds, Today.AddDays(-7));
            return await db.SaveChangesAsync();
        });

    private static string[] Choices(AngleSharp.Html.Dom.IHtmlDocument page, Guid stay) =>
        page.GetElementById($"MoveOutTo-{stay}")!.Closest("fieldset")!.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("value") ?? "").ToArray();

    private static async Task<List<Guid>> WaitingAsync(Browser housing) =>
        Parser.ParseDocument(await housing.GetPageAsync("/Housing/Placement"))
            .QuerySelectorAll("input[type=checkbox][name=Households]").Select(c => Guid.Parse(c.GetAttribute("value")!)).ToList();

    private static async Task<string> HomeLineAsync(Browser reader, Guid household) =>
        Parser.ParseDocument(await reader.GetPageAsync($"/Households/{household}")).QuerySelector("[data-testid=current-home]")!.TextContent.Trim();
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A new registration or offer on the way to a permanent home (HOUSE-5) is entered from the household's row: its links
/// open the forms for that household, naming it, where a list of every household on its way was picked from before (a
/// thousand names at each view, none of them recorded as read). The household the forms name is recorded as read; a
/// refused form comes back for the same household with what was typed.
/// </summary>
public sealed class PipelineChosenHouseholdTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task TheRowsLink_OpensBothFormsForItsHousehold_NamedAndRecordedAsRead_TheOrderKept()
    {
        var household = await factory.RegisterSingleAsync("Valgtirækken");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var list = await PageAsync(housing, "/Housing/Pipeline?sortering=dage");
        var link = NewStepLinks(list, household);
        Assert.Equal([$"/Housing/Pipeline?sortering=dage&household={household}#registration", $"/Housing/Pipeline?sortering=dage&household={household}#offer"], link);
        var readsBefore = await factory.HouseholdReadsAsync(household);

        var page = await PageAsync(housing, link[1]);

        Assert.Equal(readsBefore + 1, await factory.HouseholdReadsAsync(household));
        Assert.Equal(["Solo Valgtirækken", "Solo Valgtirækken"], page.QuerySelectorAll("[data-testid=chosen-household]").Select(e => e.TextContent));
        Assert.Equal(household.ToString(), page.QuerySelector("form[action*='handler=Registration'] input[type=hidden][name=HouseholdId]")?.GetAttribute("value"));
        Assert.Equal(household.ToString(), page.QuerySelector("form[action*='handler=Offer'] input[type=hidden][name=OfferHouseholdId]")?.GetAttribute("value"));
        Assert.All(page.QuerySelectorAll("form[action*='handler=Registration'], form[action*='handler=Offer']"),
            form => Assert.Contains("sortering=dage", form.GetAttribute("action"), StringComparison.Ordinal));
        Assert.Equal(["/Housing/Pipeline?sortering=dage", "/Housing/Pipeline?sortering=dage"],
            page.QuerySelectorAll(".form-actions a.function-link").Select(a => a.GetAttribute("href")));
    }

    /// <summary>A household chosen whose row is on the page shown with its housing: read once, by the row and the forms together.</summary>
    [Fact]
    public async Task AChosenHouseholdOnThePageShown_IsRecordedOnce()
    {
        var household = await factory.RegisterSingleAsync("Valgtmedopskrivning");
        await factory.QueryAsync(db =>
        {
            db.HousingRegistrations.Add(new Indgang.Domain.Housing.HousingRegistration(household, "Engholm Boligselskab", Today.AddDays(-5), null));
            return db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var readsBefore = await factory.HouseholdReadsAsync(household);

        var page = await PageAsync(housing, $"/Housing/Pipeline?soeg=Valgtmedopskrivning&household={household}");

        Assert.Single(page.QuerySelectorAll($"tr a[href='/Households/{household}']"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=chosen-household]").Length);
        Assert.Equal(readsBefore + 1, await factory.HouseholdReadsAsync(household));
    }

    [Fact]
    public async Task WithNoHouseholdChosen_NoFormToFill_AndNoListOfHouseholds()
    {
        await factory.RegisterSingleAsync("Ingenvalgt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = await PageAsync(housing, "/Housing/Pipeline");

        Assert.Null(page.GetElementById("registration"));
        Assert.Null(page.GetElementById("offer"));
        Assert.Empty(page.QuerySelectorAll("select"));
        Assert.NotEmpty(page.QuerySelectorAll("a[data-testid=new-registration]"));
    }

    /// <summary>An address that names no household (typed, or of one removed since): the page as without a choice, no error.</summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("")]
    public async Task AChoiceOfNoHousehold_ShowsThePageWithoutForms(string household)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = await PageAsync(housing, $"/Housing/Pipeline?household={household}");

        Assert.Null(page.GetElementById("registration"));
        Assert.Null(page.QuerySelector("[data-module=error-summary], .form-error-message"));
    }

    [Fact]
    public async Task ARefusedRegistration_ComesBackForTheSameHousehold_WithWhatWasTyped_TheOfferFormClosed()
    {
        var household = await factory.RegisterSingleAsync("Afvistopskrivning");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration&sortering=dage", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = "Engholm Boligselskab", ["RegisteredOn"] = "", ["WaitingListNumber"] = "EB-7",
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(page.GetElementById("RegisteredOn-error"));
        Assert.Equal("Solo Afvistopskrivning", page.QuerySelector("#registration ~ form [data-testid=chosen-household]")?.TextContent);
        Assert.Equal(household.ToString(), page.QuerySelector("input[type=hidden][name=HouseholdId]")?.GetAttribute("value"));
        Assert.Equal(("Engholm Boligselskab", "EB-7"), (page.GetElementById("Association")?.GetAttribute("value"), page.GetElementById("WaitingListNumber")?.GetAttribute("value")));
        Assert.Null(page.GetElementById("offer"));
        Assert.False(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
    }

    [Fact]
    public async Task ASavedOffer_LeadsBackToThePageAsItWas_TheFormsClosed()
    {
        var household = await factory.RegisterSingleAsync("Gemttilbud");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var saved = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer&sortering=dage", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = "Kirkevej 11", ["OfferedOn"] = Iso(Today),
        }, formPage: $"/Housing/Pipeline?household={household}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Housing/Pipeline?sortering=dage", saved.Headers.Location?.OriginalString);
        Assert.Equal(["Kirkevej 11"], await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household).Select(o => o.Address).ToListAsync()));
    }

    private static async Task<IHtmlDocument> PageAsync(Browser housing, string url) => Parser.ParseDocument(await housing.GetPageAsync(url));

    /// <summary>The row's links to a new registration and a new offer for <paramref name="household"/>, as the page has them.</summary>
    private static List<string> NewStepLinks(IHtmlDocument page, Guid household) =>
        [.. page.QuerySelectorAll("tr").Single(tr => tr.QuerySelector($"a[href='/Households/{household}']") is not null)
            .QuerySelectorAll("a[data-testid^=new-]").Select(a => a.GetAttribute("href")!)];
}

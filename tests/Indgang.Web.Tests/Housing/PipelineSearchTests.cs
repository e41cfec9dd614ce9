using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The way to a permanent home (HOUSE-5) is searched by part of a household's or a member's name, as the start page's
/// lists are: the housing coordinator finds a household's row among hundreds, to take its next step from there. The
/// search stands in the address, kept by every link and form of the page; a CPR number is never kept there.
/// </summary>
public sealed class PipelineSearchTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task AMembersName_FindsItsHousehold_AndEveryLinkKeepsTheSearch()
    {
        var found = await factory.RegisterSingleAsync("Søgefund", Gender.Female, "Zainab");
        var other = await factory.RegisterSingleAsync("Søgeandre", Gender.Male, "Omar");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = await PageAsync(housing, "/Housing/Pipeline?sortering=dage&soeg=ZAINAB");

        Assert.Equal([found], Rows(page));
        Assert.Equal("Viser 1 husstand.", page.QuerySelector("p.pipeline-count")?.TextContent.Trim());
        Assert.Equal("ZAINAB", page.GetElementById("soeg")?.GetAttribute("value"));
        Assert.Equal(["/Housing/Pipeline?soeg=ZAINAB", "/Housing/Pipeline?sortering=dage&soeg=ZAINAB"],
            page.QuerySelectorAll("table[aria-labelledby=pipeline-underway] thead th a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/Housing/Pipeline?sortering=dage", page.QuerySelector("a.button-secondary[href^='/Housing/Pipeline']")?.GetAttribute("href"));
        var newOffer = page.QuerySelector("a[data-testid=new-offer]")?.GetAttribute("href");
        Assert.Equal($"/Housing/Pipeline?sortering=dage&soeg=ZAINAB&household={found}#offer", newOffer);
        var forms = await PageAsync(housing, newOffer!);
        Assert.Contains("soeg=ZAINAB", forms.QuerySelector("form[action*='handler=Offer']")?.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Equal([found], Rows(forms));

        var all = await PageAsync(housing, "/Housing/Pipeline?soeg=s%C3%B8ge");
        Assert.Equal([other, found], Rows(all));
    }

    [Fact]
    public async Task AStepTakenWhileSearching_ComesBackToTheSearch()
    {
        var household = await factory.RegisterSingleAsync("Trinisøgning", Gender.Female, "Leyla");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var saved = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration&soeg=leyla", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = "Engholm Boligselskab", ["RegisteredOn"] = Iso(Today),
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Housing/Pipeline?soeg=leyla", saved.Headers.Location?.OriginalString);
    }

    /// <summary>The forms open for the household chosen also when the search leaves its row out (a link from its case).</summary>
    [Fact]
    public async Task AHouseholdChosen_TheFormsOpen_AlsoWhenTheSearchLeavesItOut()
    {
        var household = await factory.RegisterSingleAsync("Udenforsøgning", Gender.Male, "Karim");

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var readsBefore = await factory.HouseholdReadsAsync(household);

        var page = await PageAsync(housing, $"/Housing/Pipeline?soeg=ingenfindesher&household={household}");

        Assert.Equal(readsBefore + 1, await factory.HouseholdReadsAsync(household));
        Assert.Empty(Rows(page));
        Assert.Equal("Ingen husstande på vej passer til søgningen.", page.QuerySelector("#pipeline-underway + p")?.TextContent.Trim());
        Assert.Equal(household.ToString(), page.QuerySelector("input[type=hidden][name=OfferHouseholdId]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("010190-1234")]
    [InlineData("0101901234")]
    [InlineData("Zainab 010190")]
    public async Task ACprNumberInTheSearch_IsTakenOutOfTheAddressAtOnce_ThePageUnsearchedSaysWhy(string typed)
    {
        var household = await factory.RegisterSingleAsync($"Cprsøgning{typed.Length}", Gender.Female, "Hana");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var sent = await housing.GetAsync($"/Housing/Pipeline?sortering=dage&side=3&soeg={Uri.EscapeDataString(typed)}");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var to = sent.Headers.Location!.OriginalString;
        Assert.Equal("/Housing/Pipeline?sortering=dage&soegFejl=cpr", to);
        var page = await PageAsync(housing, to);
        Assert.Equal("Fejl: Søg på navn, ikke på CPR-nummer.", page.GetElementById("soeg-error")?.TextContent);
        Assert.Equal("", page.GetElementById("soeg")?.GetAttribute("value"));
        Assert.Contains(household, Rows(page));
        Assert.DoesNotContain("010190", Ids.Removed(page.DocumentElement.OuterHtml), StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> PageAsync(Browser housing, string url) => Parser.ParseDocument(await housing.GetPageAsync(url));

    /// <summary>The households of the first table, in order, by the case page each name leads to.</summary>
    private static List<Guid> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table[aria-labelledby=pipeline-underway] tr[data-household] td:first-child a").Select(a => Guid.Parse(a.GetAttribute("href")!["/Households/".Length..]))];
}

using System.Globalization;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The way to a permanent home sorted by name, or with the households that have lived longest in temporary housing
/// first (whom to help on first): a link in each of the two columns' headings, the order told with aria-sort, and kept
/// when a step is taken on the page.
/// </summary>
public sealed class PipelineSortTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ByDays_TheLongestInTemporaryHousingFirst_ByNameOtherwise_TheOrderTold()
    {
        // Three singles with 0, 40 and 200 days in temporary housing, named in the opposite order.
        await factory.RegisterSingleAsync("Aaa Sortersen");
        var middle = await factory.RegisterSingleAsync("Bbb Sortersen");
        var longest = await factory.RegisterSingleAsync("Ccc Sortersen");
        await factory.QueryAsync(async db =>
        {
            db.Occupancies.Add(new Occupancy(await factory.UnitOfItsOwnAsync("Sortering 1", isPermanent: false), longest, 1, Today.AddDays(-200), isTemporary: true));
            db.Occupancies.Add(new Occupancy(await factory.UnitOfItsOwnAsync("Sortering 2", isPermanent: false), middle, 1, Today.AddDays(-40), isTemporary: true));
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var byName = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline"));
        var byDays = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline?sortering=dage"));

        Assert.Equal(["Solo Aaa Sortersen", "Solo Bbb Sortersen", "Solo Ccc Sortersen"], Shown(byName));
        Assert.Equal(["Solo Ccc Sortersen", "Solo Bbb Sortersen", "Solo Aaa Sortersen"], Shown(byDays));
        var days = Days(byDays);
        Assert.Equal(days.OrderDescending(), days);
        Assert.True(days[0] >= 200, "The demo's households have lived fewer days in temporary housing than the first test single.");
        Assert.NotEqual(Days(byName), days);
        Assert.Equal(["ascending", null], Headings(byName).Select(h => h.GetAttribute("aria-sort")));
        Assert.Equal([null, "descending"], Headings(byDays).Select(h => h.GetAttribute("aria-sort")));
        Assert.Equal(["/Housing/Pipeline", "/Housing/Pipeline?sortering=dage"], Headings(byName).Select(h => h.QuerySelector("a")?.GetAttribute("href")));
        // The moves of every year, asked for from the sorted page, stay sorted.
        Assert.Equal(["/Housing/Pipeline?alle=true", "/Housing/Pipeline?alle=true&sortering=dage"],
            Headings(Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline?alle=true&sortering=dage"))).Select(h => h.QuerySelector("a")?.GetAttribute("href")));
    }

    [Fact]
    public async Task AStepTakenOnTheSortedPage_ComesBackToItSorted()
    {
        var household = await factory.RegisterSingleAsync("Tilbagesen");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Bakkevej 40", Today.AddDays(-1))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var sorted = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline?alle=true&sortering=dage"));
        var decline = sorted.QuerySelector($"form[action*='handler=Decline']:has(input[name='OfferId'][value='{offer}'])")?.GetAttribute("action");
        Assert.Equal(["alle=true", "handler=Decline", "sortering=dage"], Query(decline));
        Assert.All(sorted.QuerySelectorAll("form[method='post'][action^='/Housing/Pipeline']").Select(f => f.GetAttribute("action")), action => Assert.Contains("sortering=dage", Query(action)));

        using var declined = await housing.PostFormAsync(decline!, new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["DeclineReason"] = "" }, formPage: "/Housing/Pipeline");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("/Housing/Pipeline?alle=true&sortering=dage", declined.Headers.Location?.OriginalString);
    }

    /// <summary>A form's address's query, its parts in order.</summary>
    private static List<string> Query(string? action) =>
        [.. ((action ?? "").Split('?') is [_, var query] ? query.Split('&') : []).Order(StringComparer.Ordinal)];

    private static List<AngleSharp.Dom.IElement> Headings(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table[aria-labelledby='pipeline-underway'] thead th").Take(2)];

    /// <summary>The test's households, in the order the page lists them.</summary>
    private static List<string?> Shown(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table[aria-labelledby='pipeline-underway'] tr[data-household]").Select(r => r.GetAttribute("data-household")).Where(n => n!.EndsWith("Sortersen", StringComparison.Ordinal))];

    private static List<int> Days(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table[aria-labelledby='pipeline-underway'] tr[data-household] td:nth-child(2)").Select(c => int.Parse(c.TextContent.Trim(), CultureInfo.InvariantCulture))];
}

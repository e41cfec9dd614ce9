using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Households.HouseholdHousingSection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// On the way to permanent housing, each household's name leads to its case page, which the housing coordinator may open
/// and where its Bolig section shows the same registrations and offers.
/// </summary>
public sealed class PipelineHouseholdLinkTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task EveryHouseholdName_LinksToItsCasePage_WhichTheHousingCoordinatorMayOpen()
    {
        var household = await factory.RegisterFamilyAsync("Vejlink");
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        // Every household of the demo is on the way, but those to live with the person they joined (no duty to house them).
        var names = await factory.QueryAsync(db => db.Households.AsNoTracking().Where(h => !h.LivesWithReferencePerson).OrderBy(h => h.Id).ToDictionaryAsync(h => h.Id.ToString(), h => h.Name));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = "Linkvejens Boligselskab", ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today), ["WaitingListNumber"] = "L-9",
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var page = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline"));

        var rows = page.QuerySelectorAll("table.pipeline tbody tr[data-household]");
        Assert.Equal(names.Count, rows.Length);
        var links = rows.Select(r => r.QuerySelector("td:first-child a[href]")).ToList();
        Assert.All(links, Assert.NotNull);
        // Each link's text is the household's name, and its address that household's own page.
        Assert.All(links, a => Assert.Equal(names[a!.GetAttribute("href")!["/Households/".Length..]], a.TextContent));
        Assert.All(links, a => Assert.StartsWith("/Households/", a!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(names.Keys.Order(StringComparer.Ordinal), links.Select(a => a!.GetAttribute("href")!["/Households/".Length..]).Order(StringComparer.Ordinal));

        // Followed as the housing coordinator: the case page, with the registration just made in its Bolig section.
        var ours = links.Single(a => a!.TextContent == name)!.GetAttribute("href")!;
        Assert.Equal($"/Households/{household}", ours);
        var section = Of(await housing.GetPageAsync(ours));
        Assert.Equal([new Registration("Linkvejens Boligselskab", Date(Arrivals.Today), "L-9")], section.Registrations);
        foreach (var href in links.Select(a => a!.GetAttribute("href")!))
        {
            using var response = await housing.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

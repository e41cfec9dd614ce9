using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The way to a permanent home stays a page to read with a thousand households: each table a page of 25 in its order (by
/// name, or the longest in temporary housing first), counted, with page links of its own named by its heading; every link
/// and form keeps the order, the moves shown and both pages, so a step taken (or refused) comes back to the page it was
/// taken on; the forms still offer every household on its way; and only the households on the pages shown are read.
/// The demo's households are on the pages too: the tests count from what the page says.
/// </summary>
public sealed class PipelinePagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Underway = "table[aria-labelledby='pipeline-underway']";
    private const string Moved = "table[aria-labelledby='pipeline-moved']";
    private const string UnderwayPages = "nav.pagination[aria-label='Sider: På vej til en permanent bolig']";
    private const string MovedPages = "nav.pagination[aria-label='Sider: Flyttet til en permanent bolig']";
    private const string UnderwayCount = "h2#pipeline-underway + p.pipeline-count";
    private const string Purpose = "Vejen til permanent bolig: oversigt";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ThirtyMoreOnTheWay_PagesOf25_CountedAndLinked_EachHouseholdOnOnePage_ByNameAndByDays()
    {
        var ours = await RegisterManyAsync("Sidesen", 30);
        // Three with days in temporary housing: the longest first when sorted so, two of as many days by name.
        await StayAsync(ours[10], "Side 1", 300);
        await StayAsync(ours[20], "Side 2", 120);
        await StayAsync(ours[5], "Side 3", 120);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var first = await PageAsync(housing, "/Housing/Pipeline");

        var total = Total(first);
        Assert.True(total >= 30, $"{total} households on their way.");
        Assert.Equal($"Viser 1–25 af {total} husstande.", first.QuerySelector(UnderwayCount)?.TextContent.Trim());
        Assert.Equal(25, Rows(first, Underway).Count);
        var pages = first.QuerySelector(UnderwayPages);
        Assert.NotNull(pages);
        Assert.Equal("/Housing/Pipeline?side=2#pipeline-underway", pages.QuerySelector("a[rel='next']")?.GetAttribute("href"));
        Assert.Null(pages.QuerySelector("a[rel='prev']"));
        Assert.Equal("1", Current(first, UnderwayPages));
        // The demo's few moves are one page: neither count nor page links.
        Assert.Null(first.QuerySelector(MovedPages));
        Assert.Null(first.QuerySelector("h2#pipeline-moved ~ p.pipeline-count"));

        var byName = await WalkAsync(housing, "/Housing/Pipeline?", total);
        Assert.Equal(ours, byName.Where(ours.Contains));

        var byDays = await WalkAsync(housing, "/Housing/Pipeline?sortering=dage&", total);
        Assert.Equal(ours[10], byDays[0]);
        Assert.True(byDays.IndexOf(ours[5]) < byDays.IndexOf(ours[20]), "Of as many days, by name.");
        var withoutDays = ours.Except([ours[5], ours[10], ours[20]]).ToList();
        Assert.Equal(withoutDays, byDays.Where(withoutDays.Contains));
    }

    [Fact]
    public async Task EveryLink_KeepsTheOrderTheMovesShownAndBothPages_ANewOrderStartsOnTheFirstPages()
    {
        await RegisterManyAsync("Lenkesen", 26);
        var moved = await RegisterManyAsync("Flyttesen", 26);
        var earlier = await factory.RegisterSingleAsync("Førflyttesen");
        await factory.QueryAsync(async db =>
        {
            foreach (var household in moved)
            {
                db.HousingOffers.Add(new HousingOffer(household, "Flyttevej 1, 3450 Allerød", Today.AddDays(-10))).Entity.Accept(Today.AddDays(-3));
            }

            db.HousingOffers.Add(new HousingOffer(earlier, "Flyttevej 2, 3450 Allerød", Today.AddDays(-430))).Entity.Accept(Today.AddDays(-400));
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = await PageAsync(housing, "/Housing/Pipeline?sortering=dage&side=2&sideFlyttet=2");

        Assert.Equal(("2", "2"), (Current(page, UnderwayPages), Current(page, MovedPages)));
        Assert.Equal("/Housing/Pipeline?sortering=dage&sideFlyttet=2#pipeline-underway", page.QuerySelector($"{UnderwayPages} a[rel='prev']")?.GetAttribute("href"));
        Assert.Equal("/Housing/Pipeline?sortering=dage&side=2#pipeline-moved", page.QuerySelector($"{MovedPages} a[rel='prev']")?.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll($"{UnderwayPages} a[href]").Select(a => a.GetAttribute("href")),
            href => Assert.Matches(@"^/Housing/Pipeline\?sortering=dage(&side=\d+)?&sideFlyttet=2#pipeline-underway$", href));
        Assert.All(page.QuerySelectorAll($"{MovedPages} a[href]").Select(a => a.GetAttribute("href")),
            href => Assert.Matches(@"^/Housing/Pipeline\?sortering=dage&side=2(&sideFlyttet=\d+)?#pipeline-moved$", href));
        var movedCount = page.QuerySelector("h2#pipeline-moved ~ p.pipeline-count")?.TextContent.Trim();
        Assert.StartsWith("Viser 26–", movedCount, StringComparison.Ordinal);
        // Sorting anew starts on the first pages: page 2 by name holds other households than page 2 by days.
        foreach (var table in new[] { Underway, Moved })
        {
            Assert.Equal(["/Housing/Pipeline", "/Housing/Pipeline?sortering=dage"], page.QuerySelectorAll($"{table} thead th a").Take(2).Select(a => a.GetAttribute("href")));
        }

        Assert.Equal("/Housing/Pipeline?alle=true&sortering=dage&side=2&sideFlyttet=2#pipeline-moved",
            page.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Vis også", StringComparison.Ordinal)).GetAttribute("href"));
        var newSteps = page.QuerySelectorAll("a[data-testid^=new-]").Select(a => a.GetAttribute("href")!.Split('#')[0]).ToList();
        Assert.NotEmpty(newSteps);
        Assert.All(newSteps, href => Assert.Superset(new HashSet<string> { "sortering=dage", "side=2", "sideFlyttet=2" }, Query(href).ToHashSet()));
        var withForms = await PageAsync(housing, newSteps[0]);
        var forms = withForms.QuerySelectorAll("form[method='post'][action^='/Housing/Pipeline']").Select(f => f.GetAttribute("action")).ToList();
        Assert.Contains(forms, action => action!.Contains("handler=Offer", StringComparison.Ordinal));
        Assert.All(forms, action => Assert.Superset(new HashSet<string> { "sortering=dage", "side=2", "sideFlyttet=2" }, Query(action).ToHashSet()));
    }

    [Fact]
    public async Task AStepTakenOnPage2_ComesBackToPage2_SortedAndWithTheMovesShown()
    {
        await RegisterManyAsync("Trinsen", 30);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        const string Address = "/Housing/Pipeline?alle=true&sortering=dage&side=2";
        var household = Rows(await PageAsync(housing, Address), Underway)[0];
        var offer = await OfferAsync(household, "Trinvej 2, 3450 Allerød");
        var page = await PageAsync(housing, Address);
        var decline = page.QuerySelector($"form[action*='handler=Decline']:has(input[name='OfferId'][value='{offer}'])")?.GetAttribute("action");
        Assert.Equal(["alle=true", "handler=Decline", "side=2", "sortering=dage"], Query(decline));

        using var declined = await housing.PostFormAsync(decline!, new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["DeclineReason"] = "For langt fra skolen" }, formPage: Address);

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(Address, declined.Headers.Location?.OriginalString);
        var back = await PageAsync(housing, Address);
        Assert.Equal("2", Current(back, UnderwayPages));
        Assert.Contains(household, Rows(back, Underway));
        Assert.Equal(OfferStatus.Declined, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }

    /// <summary>The household accepted its home and left the table: the last page, its only row, is gone, and the nearest is shown.</summary>
    [Fact]
    public async Task TheOnlyRowOfTheLastPageMovesOn_TheStepComesBackToThePageBefore()
    {
        var last = await factory.RegisterNamedAsync("Zzz Sidstesen", "Sidste");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var total = Total(await PageAsync(housing, "/Housing/Pipeline"), orOne: true);
        // As many more as make the last page hold one household.
        var more = (((1 - total) % 25) + 25) % 25;
        await RegisterManyAsync("Fyldesen", more + (total + more < 26 ? 25 : 0));
        var pages = await PageAsync(housing, "/Housing/Pipeline");
        total = Total(pages);
        var lastPage = (total + 24) / 25;
        Assert.Equal(1, total % 25);
        var offer = await OfferAsync(last, "Sidstevej 1, 3450 Allerød");
        var onLastPage = await PageAsync(housing, $"/Housing/Pipeline?side={lastPage}");
        Assert.Equal([last], Rows(onLastPage, Underway));
        var accept = onLastPage.QuerySelector($"form[action*='handler=Accept']:has(input[name='OfferId'][value='{offer}'])")?.GetAttribute("action");

        using var accepted = await housing.PostFormAsync(accept!, new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(Today) }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/Housing/Pipeline?side={lastPage}", accepted.Headers.Location?.OriginalString);
        var back = await PageAsync(housing, accepted.Headers.Location!.OriginalString);
        Assert.Equal((lastPage - 1).ToString(CultureInfo.InvariantCulture), Current(back, UnderwayPages));
        Assert.Equal($"Viser {total - 25}–{total - 1} af {total - 1} husstande.", back.QuerySelector(UnderwayCount)?.TextContent.Trim());
        Assert.Equal(OfferStatus.Accepted, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task ARefusedStepOnPage2_ShowsPage2_WithTheErrorBesideTheFieldAndWhatWasTyped()
    {
        await RegisterManyAsync("Afvisesen", 30);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var household = Rows(await PageAsync(housing, "/Housing/Pipeline?side=2"), Underway)[0];
        var offer = await OfferAsync(household, "Afvisevej 2, 3450 Allerød");
        var accept = (await PageAsync(housing, "/Housing/Pipeline?side=2"))
            .QuerySelector($"form[action*='handler=Accept']:has(input[name='OfferId'][value='{offer}'])")?.GetAttribute("action");
        Assert.Equal(["handler=Accept", "side=2"], Query(accept));

        using var refused = await housing.PostFormAsync(accept!, new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = "i overmorgen" }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("2", Current(page, UnderwayPages));
        Assert.StartsWith("Viser 26–", page.QuerySelector(UnderwayCount)?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(household, Rows(page, Underway));
        Assert.NotNull(page.QuerySelector($"#MoveDate-{offer}-error"));
        Assert.Equal("i overmorgen", page.QuerySelector($"input#MoveDate-{offer}")?.GetAttribute("value"));
        // Corrected from the page shown, the step still comes back to it.
        Assert.All(page.QuerySelectorAll("form[method='post'][action^='/Housing/Pipeline']").Select(f => f.GetAttribute("action")), action => Assert.Contains("side=2", Query(action)));
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }

    /// <summary>
    /// A household's registrations and offers are read when its page is shown, not before; a new step for it is taken from
    /// its row, which leads to the forms for it on the same page (no list of every household on its way at each view).
    /// </summary>
    [Fact]
    public async Task OnlyTheHouseholdsOfThePagesShown_AreRecordedAsRead_EachRowLeadsToTheFormsForIt()
    {
        var ours = await RegisterManyAsync("Læsesen", 30);
        await factory.QueryAsync(db =>
        {
            db.HousingRegistrations.AddRange(ours.Select(h => new HousingRegistration(h, "Læsernes Boligselskab", Today.AddDays(-3), null)));
            return db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var pageCount = (Total(await PageAsync(housing, "/Housing/Pipeline")) + 24) / 25;
        var shownOnSomePage = new HashSet<Guid>();
        var shownFirst = new HashSet<Guid>();

        for (var side = 1; side <= pageCount; side++)
        {
            var before = await ReadAsync(ours);
            var page = await PageAsync(housing, $"/Housing/Pipeline?side={side}");
            var after = await ReadAsync(ours);

            var shown = Rows(page, Underway).ToHashSet();
            Assert.All(ours, h => Assert.Equal(before[h] + (shown.Contains(h) ? 1 : 0), after[h]));
            // A step is taken from a row of the page: no list of every household on its way, read at each view.
            Assert.Empty(page.QuerySelectorAll("select"));
            Assert.All(Rows(page, Underway), h => Assert.Equal(
                [$"/Housing/Pipeline?{(side > 1 ? $"side={side}&" : "")}household={h}#registration", $"/Housing/Pipeline?{(side > 1 ? $"side={side}&" : "")}household={h}#offer"],
                page.QuerySelectorAll("tr").Single(tr => tr.QuerySelector($"a[href='/Households/{h}']") is not null).QuerySelectorAll("a[data-testid^=new-]").Select(a => a.GetAttribute("href"))));

            shownOnSomePage.UnionWith(shown);
            if (side == 1)
            {
                shownFirst = shown;
            }
        }

        Assert.Superset(ours.ToHashSet(), shownOnSomePage);
        Assert.NotEmpty(ours.Except(shownFirst));
    }

    [Theory]
    [InlineData("999", true)]
    [InlineData("99999999999999999999", true)]
    [InlineData("0", false)]
    [InlineData("-3", false)]
    [InlineData("tre", false)]
    [InlineData("", false)]
    public async Task APageNumberPastTheLast_ShowsTheLast_OneBelowOrNoNumberTheFirst(string side, bool last)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        if (Total(await PageAsync(housing, "/Housing/Pipeline"), orOne: true) is var few and <= 25)
        {
            await RegisterManyAsync($"Grænsesen {(last ? "Sidst" : "Først")}{side.Length}", 26 - few);
        }

        var pageCount = (Total(await PageAsync(housing, "/Housing/Pipeline")) + 24) / 25;
        var expected = last ? pageCount : 1;

        var page = await PageAsync(housing, $"/Housing/Pipeline?side={Uri.EscapeDataString(side)}&sideFlyttet={Uri.EscapeDataString(side)}");

        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), Current(page, UnderwayPages));
        Assert.Equal(Rows(await PageAsync(housing, $"/Housing/Pipeline?side={expected}"), Underway), Rows(page, Underway));
        // The rows' links to a new step carry the page shown, not the number asked for, and so do the forms they open.
        var newOffer = page.QuerySelector("a[data-testid=new-offer]")!.GetAttribute("href")!.Split('#')[0];
        Assert.Equal(last ? [$"side={pageCount}"] : [], Query(newOffer).Where(p => !p.StartsWith("household=", StringComparison.Ordinal)));
        var offer = (await PageAsync(housing, newOffer)).QuerySelector("form[action*='handler=Offer']")?.GetAttribute("action");
        Assert.Equal(last ? ["handler=Offer", $"side={pageCount}"] : ["handler=Offer"], Query(offer));
    }

    /// <summary>Singles named "Solo {lastName} 01" and on, in that order; their households' ids.</summary>
    private async Task<List<Guid>> RegisterManyAsync(string lastName, int count)
    {
        var households = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            households.Add(await factory.RegisterSingleAsync($"{lastName} {i:00}"));
        }

        return households;
    }

    /// <summary>The household in a temporary unit of its own since <paramref name="days"/> days ago.</summary>
    private async Task StayAsync(Guid household, string unit, int days)
    {
        var unitId = await factory.UnitOfItsOwnAsync(unit, isPermanent: false);
        await factory.QueryAsync(db =>
        {
            db.Occupancies.Add(new Occupancy(unitId, household, 1, Today.AddDays(-days), isTemporary: true));
            return db.SaveChangesAsync();
        });
    }

    private Task<Guid> OfferAsync(Guid household, string address) => factory.QueryAsync(async db =>
    {
        var offer = db.HousingOffers.Add(new HousingOffer(household, address, Today.AddDays(-1))).Entity;
        await db.SaveChangesAsync();
        return offer.Id;
    });

    /// <summary>How often each household has been recorded as read by the pipeline page.</summary>
    private async Task<Dictionary<Guid, int>> ReadAsync(IReadOnlyList<Guid> households)
    {
        var details = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.HouseholdRead && e.Purpose == Purpose).Select(e => e.Details).ToListAsync());
        return households.ToDictionary(h => h, h => details.Count(d => d == $"Husstand {h:D}"));
    }

    /// <summary>Every page of the households on their way, in order; each household on one page only.</summary>
    private static async Task<List<Guid>> WalkAsync(Browser housing, string address, int total)
    {
        var households = new List<Guid>();
        var pageCount = (total + 24) / 25;
        for (var side = 1; side <= pageCount; side++)
        {
            var page = await PageAsync(housing, $"{address}side={side}");
            Assert.Equal(side.ToString(CultureInfo.InvariantCulture), Current(page, UnderwayPages));
            var first = ((side - 1) * 25) + 1;
            Assert.Equal($"Viser {first}–{Math.Min(first + 24, total)} af {total} husstande.", page.QuerySelector(UnderwayCount)?.TextContent.Trim());
            households.AddRange(Rows(page, Underway));
        }

        Assert.Equal(total, households.Count);
        Assert.Equal(total, households.Distinct().Count());
        return households;
    }

    /// <summary>How many households are on their way, as the count above the first table says (one page: its rows).</summary>
    private static int Total(IHtmlDocument page, bool orOne = false)
    {
        if (page.QuerySelector(UnderwayCount)?.TextContent.Trim() is { } count)
        {
            return int.Parse(count[(count.IndexOf(" af ", StringComparison.Ordinal) + 4)..].Split(' ')[0], CultureInfo.InvariantCulture);
        }

        Assert.True(orOne, "The households on their way are more than a page.");
        return Rows(page, Underway).Count;
    }

    /// <summary>The households of a table, in order, by the case page each name leads to.</summary>
    private static List<Guid> Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"{table} tr[data-household] td:first-child a").Select(a => Guid.Parse(a.GetAttribute("href")!["/Households/".Length..]))];

    /// <summary>The page a pagination marks as the one shown; "1" when there is none (a single page).</summary>
    private static string Current(IDocument page, string pagination) =>
        page.QuerySelector($"{pagination} [aria-current='page']")?.TextContent.Trim() ?? "1";

    /// <summary>A form's address's query, its parts in order.</summary>
    private static List<string> Query(string? action) =>
        [.. ((action ?? "").Split('?') is [_, var query] ? query.Split('&') : []).Order(StringComparer.Ordinal)];

    private static async Task<IHtmlDocument> PageAsync(Browser housing, string url) => Parser.ParseDocument(await housing.GetPageAsync(url));
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Dashboard;

/// <summary>
/// The coordinator's overview stays an overview with many households: the arrivals to confirm, what is late and who we
/// wait for are each a page of 25, the most urgent first, counted, with page links of their own that keep the other lists
/// where they are; and only the persons and households shown are recorded as read.
/// </summary>
public sealed class OverviewListPagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Waiting = "section[aria-labelledby='waiting']";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task ThirtyTasksWaitingOnOthers_FirstPageTheEarliest25_SecondTheRest_LinksKeepTheOtherLists()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordventer");
        var household = (await factory.AddHouseholdsAsync(coordinator, ["Ventehus"])).Single();
        // Added latest first: the due date decides.
        var titles = Enumerable.Range(1, 30).Select(i => $"Venteopgave {i:00}").ToList();
        await factory.QueryAsync(async db =>
        {
            var other = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            db.Tasks.AddRange(titles.Select((title, i) => new CaseTask(household.Id, household.Members.Single().Id, TaskType.StartPackage, other, title, Today.AddDays(10 + i)))
                .Reverse());
            return await db.SaveChangesAsync();
        });

        var first = await PageAsync(browser, "/?Soeg=ventehus");
        var second = await PageAsync(browser, "/?Soeg=ventehus&VenterSide=2");

        Assert.Equal(titles.Take(25), Titles(first));
        Assert.Equal(titles.Skip(25), Titles(second));
        Assert.Equal("Viser 1–25 af 30.", first.QuerySelector($"{Waiting} p.dashboard-list-count")?.TextContent.Trim());
        Assert.Equal("Viser 26–30 af 30.", second.QuerySelector($"{Waiting} p.dashboard-list-count")?.TextContent.Trim());
        var pages = first.QuerySelector($"{Waiting} nav.pagination[aria-label='Sider: Venter på andre afdelinger']");
        Assert.Equal("/?Soeg=ventehus&VenterSide=2#waiting", pages?.QuerySelector("a[rel='next']")?.GetAttribute("href"));
        Assert.Equal("/?Soeg=ventehus&VenterSide=1#waiting", second.QuerySelector($"{Waiting} nav.pagination a[rel='prev']")?.GetAttribute("href"));
        // The household list's search keeps the page of this list, and its page links too.
        Assert.Equal("2", second.QuerySelector("section[aria-labelledby='my-households'] form input[type='hidden'][name='VenterSide']")?.GetAttribute("value"));
        // A page past the last shows the last, no error.
        Assert.Equal(titles.Skip(25), Titles(await PageAsync(browser, "/?VenterSide=99")));
    }

    [Fact]
    public async Task FewTasks_OnePage_NeitherCountNorPageLinks()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordfaaventer");
        var household = (await factory.AddHouseholdsAsync(coordinator, ["Faaventehus"])).Single();
        await factory.QueryAsync(async db =>
        {
            var other = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            db.Tasks.Add(new CaseTask(household.Id, household.Members.Single().Id, TaskType.StartPackage, other, "Eneste venteopgave", Today.AddDays(3)));
            return await db.SaveChangesAsync();
        });

        var page = await PageAsync(browser, "/");

        Assert.Equal(["Eneste venteopgave"], Titles(page));
        Assert.Null(page.QuerySelector($"{Waiting} p.dashboard-list-count"));
        Assert.Null(page.QuerySelector($"{Waiting} nav.pagination"));
    }

    /// <summary>
    /// Households that arrived long ago with nothing done have more overdue deadlines than a page holds: the first page
    /// shows 25, and a member whose deadlines are all a page link away is not recorded as read until that page is shown.
    /// </summary>
    [Fact]
    public async Task OverdueDeadlines_AreAPageOf25_AndOnlyThePersonsShownAreRecordedAsRead()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordfrister");
        // Twelve households a year and a month in, and one four months in: its deadlines come after the others' first 25.
        var households = await factory.AddHouseholdsAsync(
            coordinator, Enumerable.Range(1, 12).Select(i => $"Fristhus {i:00}"), expected: Today.AddDays(-400), arrived: Today.AddDays(-400));
        var later = (await factory.AddHouseholdsAsync(coordinator, ["Fristhus senere"], expected: Today.AddDays(-120), arrived: Today.AddDays(-120))).Single();
        households.Add(later);
        const string overdue = "section[aria-labelledby='overdue']";

        var readBefore = await ReadCountsAsync(households);
        var first = await PageAsync(browser, "/");
        var readAfterFirst = await ReadCountsAsync(households);

        Assert.Equal(25, first.QuerySelectorAll($"{overdue} h3#overdue-deadlines + p + div tbody tr").Length);
        var count = first.QuerySelector($"{overdue} h3#overdue-deadlines + p.dashboard-list-count")?.TextContent.Trim();
        Assert.StartsWith("Viser 1–25 af ", count, StringComparison.Ordinal);
        var next = first.QuerySelector($"{overdue} nav.pagination[aria-label='Sider: Overskredne frister'] a[rel='next']")?.GetAttribute("href");
        Assert.Equal("/?OverskredneFristerSide=2#overdue-deadlines", next);
        var shownFirst = Shown(first, "overdue-deadlines");
        Assert.DoesNotContain(later.Id, shownFirst);
        Assert.All(households, h => Assert.Equal(readBefore[h.Id] + (shownFirst.Contains(h.Id) ? 1 : 0), readAfterFirst[h.Id]));

        // Its deadlines are on a later page, and it is recorded as read when that page is shown.
        var read = readAfterFirst[later.Id];
        for (var side = 2; side <= 10; side++)
        {
            var page = await PageAsync(browser, $"/?OverskredneFristerSide={side}");
            var shown = Shown(page, "overdue-deadlines").Contains(later.Id);
            var readNow = (await ReadCountsAsync([later]))[later.Id];
            Assert.Equal(read + (shown ? 1 : 0), readNow);
            if (shown)
            {
                return;
            }
        }

        Assert.Fail("The household four months in is on no page of overdue deadlines.");
    }

    [Fact]
    public async Task TasksShown_RecordTheirPersonOrTheirHouseholdAsRead_ThoseAPageAwayOnlyWhenShown()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordopgavelaes");
        var added = await factory.AddHouseholdsAsync(coordinator, ["Opgavelæs A", "Opgavelæs B", "Opgavelæs C"]);
        var (many, later, person) = (added[0], added[1], added[2]);
        await factory.QueryAsync(async db =>
        {
            var other = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            // Page 1 of the waiting tasks: C's member's task first, then 24 of A's for the whole household; B's is on page 2.
            db.Tasks.Add(new CaseTask(person.Id, person.Members.Single().Id, TaskType.StartPackage, other, "Personopgave", Today.AddDays(5)));
            db.Tasks.AddRange(Enumerable.Range(1, 24).Select(i => new CaseTask(many.Id, null, TaskType.StartPackage, other, $"Husstandsopgave {i:00}", Today.AddDays(10 + i))));
            db.Tasks.Add(new CaseTask(later.Id, null, TaskType.StartPackage, other, "Senere husstandsopgave", Today.AddDays(60)));
            return await db.SaveChangesAsync();
        });
        var before = (Many: await factory.HouseholdReadsAsync(many.Id), Later: await factory.HouseholdReadsAsync(later.Id), Person: await factory.AuditCountAsync(AuditAction.PersonRead, person.Members.Single().Id));

        // The list of households searched for C alone: A and B are shown (and read) through their tasks only.
        await PageAsync(browser, "/?Soeg=Opgavel%C3%A6s%20C");

        Assert.Equal(before.Many + 1, await factory.HouseholdReadsAsync(many.Id));
        Assert.Equal(before.Later, await factory.HouseholdReadsAsync(later.Id));
        Assert.Equal(before.Person + 1, await factory.AuditCountAsync(AuditAction.PersonRead, person.Members.Single().Id));

        var second = await PageAsync(browser, "/?Soeg=Opgavel%C3%A6s%20C&VenterSide=2");

        Assert.Equal(["Senere husstandsopgave"], Titles(second));
        Assert.Equal(before.Later + 1, await factory.HouseholdReadsAsync(later.Id));
    }

    /// <summary>
    /// Households whose expected arrival has come with no arrival recorded can be hundreds: the list of arrivals to confirm
    /// is a page of 25, the longest expected first, counted, with page links of its own; and only the households shown are
    /// recorded as read, those a page link away when their page is shown.
    /// </summary>
    [Fact]
    public async Task ArrivalsToConfirm_AreAPageOf25_Counted_AndOnlyTheHouseholdsShownAreRecordedAsRead()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordankomst");
        // Expected 1 to 30 days ago, none arrived: the one expected 30 days ago first.
        var households = new List<Domain.People.Household>();
        for (var daysAgo = 30; daysAgo >= 1; daysAgo--)
        {
            households.AddRange(await factory.AddHouseholdsAsync(coordinator, [$"Ankomsthus {daysAgo:00}"], expected: Today.AddDays(-daysAgo)));
        }

        const string arrivals = "section[aria-labelledby='arrivals-to-confirm']";
        // The list of households searched for none of them: they are shown (and read) as arrivals to confirm only.
        const string url = "/?Soeg=ingensteds";
        var before = await HouseholdReadCountsAsync(households);

        var first = await PageAsync(browser, url);
        var afterFirst = await HouseholdReadCountsAsync(households);

        Assert.Equal(households.Take(25).Select(h => h.Id), ArrivalsShown(first));
        Assert.Equal("Viser 1–25 af 30.", first.QuerySelector($"{arrivals} p.dashboard-list-count")?.TextContent.Trim());
        var next = first.QuerySelector($"{arrivals} nav.pagination[aria-label='Sider: Ankomster, der skal bekræftes'] a[rel='next']")?.GetAttribute("href");
        Assert.Equal("/?Soeg=ingensteds&AnkomsterSide=2#arrivals-to-confirm", next);
        Assert.Equal(households.Select((h, i) => before[h.Id] + (i < 25 ? 1 : 0)), households.Select(h => afterFirst[h.Id]));

        var second = await PageAsync(browser, next!);
        var afterSecond = await HouseholdReadCountsAsync(households);

        Assert.Equal(households.Skip(25).Select(h => h.Id), ArrivalsShown(second));
        Assert.Equal("Viser 26–30 af 30.", second.QuerySelector($"{arrivals} p.dashboard-list-count")?.TextContent.Trim());
        Assert.Equal(households.Select((h, i) => afterFirst[h.Id] + (i < 25 ? 0 : 1)), households.Select(h => afterSecond[h.Id]));
    }

    private static List<Guid> ArrivalsShown(IDocument page) =>
        [.. page.QuerySelectorAll("section[aria-labelledby='arrivals-to-confirm'] tbody tr").Select(tr => Guid.Parse(tr.GetAttribute("data-arrival-to-confirm")!))];

    private async Task<Dictionary<Guid, int>> HouseholdReadCountsAsync(IEnumerable<Domain.People.Household> households)
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var household in households)
        {
            counts[household.Id] = await factory.HouseholdReadsAsync(household.Id);
        }

        return counts;
    }

    /// <summary>The households (by id) whose deadlines a list of deadlines shows, from their links.</summary>
    private static HashSet<Guid> Shown(IDocument page, string list) =>
        [.. page.QuerySelectorAll($"h3#{list} + p + div tbody tr td:first-child a").Select(a => Guid.Parse(a.GetAttribute("href")!["/Households/".Length..].Split('#')[0]))];

    private async Task<Dictionary<Guid, int>> ReadCountsAsync(IEnumerable<Domain.People.Household> households)
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var household in households)
        {
            counts[household.Id] = await factory.AuditCountAsync(AuditAction.PersonRead, household.Members.Single().Id);
        }

        return counts;
    }

    private static List<string> Titles(IDocument page) =>
        [.. page.QuerySelectorAll($"{Waiting} tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    private static async Task<IDocument> PageAsync(Browser browser, string url) =>
        new HtmlParser().ParseDocument(await browser.GetPageAsync(url));
}

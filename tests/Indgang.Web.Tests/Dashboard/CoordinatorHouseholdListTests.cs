using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Dashboard;

/// <summary>
/// The coordinator's households on the start page a page of 25 at a time, by name, found by part of the household's or
/// a member's name (never by a CPR number); the rest of the overview still covers every household. Each test signs in
/// a coordinator of its own, so that it knows every household the list can show.
/// </summary>
public sealed class CoordinatorHouseholdListTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string List = "section[aria-labelledby='my-households']";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task ThirtyHouseholds_FirstPageShows25ByName_SecondTheLastFive()
    {
        var (coordinator, browser) = await CoordinatorAsync("koordside");
        // Added in reverse order: the name decides.
        var names = await AddHouseholdsAsync(coordinator, Enumerable.Range(1, 30).Reverse().Select(i => $"Sidehus {i:00}"));

        var first = await PageAsync(browser, "/");
        var second = await PageAsync(browser, "/?Side=2");

        Assert.Equal(names.Order(StringComparer.Ordinal).Take(25), Rows(first));
        Assert.Equal(names.Order(StringComparer.Ordinal).Skip(25), Rows(second));
        Assert.Equal("Viser 1–25 af 30 husstande.", Count(first));
        Assert.Equal("Viser 26–30 af 30 husstande.", Count(second));
        Assert.Equal("1", Current(first));
        Assert.Equal("2", Current(second));
        var pagination = first.QuerySelector($"{List} nav.pagination[aria-label='Sider: Mine husstande']")!;
        Assert.Equal(["/?Side=1#my-households", "/?Side=2#my-households"], pagination.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/?Side=2#my-households", pagination.QuerySelector("a[rel='next']")!.GetAttribute("href"));
        Assert.Null(pagination.QuerySelector("a[rel='prev']"));
        Assert.Equal("/?Side=1#my-households", second.QuerySelector($"{List} nav.pagination a[rel='prev']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task FewHouseholds_OnePage_CountedWithoutPageLinks()
    {
        var (coordinator, browser) = await CoordinatorAsync("koordfaa");
        await AddHouseholdsAsync(coordinator, ["Faahus 2", "Faahus 1", "Faahus 3"]);

        var page = await PageAsync(browser, "/");

        Assert.Equal(["Faahus 1", "Faahus 2", "Faahus 3"], Rows(page));
        Assert.Equal("Viser 3 husstande.", Count(page));
        Assert.Null(page.QuerySelector("nav.pagination"));
        Assert.NotNull(page.QuerySelector($"{List} form.household-search input#Soeg"));
    }

    [Fact]
    public async Task NoHouseholds_SaysSo_WithoutASearch()
    {
        var (_, browser) = await CoordinatorAsync("koordingen");

        var page = await PageAsync(browser, "/");

        Assert.Empty(Rows(page));
        Assert.Contains("Ingen husstande endnu.", page.QuerySelector(List)!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"{List} form"));
    }

    /// <summary>A page past the last shows the last one (Pagination's rule on every list); no number, or none there is, the nearest.</summary>
    [Theory]
    [InlineData("abc", "1", "a")]
    [InlineData("-1", "1", "b")]
    [InlineData("0", "1", "c")]
    [InlineData("", "1", "d")]
    [InlineData("2.5", "1", "e")]
    [InlineData("3", "2", "f")]
    [InlineData("999", "2", "g")]
    [InlineData("99999999999999999999", "2", "h")]
    public async Task PageThatDoesNotExist_ShowsTheNearestPage_NoError(string side, string shown, string code)
    {
        var (coordinator, browser) = await CoordinatorAsync($"koordfejl{code}");
        await AddHouseholdsAsync(coordinator, Enumerable.Range(1, 26).Select(i => $"Fejlhus {code} {i:00}"));

        // The address's names are read without regard to case: "side" is "Side".
        using var response = await browser.GetAsync($"/?side={Uri.EscapeDataString(side)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(shown, Current(page));
        Assert.Equal(shown == "1" ? 25 : 1, Rows(page).Count);
        Assert.Equal(shown == "1" ? "Viser 1–25 af 26 husstande." : "Viser 26–26 af 26 husstande.", Count(page));
    }

    [Fact]
    public async Task Search_FindsHouseholdsByPartOfTheName_WithoutRegardToCase_AndKeepsItInThePageLinks()
    {
        var (coordinator, browser) = await CoordinatorAsync("koordsoeg");
        var lund = await AddHouseholdsAsync(coordinator, Enumerable.Range(1, 28).Select(i => $"Lund {i:00}"));
        await AddHouseholdsAsync(coordinator, ["Marstal 01", "Marstal 02"]);

        var first = await PageAsync(browser, "/?Soeg=LUND");
        var next = first.QuerySelector($"{List} nav.pagination a[rel='next']")!.GetAttribute("href")!;
        var second = await PageAsync(browser, next);

        Assert.Equal(lund.Take(25), Rows(first));
        Assert.Equal("Viser 1–25 af 28 husstande.", Count(first));
        Assert.Equal("/?Soeg=LUND&Side=2#my-households", next);
        Assert.Equal(lund.Skip(25), Rows(second));
        Assert.Equal("LUND", second.QuerySelector("input#Soeg")!.GetAttribute("value"));
        Assert.Equal("/?Soeg=LUND&Side=1#my-households", second.QuerySelector($"{List} nav.pagination a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/#my-households", second.QuerySelector($"{List} form a.button-secondary")!.GetAttribute("href"));
    }

    /// <summary>Also Æ, Ø and Å, which SQLite's lower() and a C-locale PostgreSQL's leave as they are; and a member's name.</summary>
    [Theory]
    [InlineData("ærø", "Ærøskøbing", "a")]
    [InlineData("  ÆRØSK ", "Ærøskøbing", "b")]
    [InlineData("zainab", "Familien Berg", "c")]
    [InlineData("Zainab Berg", "Familien Berg", "d")]
    public async Task Search_FindsTheHouseholdByItsNameOrAMembersName(string search, string found, string code)
    {
        var (coordinator, browser) = await CoordinatorAsync($"koordnavn{code}");
        await AddHouseholdsAsync(coordinator, ["Ærøskøbing", "Marstal"]);
        await AddHouseholdsAsync(coordinator, ["Familien Berg"], firstName: "Zainab", lastName: "Berg");

        var page = await PageAsync(browser, $"/?Soeg={Uri.EscapeDataString(search)}");

        Assert.Equal([found], Rows(page));
        Assert.Equal("Viser 1 husstand.", Count(page));
        Assert.Equal(search.Trim(), page.QuerySelector("input#Soeg")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SearchThatFindsNothing_SaysSo()
    {
        var (coordinator, browser) = await CoordinatorAsync("koordintet");
        await AddHouseholdsAsync(coordinator, ["Intethus"]);

        var page = await PageAsync(browser, "/?Soeg=findesikke");

        Assert.Empty(Rows(page));
        Assert.Equal("Ingen husstande passer til søgningen.", Count(page));
        Assert.Equal("findesikke", page.QuerySelector("input#Soeg")!.GetAttribute("value"));
    }

    /// <summary>
    /// The address is no place for a CPR number: a search for one is sent on at once to the list without it, which says
    /// why; it is kept neither in the field nor in the links (the language switch's return address among them). Also
    /// in full-width or Arabic-Indic digits, as a keyboard set to another language types them.
    /// </summary>
    [Theory]
    [InlineData("010190-1234", "a")]
    [InlineData("0101901234", "b")]
    [InlineData("010190", "c")]
    [InlineData("Ali 010190", "d")]
    [InlineData("０１０１９０-１２３６", "e")]
    [InlineData("٠١٠١٩٠١٢٣٦", "f")]
    public async Task SearchForACprNumber_IsSentOnWithoutIt_AndRefused(string cpr, string code)
    {
        var (coordinator, browser) = await CoordinatorAsync($"koordcpr{code}");
        var households = await AddHouseholdsAsync(coordinator, Enumerable.Range(1, 26).Select(i => $"Cprhus {code} {i:00}"));

        using var answer = await browser.GetAsync($"/?Soeg={Uri.EscapeDataString(cpr)}&Side=2");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/?SoegFejl=cpr#my-households", answer.Headers.Location!.OriginalString);
        var html = await browser.GetPageAsync(answer.Headers.Location.OriginalString);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Contains("Søg på navn, ikke på CPR-nummer.", page.QuerySelector("#Soeg-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("input#Soeg")!.GetAttribute("aria-invalid"));
        Assert.Equal("", page.QuerySelector("input#Soeg")!.GetAttribute("value"));
        Assert.Equal("Viser 1–25 af 26 husstande.", Count(page));
        Assert.Equal(households.Take(25), Rows(page));
        Assert.Equal("/?Side=2#my-households", page.QuerySelector($"{List} nav.pagination a[rel='next']")!.GetAttribute("href"));
        Assert.DoesNotContain("010190", Ids.Removed(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCoordinatorsHouseholds_NeverAppear_OnAnyPageOrSearch()
    {
        var (mine, browser) = await CoordinatorAsync("koordegen");
        var (other, _) = await CoordinatorAsync("koordanden");
        var own = await AddHouseholdsAsync(mine, Enumerable.Range(1, 26).Select(i => $"Egenhus {i:00}"));
        await AddHouseholdsAsync(other, ["Andenhus 01", "Egenhus 00", "Egenhus 27"]);

        var shown = Rows(await PageAsync(browser, "/")).Concat(Rows(await PageAsync(browser, "/?Side=2"))).ToList();
        var searched = await PageAsync(browser, "/?Soeg=egenhus&Side=2");

        Assert.Equal(own, shown);
        Assert.Equal(["Egenhus 26"], Rows(searched));
        Assert.Equal("Viser 26–26 af 26 husstande.", Count(searched));
        Assert.Empty(Rows(await PageAsync(browser, "/?Soeg=andenhus")));
    }

    /// <summary>
    /// Only the list is paged: a household on its second page still has its arrival to confirm, its overdue task and its
    /// overdue deadlines on the overview; the member whose deadlines are shown is recorded as read, as before, and the
    /// household whose arrival is to be confirmed (its name is shown) too.
    /// </summary>
    [Fact]
    public async Task HouseholdOnPageTwo_StillHasItsArrivalOverdueTaskAndDeadlinesOnTheOverview_AndIsAuditedAsRead()
    {
        var (coordinator, browser) = await CoordinatorAsync("koordoverblik");
        await AddHouseholdsAsync(coordinator, Enumerable.Range(1, 28).Select(i => $"Overblikhus {i:00}"));
        var toConfirm = (await AddAsync(coordinator, ["Overblikhus 29"], expected: Today.AddDays(-2))).Single().Id;
        var late = (await AddAsync(coordinator, ["Overblikhus 30"], expected: Today.AddDays(-200), arrived: Today.AddDays(-200))).Single();
        var member = late.Members.Single().Id;
        await factory.QueryAsync(async db =>
        {
            var department = await db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync();
            db.Tasks.Add(new CaseTask(late.Id, member, TaskType.StartPackage, department, "Forsinket overblikopgave", Today.AddDays(-5)));
            return await db.SaveChangesAsync();
        });
        var readBefore = await factory.AuditCountAsync(AuditAction.PersonRead, member);
        var toConfirmReadBefore = await factory.HouseholdReadsAsync(toConfirm);

        var page = await PageAsync(browser, "/");

        Assert.DoesNotContain("Overblikhus 29", Rows(page));
        Assert.DoesNotContain("Overblikhus 30", Rows(page));
        Assert.NotNull(page.QuerySelector($"tr[data-arrival-to-confirm='{toConfirm}']"));
        var overdue = page.QuerySelector("section[aria-labelledby='overdue']")!;
        Assert.Contains(overdue.QuerySelectorAll("tr"), tr => tr.TextContent.Contains("Forsinket overblikopgave", StringComparison.Ordinal)
            && tr.QuerySelector($"a[href='/Households/{late.Id}#tasks']") is not null);
        Assert.NotNull(overdue.QuerySelector($"a[href='/Households/{late.Id}#deadlines']"));
        Assert.Equal(readBefore + 1, await factory.AuditCountAsync(AuditAction.PersonRead, member));
        Assert.Equal(toConfirmReadBefore + 1, await factory.HouseholdReadsAsync(toConfirm));
        Assert.Equal(["Overblikhus 29", "Overblikhus 30"], Rows(await PageAsync(browser, "/?Side=2")).TakeLast(2));
    }

    /// <summary>
    /// The housing coordinator's list of every household is the same list: a page of 25 by name, searched alike, its
    /// links leading back to it, and a search for a CPR number sent on without it.
    /// </summary>
    [Fact]
    public async Task HousingCoordinatorsListOfEveryHousehold_IsPagedAndSearchedAlike()
    {
        const string all = "section[aria-labelledby='all-households']";
        var (coordinator, _) = await CoordinatorAsync("koordalle");
        var households = (await AddAsync(coordinator, Enumerable.Range(1, 27).Select(i => $"Allehus {i:00}"))).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var names = households.ConvertAll(h => h.Name);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var unsearched = await PageAsync(housing, "/");
        var readBefore = await ReadsAsync(households);
        var first = await PageAsync(housing, "/?SoegAlle=allehus");
        var readAfterFirst = await ReadsAsync(households);
        var second = await PageAsync(housing, "/?SoegAlle=allehus&SideAlle=2");

        Assert.Equal(25, unsearched.QuerySelectorAll($"{all} tbody tr").Length);
        Assert.Equal("Alle husstande", unsearched.QuerySelector($"{all} h2")?.TextContent.Trim());
        Assert.Equal(names.Take(25), first.QuerySelectorAll($"{all} tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.Equal(names.Skip(25), second.QuerySelectorAll($"{all} tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.Equal("Viser 1–25 af 27 husstande.", first.QuerySelector($"{all} p.household-count")?.TextContent.Trim());
        Assert.Equal("/?SoegAlle=allehus&SideAlle=2#all-households", first.QuerySelector($"{all} nav.pagination a[rel='next']")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector(List));
        // Each is read once a view: all wait for a home on the overview too, 25 of them are also on the list's page.
        Assert.All(households, h => Assert.Equal(readBefore[h.Id] + 1, readAfterFirst[h.Id]));
        Assert.All(households, h => Assert.NotNull(first.QuerySelector($"tr[data-waiting='{h.Id}']")));

        using var cpr = await housing.GetAsync("/?SoegAlle=010190-1234");
        Assert.Equal("/?SoegFejlAlle=cpr#all-households", cpr.Headers.Location?.OriginalString);
        var refused = await PageAsync(housing, "/?SoegFejlAlle=cpr");
        Assert.Equal("true", refused.QuerySelector($"{all} input#SoegAlle")?.GetAttribute("aria-invalid"));
    }

    /// <summary>
    /// A user who is both coordinator and housing coordinator sees both lists, each searched and paged by names of its own
    /// in the address: one search field of each id, and a page link or search of one list keeps the other's as it was.
    /// </summary>
    [Fact]
    public async Task CoordinatorWhoIsAlsoHousingCoordinator_SearchesAndPagesEachListOnItsOwn()
    {
        const string all = "section[aria-labelledby='all-households']";
        var (coordinator, _) = await CoordinatorAsync("koordbegge");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(coordinator))!, Roles.HousingCoordinator)).Succeeded);
        }

        using var browser = await Browser.SignedInAsync(factory, "koordbegge", "Godt-Kodeord-1");
        var mine = await AddHouseholdsAsync(coordinator, Enumerable.Range(1, 27).Select(i => $"Beggehus {i:00}"));

        var page = await PageAsync(browser, "/?Soeg=beggehus&Side=2&SoegAlle=beggehus");

        Assert.Equal(mine.Skip(25), Rows(page));
        Assert.Equal(mine.Take(25), page.QuerySelectorAll($"{all} tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.Single(page.QuerySelectorAll("input#Soeg"));
        Assert.Single(page.QuerySelectorAll("input#SoegAlle"));
        Assert.Equal("/?Soeg=beggehus&Side=1&SoegAlle=beggehus#my-households", page.QuerySelector($"{List} nav.pagination a[rel='prev']")?.GetAttribute("href"));
        Assert.Equal("/?Soeg=beggehus&Side=2&SoegAlle=beggehus&SideAlle=2#all-households", page.QuerySelector($"{all} nav.pagination a[rel='next']")?.GetAttribute("href"));
        var kept = page.QuerySelectorAll($"{all} form.household-search input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        Assert.Equal(new Dictionary<string, string?> { ["Soeg"] = "beggehus", ["Side"] = "2" }, kept);
        Assert.Equal("/?Soeg=beggehus&Side=2#all-households", page.QuerySelector($"{all} a.button-secondary")?.GetAttribute("href"));

        // A CPR number in one list's search is taken out of the address, the other list left where it was; in both, both.
        using var oneCpr = await browser.GetAsync("/?Soeg=beggehus&Side=2&SoegAlle=010190-1234");
        Assert.Equal("/?Soeg=beggehus&Side=2&SoegFejlAlle=cpr#all-households", oneCpr.Headers.Location?.OriginalString);
        using var twoCprs = await browser.GetAsync("/?Soeg=0101901234&SideAlle=2&SoegAlle=010190-1234");
        Assert.Equal("/?SoegFejl=cpr&SoegFejlAlle=cpr#my-households", twoCprs.Headers.Location?.OriginalString);
    }

    /// <summary>A household's name is its family's: the households of the page shown are recorded as read, those a page away not.</summary>
    [Fact]
    public async Task TheHouseholdsOfThePageShown_AreRecordedAsRead_TheNextPagesNot()
    {
        var (coordinator, browser) = await CoordinatorAsync("koordlistelaes");
        var households = (await AddAsync(coordinator, Enumerable.Range(1, 27).Select(i => $"Læsehus {i:00}"))).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var before = await ReadsAsync(households);

        await PageAsync(browser, "/");

        var afterFirst = await ReadsAsync(households);
        Assert.All(households.Take(25), h => Assert.Equal(before[h.Id] + 1, afterFirst[h.Id]));
        Assert.All(households.Skip(25), h => Assert.Equal(before[h.Id], afterFirst[h.Id]));

        await PageAsync(browser, "/?Side=2");

        var afterSecond = await ReadsAsync(households);
        Assert.All(households.Take(25), h => Assert.Equal(afterFirst[h.Id], afterSecond[h.Id]));
        Assert.All(households.Skip(25), h => Assert.Equal(before[h.Id] + 1, afterSecond[h.Id]));
    }

    private async Task<Dictionary<Guid, int>> ReadsAsync(IEnumerable<Household> households)
    {
        var reads = new Dictionary<Guid, int>();
        foreach (var household in households)
        {
            reads[household.Id] = await factory.HouseholdReadsAsync(household.Id);
        }

        return reads;
    }

    private Task<(string Id, Browser Browser)> CoordinatorAsync(string userName) => factory.SignedInCoordinatorAsync(userName);

    private Task<List<Household>> AddAsync(
        string coordinator, IEnumerable<string> names, string firstName = "Ali", string? lastName = null, DateOnly? expected = null, DateOnly? arrived = null) =>
        factory.AddHouseholdsAsync(coordinator, names, firstName, lastName, expected, arrived);

    private async Task<List<string>> AddHouseholdsAsync(string coordinator, IEnumerable<string> names, string firstName = "Ali", string? lastName = null) =>
        (await AddAsync(coordinator, names, firstName, lastName)).ConvertAll(h => h.Name);

    private static async Task<IDocument> PageAsync(Browser browser, string url) =>
        new HtmlParser().ParseDocument(await browser.GetPageAsync(url));

    /// <summary>The households the list shows, by name, in its order.</summary>
    private static List<string> Rows(IDocument page) =>
        [.. page.QuerySelectorAll($"{List} tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    private static string? Count(IDocument page) => page.QuerySelector($"{List} p.household-count")?.TextContent.Trim();

    /// <summary>The page the list's pagination marks as shown, or "1" when the list has only one page (no pagination).</summary>
    private static string Current(IDocument page) =>
        page.QuerySelector($"{List} nav.pagination [aria-current='page']")?.TextContent.Trim() ?? "1";
}

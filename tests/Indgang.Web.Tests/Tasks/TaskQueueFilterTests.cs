using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Tasks.DepartmentOfItsOwn;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// The department's work list a page of 25 tasks at a time (in due-date order), filtered to the worker's own, the free
/// or the overdue tasks and searched by the household's name; a card's action answers with the same filter and page,
/// and only the persons on the page shown are read. Each test works in a department of its own, so that it knows every
/// task the list can show.
/// </summary>
public sealed class TaskQueueFilterTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly string[] PlaceFields = ["Vis", "Soeg", "Side"];

    [Fact]
    public async Task ThirtyTasks_FirstPageShows25InDueDateOrder_SecondTheLastFive()
    {
        var (department, worker) = await factory.DepartmentAsync("sidedeling");
        var household = await factory.RegisterSingleAsync("Sidedeling");
        // Three tasks a day, added in reverse order: the title decides within a day.
        var titles = await factory.AddTasksAsync(department, household, Enumerable.Range(1, 30).Reverse().Select(i => ($"Opgave {i:00}", Today.AddDays((i - 1) / 3))));

        var first = await PageAsync(worker, "/Tasks");
        var second = await PageAsync(worker, "/Tasks?Side=2");

        Assert.Equal(titles.Order(StringComparer.Ordinal).Take(25), Titles(first));
        Assert.Equal(titles.Order(StringComparer.Ordinal).Skip(25), Titles(second));
        Assert.Equal("Viser 1–25 af 30 opgaver.", Count(first));
        Assert.Equal("Viser 26–30 af 30 opgaver.", Count(second));
        Assert.Equal("1", Current(first));
        Assert.Equal("2", Current(second));
        var pagination = first.QuerySelector("nav.pagination[aria-label='Sider']")!;
        Assert.Equal(["/Tasks?Side=1", "/Tasks?Side=2"], pagination.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/Tasks?Side=2", pagination.QuerySelector("a[rel='next']")!.GetAttribute("href"));
        Assert.Null(pagination.QuerySelector("a[rel='prev']"));
        Assert.Equal("/Tasks?Side=1", second.QuerySelector("nav.pagination a[rel='prev']")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("abc", "1", "Anna")]
    [InlineData("0", "1", "Bent")]
    [InlineData("-3", "1", "Carl")]
    [InlineData("", "1", "Dorte")]
    [InlineData("999", "2", "Erik")]
    [InlineData("99999999999999999999", "2", "Frida")]
    [InlineData("2.5", "1", "Gorm")]
    public async Task PageThatDoesNotExist_ShowsTheNearestPage_NoError(string side, string shown, string firstName)
    {
        var (department, worker) = await factory.DepartmentAsync($"side{firstName.ToLowerInvariant()}");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Sidefejl", firstName: firstName), Enumerable.Range(1, 26).Select(i => ($"Opgave {i:00}", Today)));

        using var response = await worker.GetAsync($"/Tasks?Side={Uri.EscapeDataString(side)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(shown, Current(page));
        Assert.Equal(shown == "1" ? 25 : 1, Titles(page).Count);
        Assert.Null(page.QuerySelector(".form-error-message, .alert-error"));
    }

    [Fact]
    public async Task Mine_ShowsOnlyTasksTakenByTheWorker_Free_OnlyThoseTakenByNoOne_WithTheCountsInTheLabels()
    {
        var (department, worker) = await factory.DepartmentAsync("mineledige");
        await factory.CreateDepartmentWorkerAsync("mineledigekollega", "Ida Kollega", "mineledige");
        var household = await factory.RegisterSingleAsync("Mineledige");
        await factory.AddTasksAsync(department, household, [("Min første", Today), ("Min anden", Today), ("Kollegas", Today), ("Fri", Today.AddDays(1)), ("Også fri", Today.AddDays(-1))]);
        await TakeAsync(department, "Min første", "mineledige");
        await TakeAsync(department, "Min anden", "mineledige");
        await TakeAsync(department, "Kollegas", "mineledigekollega");

        var mine = await PageAsync(worker, "/Tasks?Vis=mine");
        var free = await PageAsync(worker, "/Tasks?Vis=ledige");

        Assert.Equal(["Min anden", "Min første"], Titles(mine));
        Assert.Equal(["Også fri", "Fri"], Titles(free));
        Assert.Equal(["Alle (5)", "Mine (2)", "Ledige (2)", "Overskredne (1)"], mine.QuerySelectorAll("form.queue-filter fieldset label").Select(l => l.TextContent.Trim()));
        Assert.Equal("mine", mine.QuerySelector("input[name='Vis']:checked")!.GetAttribute("value"));
        Assert.Equal("ledige", free.QuerySelector("input[name='Vis']:checked")!.GetAttribute("value"));
        Assert.Equal("Viser 2 opgaver.", Count(mine));
    }

    [Fact]
    public async Task Overdue_ShowsOnlyTasksDueBeforeToday()
    {
        var (department, worker) = await factory.DepartmentAsync("overskredne");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Overskredne"),
            [("For længst", Today.AddDays(-30)), ("I går", Today.AddDays(-1)), ("I dag", Today), ("I morgen", Today.AddDays(1))]);

        var overdue = await PageAsync(worker, "/Tasks?Vis=overskredne");

        Assert.Equal(["For længst", "I går"], Titles(overdue));
        Assert.All(overdue.QuerySelectorAll("article.task-card"), card => Assert.Contains("Overskredet", card.TextContent, StringComparison.Ordinal));
    }

    /// <summary>Also Æ, Ø and Å, which SQLite's lower() and a C-locale PostgreSQL's leave as they are.</summary>
    [Theory]
    [InlineData("ærø", "Anna")]
    [InlineData("BENT ÆRØSKØBING", "Bent")]
    [InlineData("  Ærøsk ", "Carl")]
    public async Task Search_FindsTheHouseholdByPartOfItsName_WithoutRegardToCase(string search, string firstName)
    {
        var (department, worker) = await factory.DepartmentAsync($"soeg{firstName.ToLowerInvariant()}");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Ærøskøbing", firstName: firstName), [("Ærøs opgave", Today)]);
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Marstal", firstName: firstName), [("Marstals opgave", Today)]);

        var found = await PageAsync(worker, $"/Tasks?Soeg={Uri.EscapeDataString(search)}");

        Assert.Equal(["Ærøs opgave"], Titles(found));
        Assert.Equal(search.Trim(), found.QuerySelector("input#Soeg")!.GetAttribute("value"));
        Assert.Equal(["Alle (1)", "Mine (0)", "Ledige (1)", "Overskredne (0)"], found.QuerySelectorAll("form.queue-filter fieldset label").Select(l => l.TextContent.Trim()));
    }

    /// <summary>
    /// The search stands in the address (browser history, logs, the page's links): a CPR number typed there is taken out
    /// at once, and the list is shown unsearched in the same view, told why, as the start page does.
    /// </summary>
    [Theory]
    [InlineData("010118-4002", "Anna")]
    [InlineData("0101184002", "Bent")]
    [InlineData("Ærø 010118", "Carl")]
    public async Task SearchForACprNumber_IsTakenOutOfTheAddress_TheListShownUnsearchedWithAMessage(string search, string firstName)
    {
        var (department, worker) = await factory.DepartmentAsync($"soegcpr{firstName.ToLowerInvariant()}");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Cprsoeg", firstName: firstName), [("En opgave", Today)]);

        using var answer = await worker.GetAsync($"/Tasks?Vis=ledige&Soeg={Uri.EscapeDataString(search)}&Side=1");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var address = answer.Headers.Location!.OriginalString;
        Assert.Equal("/Tasks?Vis=ledige&SoegFejl=cpr", address);
        var page = await PageAsync(worker, address);
        Assert.Equal(["En opgave"], Titles(page));
        Assert.Equal("ledige", page.QuerySelector("input[name='Vis']:checked")!.GetAttribute("value"));
        Assert.Equal("Fejl: Søg på navn, ikke på CPR-nummer.", page.QuerySelector("#Soeg-error")?.TextContent.Trim());
        Assert.Equal("Soeg-hint Soeg-error", page.QuerySelector("input#Soeg")!.GetAttribute("aria-describedby"));
        Assert.Equal("", page.QuerySelector("input#Soeg")!.GetAttribute("value"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href], form[action]"), e => Ids.Removed(e.GetAttribute("href") ?? e.GetAttribute("action")!).Contains("0101", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchThatFindsNothing_SaysSo()
    {
        var (department, worker) = await factory.DepartmentAsync("soegintet");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Soegintet"), [("En opgave", Today)]);

        var none = await PageAsync(worker, "/Tasks?Soeg=findesikke");

        Assert.Empty(Titles(none));
        Assert.Equal("Ingen opgaver passer til filteret.", Count(none));
    }

    /// <summary>The action's answer is the list as the worker left it: the free tasks found by the search, page 2.</summary>
    [Theory]
    [InlineData("Take", "Opgaven er taget.")]
    [InlineData("Complete", "Opgaven er markeret som udført.")]
    [InlineData("NotNeeded", "Opgaven er lukket som ikke nødvendig.")]
    public async Task ActionOnPageTwoOfAFilter_AnswersWithTheSamePageAndFilter(string handler, string done)
    {
        var (department, worker) = await factory.DepartmentAsync($"handling{handler.ToLowerInvariant()}");
        var household = await factory.RegisterSingleAsync($"Handling{handler}");
        var titles = await factory.AddTasksAsync(department, household, Enumerable.Range(1, 30).Select(i => ($"Opgave {i:00}", Today)));
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync($"Andenhusstand{handler}"), [("En andens opgave", Today)]);
        await TakeAsync(department, "Opgave 01", $"handling{handler.ToLowerInvariant()}");
        var list = $"/Tasks?Vis=ledige&Soeg=handling{handler.ToLowerInvariant()}&Side=2";
        var html = await worker.GetPageAsync(list);
        Assert.Equal(titles.Skip(26), Titles(new HtmlParser().ParseDocument(html)));
        var task = await TaskIdAsync(department, "Opgave 28");

        using var answer = await worker.PostFormAsync($"/Tasks?handler={handler}", LeaseTasks.CardFields(html, task), formPage: list);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = new HtmlParser().ParseDocument(await answer.Content.ReadAsStringAsync());
        Assert.Contains(done, page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", Current(page));
        Assert.Equal("Viser 26–28 af 28 opgaver.", Count(page));
        Assert.Equal(["Opgave 27", "Opgave 29", "Opgave 30"], Titles(page));
        Assert.Equal("ledige", page.QuerySelector("input[name='Vis']:checked")!.GetAttribute("value"));
        Assert.Equal($"handling{handler.ToLowerInvariant()}", page.QuerySelector("input#Soeg")!.GetAttribute("value"));
        Assert.Equal($"/Tasks?Vis=ledige&Soeg=handling{handler.ToLowerInvariant()}&Side=1", page.QuerySelector("nav.pagination a[rel='prev']")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("article.task-card form"), form => Assert.Equal(
            ["ledige", $"handling{handler.ToLowerInvariant()}", "2"],
            PlaceFields.Select(name => form.QuerySelector($"input[type='hidden'][name='{name}']")!.GetAttribute("value"))));
    }

    [Fact]
    public async Task NotNeededWithoutAReason_ShowsTheErrorOnTheSamePage()
    {
        var (department, worker) = await factory.DepartmentAsync("begrundelse");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Begrundelse"), Enumerable.Range(1, 27).Select(i => ($"Opgave {i:00}", Today)));
        var html = await worker.GetPageAsync("/Tasks?Side=2");
        var task = await TaskIdAsync(department, "Opgave 27");
        var fields = LeaseTasks.CardFields(html, task);
        fields.Remove("Reason");

        using var answer = await worker.PostFormAsync("/Tasks?handler=NotNeeded", fields, formPage: "/Tasks?Side=2");

        var page = new HtmlParser().ParseDocument(await answer.Content.ReadAsStringAsync());
        Assert.Equal("2", Current(page));
        Assert.Contains("Skriv hvorfor opgaven ikke er nødvendig.", page.QuerySelector($"#Reason-{task}-error")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Need-to-know: the persons whose tasks are on page 1 are read when it is shown, the others not until theirs is.</summary>
    [Fact]
    public async Task OnlyThePersonsOnThePageShown_AreRecordedAsRead()
    {
        var (department, worker) = await factory.DepartmentAsync("indsigtside");
        var (early, earlyPerson) = await HouseholdWithPersonAsync("Tidligindsigt");
        var (late, latePerson) = await HouseholdWithPersonAsync("Senindsigt");
        await factory.AddTasksAsync(department, early, Enumerable.Range(1, 25).Select(i => ($"Tidlig {i:00}", Today)), earlyPerson);
        await factory.AddTasksAsync(department, late, [("Sen", Today.AddDays(1))], latePerson);
        var (earlyBefore, lateBefore) = (await ReadsAsync(earlyPerson), await ReadsAsync(latePerson));

        await worker.GetPageAsync("/Tasks");

        Assert.Equal(earlyBefore + 1, await ReadsAsync(earlyPerson));
        Assert.Equal(lateBefore, await ReadsAsync(latePerson));

        await worker.GetPageAsync("/Tasks?Side=2");

        Assert.Equal(earlyBefore + 1, await ReadsAsync(earlyPerson));
        Assert.Equal(lateBefore + 1, await ReadsAsync(latePerson));
    }

    [Fact]
    public async Task ATaskForTheWholeHousehold_RecordsTheHouseholdAsRead_WhenItsPageIsShown()
    {
        var (department, worker) = await factory.DepartmentAsync("husstandslaes");
        var (early, _) = await HouseholdWithPersonAsync("Tidlighusstand");
        var (late, _) = await HouseholdWithPersonAsync("Senhusstand");
        await factory.AddTasksAsync(department, early, Enumerable.Range(1, 25).Select(i => ($"Nøgler {i:00}", Today)));
        await factory.AddTasksAsync(department, late, [("Nøgler sen", Today.AddDays(1))]);
        var (earlyBefore, lateBefore) = (await factory.HouseholdReadsAsync(early), await factory.HouseholdReadsAsync(late));

        await worker.GetPageAsync("/Tasks");

        Assert.Equal(earlyBefore + 1, await factory.HouseholdReadsAsync(early));
        Assert.Equal(lateBefore, await factory.HouseholdReadsAsync(late));

        await worker.GetPageAsync("/Tasks?Side=2");

        Assert.Equal(lateBefore + 1, await factory.HouseholdReadsAsync(late));
    }

    private Task<Guid> TaskIdAsync(Guid department, string title) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.DepartmentId == department && t.Title == title).Select(t => t.Id).SingleAsync());

    private async Task TakeAsync(Guid department, string title, string userName) =>
        await factory.TakeAsAsync(await TaskIdAsync(department, title), userName);

    private async Task<(Guid Household, Guid Person)> HouseholdWithPersonAsync(string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }

    private Task<int> ReadsAsync(Guid person) => factory.AuditCountAsync(AuditAction.PersonRead, person);

    /// <summary>The page the pagination marks as shown, or "1" when the list has only one page (no pagination).</summary>
    private static string Current(IDocument page) =>
        page.QuerySelector("nav.pagination [aria-current='page']")?.TextContent.Trim() ?? "1";
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Tasks.DepartmentOfItsOwn;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// The work list filtered on one household by its id (»Husstand«, as a department's notice links to it), never by its
/// name in the address: shown as a filter naming the household, which the worker can clear, kept with the view, the
/// search and the page through the cards' forms and the page links. A household the department has no task for is not
/// named: the list is just empty. Each test works in a department of its own.
/// </summary>
public sealed class TaskListHouseholdFilterTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly string[] PlaceFields = ["Vis", "Soeg", "Husstand", "Side"];

    [Fact]
    public async Task FilteredOnAHousehold_ListsOnlyItsTasks_NamingItInAFilterThatCanBeCleared()
    {
        var (department, worker) = await factory.DepartmentAsync("husstandfilter");
        var household = await factory.RegisterSingleAsync("Filtreretsen", firstName: "Hanne");
        await factory.AddTasksAsync(department, household, [("Hannes første", Today), ("Hannes anden", Today.AddDays(1))]);
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Andersen", firstName: "Hanne"), [("En andens", Today)]);
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        var readsBefore = await factory.HouseholdReadsAsync(household);

        var page = await PageAsync(worker, $"/Tasks?Husstand={household}");

        Assert.Equal(["Hannes første", "Hannes anden"], Titles(page));
        Assert.Equal("Viser 2 opgaver.", Count(page));
        var shown = page.QuerySelector("form.queue-filter .queue-household")!;
        Assert.Contains(name, shown.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Tasks", shown.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(household.ToString(), page.QuerySelector("form.queue-filter input[type='hidden'][name='Husstand']")!.GetAttribute("value"));
        Assert.Equal(["Alle (2)", "Mine (0)", "Ledige (2)", "Overskredne (0)"], page.QuerySelectorAll("form.queue-filter fieldset label").Select(l => l.TextContent.Trim()));
        Assert.Equal(readsBefore + 1, await factory.HouseholdReadsAsync(household));
    }

    /// <summary>The action's answer is the list as the worker left it: the household's free tasks found by the search, page 2.</summary>
    [Fact]
    public async Task ActionOnPageTwoOfAHouseholdFilter_AnswersWithTheSameFilterAndPage()
    {
        var (department, worker) = await factory.DepartmentAsync("husstandside");
        var household = await factory.RegisterSingleAsync("Husstandside");
        var titles = await factory.AddTasksAsync(department, household, Enumerable.Range(1, 30).Select(i => ($"Opgave {i:00}", Today)));
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Husstandsidenabo"), [("Naboens opgave", Today)]);
        var list = $"/Tasks?Vis=ledige&Soeg=husstandside&Husstand={household}&Side=2";
        var html = await worker.GetPageAsync(list);
        Assert.Equal(titles.Skip(25), Titles(new HtmlParser().ParseDocument(html)));
        var task = await factory.QueryAsync(db => db.Tasks.Where(t => t.DepartmentId == department && t.Title == "Opgave 28").Select(t => t.Id).SingleAsync());

        using var answer = await worker.PostFormAsync("/Tasks?handler=Take", LeaseTasks.CardFields(html, task), formPage: list);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = new HtmlParser().ParseDocument(await answer.Content.ReadAsStringAsync());
        Assert.Equal("Viser 26–29 af 29 opgaver.", Count(page));
        Assert.Equal($"/Tasks?Vis=ledige&Soeg=husstandside&Husstand={household}&Side=1", page.QuerySelector("nav.pagination a[rel='prev']")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("article.task-card form"), form => Assert.Equal(
            ["ledige", "husstandside", household.ToString(), "2"],
            PlaceFields.Select(name => form.QuerySelector($"input[type='hidden'][name='{name}']")!.GetAttribute("value"))));
        // Clearing the household keeps the view and the search, from the first page.
        Assert.Equal("/Tasks?Vis=ledige&Soeg=husstandside", page.QuerySelector("form.queue-filter .queue-household a")!.GetAttribute("href"));
    }

    /// <summary>Need-to-know: a household the department has no task for is neither named nor recorded as read.</summary>
    [Fact]
    public async Task AHouseholdTheDepartmentHasNoTaskFor_IsNotNamed_TheListIsEmpty()
    {
        var (department, worker) = await factory.DepartmentAsync("husstandukendt");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Egenopgave"), [("Egen opgave", Today)]);
        var stranger = await factory.RegisterSingleAsync("Fremmedsen", firstName: "Ukendt");
        var readsBefore = await factory.HouseholdReadsAsync(stranger);

        var html = WebUtility.HtmlDecode(await worker.GetPageAsync($"/Tasks?Husstand={stranger}"));
        var page = new HtmlParser().ParseDocument(html);

        Assert.Empty(Titles(page));
        Assert.Equal("Ingen opgaver passer til filteret.", Count(page));
        Assert.DoesNotContain("Fremmedsen", html, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.queue-filter .queue-household a[href='/Tasks']"));
        Assert.Equal(readsBefore, await factory.HouseholdReadsAsync(stranger));
    }

    [Theory]
    [InlineData("ikke-et-id")]
    [InlineData("")]
    public async Task AHouseholdThatIsNoId_IsNoFilter(string husstand)
    {
        var (department, worker) = await factory.DepartmentAsync($"husstandforkert{husstand.Length}");
        await factory.AddTasksAsync(department, await factory.RegisterSingleAsync("Forkertid", firstName: husstand.Length == 0 ? "Tom" : "Tekst"), [("En opgave", Today)]);

        var page = await PageAsync(worker, $"/Tasks?Husstand={husstand}");

        Assert.Equal(["En opgave"], Titles(page));
        Assert.Null(page.QuerySelector(".queue-household"));
    }
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.DemoData;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Notifications;

/// <summary>
/// A notice is something to act on: every link a user's notices hold opens for that user. A department's notices (new
/// tasks, deadlines near) link to its task list, so they reach only those who work it — not the housing coordinator
/// who belongs to Jobberiet in the demo.
/// </summary>
public sealed class NotificationLinkTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    public static TheoryData<string> DemoUsers => [.. DemoMunicipality.Users.Select(u => u.UserName)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EveryNoticeLink_OpensForItsReader(string userName)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
        }

        using var browser = await Browser.SignedInAsync(factory, userName);
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetPageAsync("/Notifications"));
        var links = page.QuerySelectorAll("ul.notification-list a").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        foreach (var link in links)
        {
            using var response = await browser.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userName}: {link} answers {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task HousingCoordinatorInADepartment_GetsNoneOfItsTaskNotices()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync("/Notifications"));

        Assert.DoesNotContain("nye opgaver", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Tasks", page, StringComparison.Ordinal);

        // The coordinator of the same department still gets them.
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains("href=\"/Tasks?Husstand=", await coordinator.GetPageAsync("/Notifications"), StringComparison.Ordinal);
    }

    /// <summary>
    /// »2 nye opgaver: Familien …« leads to the task list filtered on that household by its id, so that its tasks are found
    /// among the department's others, on whichever page their due dates put them. Not by its name: the address reaches
    /// proxy logs, the browser's history and the request log, and a one-person household's name is a person's full name.
    /// </summary>
    [Fact]
    public async Task ANewTasksNotice_LeadsToTheTaskListFilteredOnItsHouseholdById_WithoutItsName()
    {
        var household = await factory.RegisterSingleAsync("Opslagsen", firstName: "Tesfay");
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        var healthTasks = await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && db.Departments.Any(d => d.Id == t.DepartmentId && d.Code == "aeldre-sundhed")));
        using var health = await Browser.SignedInAsync(factory, "sundhed");
        var page = await new HtmlParser().ParseDocumentAsync(await health.GetPageAsync("/Notifications"));
        var link = page.QuerySelectorAll("ul.notification-list a").Single(a => a.TextContent.Contains(name, StringComparison.Ordinal)).GetAttribute("href")!;

        Assert.Equal($"/Tasks?Husstand={household}", link);
        Assert.DoesNotContain("Opslagsen", Uri.UnescapeDataString(link), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tesfay", Uri.UnescapeDataString(link), StringComparison.OrdinalIgnoreCase);
        var list = await new HtmlParser().ParseDocumentAsync(await health.GetPageAsync(link));
        var cards = list.QuerySelectorAll("article.task-card");
        Assert.NotEmpty(cards);
        Assert.Equal(healthTasks, cards.Length);
        Assert.All(cards, card => Assert.Equal($"/Households/{household}", card.QuerySelector("a[href^='/Households/']")!.GetAttribute("href")));
        Assert.Contains(name, list.QuerySelector("form.queue-filter .queue-household")!.TextContent, StringComparison.Ordinal);
    }
}

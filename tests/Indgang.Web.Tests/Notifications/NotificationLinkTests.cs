using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.DemoData;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Tests.Infrastructure;
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
        Assert.DoesNotContain("href=\"/Tasks\"", page, StringComparison.Ordinal);

        // The coordinator of the same department still gets them.
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains("href=\"/Tasks\"", await coordinator.GetPageAsync("/Notifications"), StringComparison.Ordinal);
    }
}

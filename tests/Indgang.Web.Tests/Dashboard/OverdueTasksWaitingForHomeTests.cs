using AngleSharp.Html.Parser;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Indgang.Web.Tests.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Dashboard;

/// <summary>
/// The coordinator's start page does not call a task waiting for a home late: a lease the arrival checklist gave a
/// household with no home yet, past its due date (not real until the move-in), is not among the overdue tasks; it stays
/// among those we wait for other departments on, marked »Venter på en bolig« as on the work list. A task of the same
/// household that is really late is still an overdue task. Before, both were listed as overdue.
/// </summary>
public sealed class OverdueTasksWaitingForHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ALeaseWaitingForAHome_IsNoOverdueTask_ButWaitsOnOthersMarkedWaiting_ALateTaskBesideItIsOverdue()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordventebolig");
        var household = (await factory.AddHouseholdsAsync(coordinator, ["Ventebolighus"])).Single();
        var past = Arrivals.Today.AddDays(-3);
        var other = await factory.QueryAsync(db => db.Departments.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync());
        await factory.AddTasksAsync(other, household.Id, [("Lejekontrakt uden bolig", past)], type: TaskType.LeaseContract);
        await factory.AddTasksAsync(other, household.Id, [("Startpakke for sent", past)]);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync("/"));

        Assert.Equal(["Startpakke for sent"], page.QuerySelectorAll("section[aria-labelledby='overdue'] h3#overdue-tasks ~ div.table--responsive-scroll tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var waiting = page.QuerySelectorAll("section[aria-labelledby='waiting'] tbody tr")
            .Select(tr => (Title: tr.QuerySelector("td:first-child")!.TextContent.Trim(), Mark: tr.QuerySelector("td:nth-child(4) span.badge-info")?.TextContent.Trim()))
            .OrderBy(r => r.Title, StringComparer.Ordinal);
        Assert.Equal([("Lejekontrakt uden bolig", "Venter på en bolig"), ("Startpakke for sent", null)], waiting);
    }
}

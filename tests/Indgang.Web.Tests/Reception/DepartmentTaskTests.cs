using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

public sealed partial class DepartmentTaskTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task CompleteLeaseTask_ShowsDoneOnCoordinatorDashboard()
    {
        var task = await LeaseTaskAsync("Familien Haddad");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var queue = WebUtility.HtmlDecode(await secretariat.GetPageAsync("/Tasks"));
        Assert.Contains($"data-task-id=\"{task.Id}\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Tilbud om skole eller dagtilbud", queue, StringComparison.Ordinal); // another department's task

        using var done = await secretariat.PostFormAsync("/Tasks?handler=Complete", await LeaseTasks.CardFieldsAsync(secretariat, task.Id), formPage: "/Tasks");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CaseTaskStatus.Done, after.Status);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.TaskCompleted && e.Actor == "sekretariat")));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var dashboard = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/"));
        Assert.Matches(RecentLease(), dashboard);
    }

    [Fact]
    public async Task CoordinatorDashboard_ListsTasksClosedInTheLastTwoWeeks_NotOlderOnes_AndWaitsOnTheOpenOnes()
    {
        var household = await factory.RegisterSingleAsync("Overbliksen");
        var (recent, old, open) = await factory.QueryAsync(async db =>
        {
            // Another department's tasks: the coordinator's own are not waited on.
            var own = await db.Users.Where(u => u.UserName == "koordinator").Select(u => u.DepartmentId).SingleAsync();
            var tasks = await db.Tasks.Where(t => t.HouseholdId == household && t.DepartmentId != own).OrderBy(t => t.Title).ToListAsync();
            tasks[0].Complete("system", DateTimeOffset.UtcNow.AddDays(-1));
            tasks[1].Complete("system", DateTimeOffset.UtcNow.AddDays(-20));
            await db.SaveChangesAsync();
            return (tasks[0].Title, tasks[1].Title, tasks[2].Title);
        });
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetPageAsync("/"));

        var listed = page.QuerySelectorAll("li[data-recent-task]").Where(li => li.TextContent.Contains("Solo Overbliksen", StringComparison.Ordinal))
            .Select(li => li.GetAttribute("data-recent-task")).ToList();
        Assert.Equal([recent], listed);
        Assert.DoesNotContain(old, listed);
        var waiting = page.QuerySelector("section[aria-labelledby='waiting']")!.QuerySelectorAll("tr")
            .Where(tr => tr.TextContent.Contains("Solo Overbliksen", StringComparison.Ordinal)).Select(tr => tr.QuerySelector("td")?.TextContent).ToList();
        Assert.Contains(open, waiting);
        Assert.DoesNotContain(recent, waiting);
    }

    [Fact]
    public async Task TwoWorkersActOnTheSameTask_SecondIsToldAndNothingIsLost()
    {
        var task = await LeaseTaskAsync("Familien Kovalenko");
        using var first = await Browser.SignedInAsync(factory, "sekretariat");
        using var second = await Browser.SignedInAsync(factory, "sekretariat");

        var shown = await LeaseTasks.CardFieldsAsync(second, task.Id);
        using var taken = await first.PostFormAsync("/Tasks?handler=Take", await LeaseTasks.CardFieldsAsync(first, task.Id), formPage: "/Tasks");
        using var stale = await second.PostFormAsync("/Tasks?handler=Complete", shown, formPage: "/Tasks");
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("Opgaven er lige blevet taget af Jens Lund. Se den nye status nedenfor.", html, StringComparison.Ordinal);
        var after = await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CaseTaskStatus.Taken, after.Status);
    }

    [Fact]
    public async Task CloseAsNotNeeded_RequiresAReason()
    {
        var task = await factory.QueryAsync(db => (from t in db.Tasks join h in db.Households on t.HouseholdId equals h.Id
                                                   where h.Name == "Tesfay Gebremedhin" && t.Type == TaskType.KeyHandover select t).SingleAsync());
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");

        var fields = await LeaseTasks.CardFieldsAsync(secretariat, task.Id);
        fields.Remove("Reason");
        using var missing = await secretariat.PostFormAsync("/Tasks?handler=NotNeeded", fields, formPage: "/Tasks");
        Assert.Contains("Skriv hvorfor opgaven ikke er nødvendig.", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(CaseTaskStatus.Open, (await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id))).Status);

        fields["Reason"] = "Nøglerne blev udleveret ved indflytningen af udlejer";
        using var closed = await secretariat.PostFormAsync("/Tasks?handler=NotNeeded", fields, formPage: "/Tasks");
        var after = await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CaseTaskStatus.NotNeeded, after.Status);
        Assert.Equal("Nøglerne blev udleveret ved indflytningen af udlejer", after.NotNeededReason);
    }

    [Fact]
    public async Task Worker_CannotActOnAnotherDepartmentsTask()
    {
        var task = await LeaseTaskAsync("Tesfay Gebremedhin");
        using var school = await Browser.SignedInAsync(factory, "skole");

        using var response = await school.PostFormAsync("/Tasks?handler=Complete", Fields(task.Id, task.Version), formPage: "/Tasks");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(CaseTaskStatus.Open, (await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id))).Status);
    }

    [Theory]
    [InlineData("leder")]
    [InlineData("admin")]
    [InlineData("bolig")]
    public async Task TasksPage_RoleWithoutTaskWork_Returns403(string userName)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var response = await browser.GetAsync("/Tasks");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TasksPage_Coordinator_ListsOwnUnitsChecklistTasks()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var html = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/Tasks"));

        Assert.Contains("Opgaver for Borgerservice – Jobberiet", html, StringComparison.Ordinal);
        Assert.Contains("Registrering i CPR og folkeregister", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lejekontrakt", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(Guid taskId, Guid version) => new() { ["TaskId"] = taskId.ToString(), ["Version"] = version.ToString() };

    private Task<CaseTask> LeaseTaskAsync(string household) =>
        factory.QueryAsync(db => (from t in db.Tasks join h in db.Households on t.HouseholdId equals h.Id
                                  where h.Name == household && t.Type == TaskType.LeaseContract select t).SingleAsync());

    [GeneratedRegex("Sekretariatet</strong> – [^<]*lejekontrakt[^<]*\\(<a href=\"/Households/[^\"]+\">Familien Haddad</a>\\) –\\s*udført", RegexOptions.IgnoreCase)]
    private static partial Regex RecentLease();
}

using System.Net;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Reception;

public sealed class NotificationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task DeadlineWatch_OverdueTaskEscalatesToCoordinatorOnce_DueSoonGoesToDepartment()
    {
        // The demo household Kovalenko was expected days ago, its arrival not confirmed: its arrival-day tasks are overdue.
        // Those waiting for a home (its lease and keys: it has none yet) are late nowhere (QueueFilter.WaitsForHome).
        var overdue = await factory.QueryAsync(db => db.Tasks.Where(t => t.Status == CaseTaskStatus.Open && t.DueDate < DateOnly.FromDateTime(DateTime.Now))
            .Where(QueueFilter.DoesNotWaitForHome(db.Occupancies)).CountAsync());
        Assert.True(overdue > 0, "The demo data should have overdue tasks.");

        await RunWatchAsync();
        var afterFirst = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.DedupKey!.StartsWith("overdue:")));
        await RunWatchAsync();
        var afterSecond = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.DedupKey!.StartsWith("overdue:")));

        Assert.Equal(overdue, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/Notifications"));
        Assert.Contains("Overskredet: Startpakke (Familien Kovalenko)", page, StringComparison.Ordinal);

        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var departmentPage = WebUtility.HtmlDecode(await secretariat.GetPageAsync("/Notifications"));
        Assert.Contains("nye opgaver", departmentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Overskredet: Startpakke", departmentPage, StringComparison.Ordinal);
    }

    /// <summary>
    /// A task moved to a later date is told of again when that date nears: the notice was raised once per task, so after
    /// a moved arrival rescheduled the task, its new date came and went without a word.
    /// </summary>
    [Fact]
    public async Task DeadlineWatch_ATaskMovedToALaterDate_IsToldOfAgain_OnceForEachDate()
    {
        var household = await factory.RegisterSingleAsync("Flyttetfrist");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var task = await factory.QueryAsync(async db =>
        {
            var first = await db.Tasks.Where(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open).OrderBy(t => t.Title).FirstAsync();
            first.Reschedule(today.AddDays(1));
            await db.SaveChangesAsync();
            return first.Id;
        });
        await RunWatchAsync();
        Assert.Equal(1, await DueSoonNoticesAsync(task));

        await factory.QueryAsync(async db =>
        {
            (await db.Tasks.SingleAsync(t => t.Id == task)).Reschedule(today.AddDays(DeadlineWatch.DueSoonDays));
            return await db.SaveChangesAsync();
        });
        await RunWatchAsync();
        await RunWatchAsync();

        Assert.Equal(2, await DueSoonNoticesAsync(task));
    }

    private Task<int> DueSoonNoticesAsync(Guid task) =>
        factory.QueryAsync(db => db.Notifications.CountAsync(n => n.DedupKey!.StartsWith($"due-soon:{task}")));

    /// <summary>A notice names its household, so showing it is a read of the household, recorded as one.</summary>
    [Fact]
    public async Task TheNoticesPage_RecordsTheHouseholdOfEachNoticeShownAsRead()
    {
        var household = await factory.RegisterSingleAsync("Notitsen");
        var department = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "sekretariat").Select(u => u.DepartmentId).SingleAsync());
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.DepartmentId == department && n.HouseholdId == household)),
            "The secretariat is told of its new tasks for the household, and the notice knows the household.");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var before = await factory.HouseholdReadsAsync(household);

        var page = WebUtility.HtmlDecode(await secretariat.GetPageAsync("/Notifications"));

        Assert.Contains("Solo Notitsen", page, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.HouseholdReadsAsync(household));
    }

    /// <summary>
    /// A household handed to another coordinator takes its escalations with it: the new coordinator is told of its overdue
    /// task, and the one who handed it on no longer has the household's notices (they stayed with them before, and the new
    /// coordinator was never told, as the task counted as escalated). Notices about their other households stay.
    /// </summary>
    [Fact]
    public async Task Reassigned_TheHouseholdsEscalationsGoToTheNewCoordinator_OthersStay()
    {
        var handedOn = await factory.RegisterSingleAsync("Overdraget");
        var kept = await factory.RegisterSingleAsync("Beholdtsag");
        var yesterday = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
        await factory.QueryAsync(async db =>
        {
            foreach (var household in new[] { handedOn, kept })
            {
                (await db.Tasks.Where(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open).OrderBy(t => t.Title).FirstAsync()).Reschedule(yesterday);
            }

            return await db.SaveChangesAsync();
        });
        await RunWatchAsync();
        var previous = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync());
        var (next, nextBrowser) = await factory.SignedInCoordinatorAsync("koordinator-frida");
        using var newCoordinator = nextBrowser;
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var version = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{handedOn}/Reassign"), "Version");

        using var saved = await coordinator.PostFormAsync($"/Households/{handedOn}/Reassign", new Dictionary<string, string> { ["CoordinatorUserId"] = next, ["Version"] = version });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([next], await RecipientsAsync(handedOn));
        Assert.Equal([previous], await RecipientsAsync(kept));
        // The coordinators' department still has its own notices of the household's tasks ("Snart frist"); the escalation is the coordinator's.
        var escalated = new System.Text.RegularExpressions.Regex(@"Overskredet: [^<]*\(Solo (Overdraget|Beholdtsag)\)");
        Assert.Equal(["Overdraget"], Escalated(await newCoordinator.GetPageAsync("/Notifications")));
        Assert.Equal(["Beholdtsag"], Escalated(await coordinator.GetPageAsync("/Notifications")));

        string[] Escalated(string html) => escalated.Matches(WebUtility.HtmlDecode(html)).Select(m => m.Groups[1].Value).Distinct().ToArray();
    }

    private Task<List<string?>> RecipientsAsync(Guid household) =>
        factory.QueryAsync(db => db.Notifications.Where(n => n.HouseholdId == household && n.DedupKey!.StartsWith("overdue:")).Select(n => n.RecipientUserId).Distinct().ToListAsync());

    private async Task RunWatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
    }
}

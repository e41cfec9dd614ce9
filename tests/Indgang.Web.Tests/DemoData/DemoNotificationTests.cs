using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.DemoData;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.DemoData;

/// <summary>
/// A fresh demo looks like a municipality mid-year: the work due before today on the households that have come is
/// done, so the coordinator is escalated only what waits for an arrival — the Kovalenkos' arrival-day tasks (their arrival
/// is still to confirm) — and reminded of the Sharifis' offer to answer. The lease, keys, house rules and defects list of
/// the two households with no home yet wait for one (<see cref="QueueFilter.WaitsForHome"/>): their due dates are not
/// real until a move-in, and no one is told they are late (the Haddads' defects list was escalated until it counted so).
/// </summary>
public sealed partial class DemoNotificationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly string[] Escalations =
    [
        "Overskredet: Startpakke (Familien Kovalenko)",
        "Overskredet: Information om ydelser – Olena (Familien Kovalenko)",
    ];

    [Fact]
    public async Task FreshDemo_CoordinatorGetsAFewNotices_OnlyWhatWaitsForAnArrivalIsEscalated()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
        }

        var coordinator = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync());
        var told = await factory.QueryAsync(db => db.Notifications.Where(n => n.RecipientUserId == coordinator).Select(n => n.Text).ToListAsync());
        // Besides, the Sharifis' offer is to be answered within three days, and she is reminded.
        var answerBy = DanishDates.Written(Arrivals.Today.AddDays(DemoResident.AnswerInDays));
        Assert.Equal([$"Svarfrist for boligtilbud {answerBy}: {DemoResident.OfferedAddress} ({DemoResident.Name})"], told.Where(t => t.StartsWith("Svarfrist", StringComparison.Ordinal)));
        var escalated = told.Where(t => !t.StartsWith("Svarfrist", StringComparison.Ordinal)).ToList();
        Assert.Equal(Escalations.Order(StringComparer.Ordinal), escalated.Order(StringComparer.Ordinal));

        // Beside the escalations, her department's notices: the four households registered lately (the Sharifis' came
        // months ago), and Jobberiet's tasks due within three days — one of the Kovalenkos' (their house rules, due too,
        // wait for a home), and Tesfay's benefits information when his day 0 (counted from the visitation decision) falls in them.
        var today = Arrivals.Today;
        var soon = await factory.QueryAsync(db => (from t in db.Tasks.Where(QueueFilter.DoesNotWaitForHome(db.Occupancies))
                                                   join d in db.Departments on t.DepartmentId equals d.Id
                                                   where d.Code == "jobberiet" && t.Status == CaseTaskStatus.Open && t.DueDate >= today && t.DueDate <= today.AddDays(DeadlineWatch.DueSoonDays)
                                                   select t.Title).ToListAsync());
        Assert.Contains("Registrering i CPR og folkeregister", soon);
        Assert.InRange(soon.Count, 1, 2);
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/"));
        var count = int.Parse(NoticeCount().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Escalations.Length + 1 + 4 + soon.Count, count);
    }

    [Fact]
    public async Task FreshDemo_TasksDueBeforeToday_DoneByTheOwningDepartmentsUserOnOrBeforeTheDueDay()
    {
        var today = Arrivals.Today;
        var done = await factory.QueryAsync(db => (from t in db.Tasks
                                                   join h in db.Households on t.HouseholdId equals h.Id
                                                   join u in db.Users on t.ClosedByUserId equals u.Id
                                                   where t.Status == CaseTaskStatus.Done
                                                   select new { h.Name, t.DueDate, t.ClosedAt, t.DepartmentId, UserDepartment = u.DepartmentId }).ToListAsync());

        Assert.Contains(done, t => t.Name == DemoResident.Name);
        Assert.Contains(done, t => t.Name == DemoHouseholds.ArrivedAsExpected);
        Assert.All(done, t =>
        {
            Assert.Equal(t.DepartmentId, t.UserDepartment);
            Assert.True(DateOnly.FromDateTime(t.ClosedAt!.Value.ToLocalTime().DateTime) <= t.DueDate, $"{t.Name}: done after its due day.");
        });
        var open = await factory.QueryAsync(db => (from t in db.Tasks join h in db.Households on t.HouseholdId equals h.Id
                                                   where h.ArrivedOn != null && t.Status == CaseTaskStatus.Open && t.DueDate < today
                                                   select t.Type).ToListAsync());
        Assert.Equal(MoveTasks.WaitForFirstHome.Order(), open.Order());
    }

    [GeneratedRegex(@"<span>Notifikationer \((\d+)\)</span>")]
    private static partial Regex NoticeCount();
}

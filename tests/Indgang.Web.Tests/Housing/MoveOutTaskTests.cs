using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move out of one of our units ends the lease, hands the keys back and has the unit inspected (HOUSE-2): tasks for
/// Sekretariatet and Teknik og drift on the move-out day, which follow that day when it changes and close when the move
/// out is called off.
/// </summary>
public sealed class MoveOutTaskTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;
    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();

    [Fact]
    public async Task MoveOut_OnTheUnitPage_GivesSekretariatetTheLeaseAndKeys_AndTekniskDriftTheInspection_DueThatDay()
    {
        var (unit, householdId, stay) = await HousedAsync("Udflytning Et", "Udflytter");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.NotificationIdsAsync();

        using var moved = await MoveOutAsync(housing, unit, stay, Today.AddDays(30));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var tasks = await MoveOutTasksAsync(householdId);
        Assert.Equal(
            [
                (TaskType.LeaseTermination, "Afslutning af lejekontrakt – Udflytning Et", "sekretariatet"),
                (TaskType.KeyReturn, "Aflevering af nøgler – Udflytning Et", "sekretariatet"),
                (TaskType.MoveOutInspection, "Fraflytningssyn – Udflytning Et", "teknik-drift"),
            ],
            tasks.Select(t => (t.Task.Type, t.Task.Title, t.Department)));
        Assert.All(tasks, t => Assert.Equal((stay, Today.AddDays(30), CaseTaskStatus.Open), (t.Task.OccupancyId, t.Task.DueDate, t.Task.Status)));

        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var queue = WebUtility.HtmlDecode(await secretariat.GetPageAsync("/Tasks"));
        Assert.Contains("Afslutning af lejekontrakt – Udflytning Et", queue, StringComparison.Ordinal);
        Assert.Contains("Aflevering af nøgler – Udflytning Et", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Fraflytningssyn – Udflytning Et", queue, StringComparison.Ordinal);
        using var technical = await Browser.SignedInAsync(factory, "teknik");
        Assert.Contains("Fraflytningssyn – Udflytning Et", WebUtility.HtmlDecode(await technical.GetPageAsync("/Tasks")), StringComparison.Ordinal);
        var household = await factory.QueryAsync(db => db.Households.Where(h => h.Id == householdId).Select(h => h.Name).SingleAsync());
        // Jobberiet's help to register for a permanent home is not needed once the household moves to a home of its own.
        Assert.Equal(
            [($"1 ny opgave: {household}", "teknik-drift"), ($"1 opgave er lukket, husstanden flytter fra den midlertidige bolig: {household}", "jobberiet"), ($"2 nye opgaver: {household}", "sekretariatet")],
            await factory.NotificationsSinceAsync(before));
    }

    [Fact]
    public async Task AgreedMoveOut_ChangedThenCalledOff_OpenTasksFollow_ADoneTaskStaysDone()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (unit, household, stay) = await MovedOutAsync(housing, "Udflytning To", "Fortryder", Today.AddDays(30));

        // Sekretariatet has already taken the keys back (they came early).
        var keys = (await MoveOutTasksAsync(household)).Single(t => t.Task.Type == TaskType.KeyReturn).Task.Id;
        await factory.CompleteAsAsync(keys, "sekretariat");

        using (var changed = await PostAsync(housing, unit, "ChangeMoveOut", stay, Today.AddDays(40)))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(
            [(TaskType.LeaseTermination, Today.AddDays(40), CaseTaskStatus.Open), (TaskType.KeyReturn, Today.AddDays(30), CaseTaskStatus.Done), (TaskType.MoveOutInspection, Today.AddDays(40), CaseTaskStatus.Open)],
            (await MoveOutTasksAsync(household)).Select(t => (t.Task.Type, t.Task.DueDate, t.Task.Status)));
        Assert.Equal(2, (await NotificationsAboutAsync("Fortryder", $"Fraflytningen er flyttet til {DanishDates.Written(Today.AddDays(40))}")).Count);

        using (var calledOff = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=CallOffMoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: $"/Housing/Units/{unit}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        }

        var housingUser = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "bolig").Select(u => u.Id).SingleAsync());
        var closed = await MoveOutTasksAsync(household);
        Assert.Equal([CaseTaskStatus.NotNeeded, CaseTaskStatus.Done, CaseTaskStatus.NotNeeded], closed.Select(t => t.Task.Status));
        Assert.All(closed.Where(t => t.Task.Type != TaskType.KeyReturn),
            t => Assert.Equal((AgreedMoveTasks.CalledOffReason.Text, housingUser), (t.Task.NotNeededReason, t.Task.ClosedByUserId)));
        Assert.Equal(2, (await NotificationsAboutAsync("Fortryder", "Fraflytningen er aflyst")).Count);

        // The case shows why they were closed.
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var casePage = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Contains("Fraflytningssyn – Udflytning To", casePage, StringComparison.Ordinal);
        Assert.Contains(AgreedMoveTasks.CalledOffReason.Text, casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedOffer_MovesOutWithTheTasks_AndTheNewMoveDateOnThePipelineMovesThem()
    {
        var (_, household, stay) = await HousedAsync("Udflytning Tre", "Tilbudstager");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Engvej 9", Today.AddDays(20));
        Assert.All(await MoveOutTasksAsync(household), t => Assert.Equal((stay, Today.AddDays(20)), (t.Task.OccupancyId, t.Task.DueDate)));
        Assert.Equal(3, (await MoveOutTasksAsync(household)).Count);

        using var changed = await housing.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Today.AddDays(25)) }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.All(await MoveOutTasksAsync(household), t => Assert.Equal(Today.AddDays(25), t.Task.DueDate));
    }

    [Fact]
    public async Task MatrixKeptBeforeTheMoveOutTasksCame_MoveOut_GoesToTheDefaultOwners()
    {
        var (unit, household, stay) = await HousedAsync("Udflytning Fire", "Gammelmatrix");
        await factory.QueryAsync(db => db.Responsibilities.Where(r => MoveTasks.MoveOut.Contains(r.TaskType)).ExecuteDeleteAsync());
        Assert.True(await factory.QueryAsync(db => db.Responsibilities.AnyAsync()));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var moved = await MoveOutAsync(housing, unit, stay, Today);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(["sekretariatet", "sekretariatet", "teknik-drift"], (await MoveOutTasksAsync(household)).Select(t => t.Department));
    }

    [Fact]
    public async Task UnitPage_ShowsHowFarTheMoveOutsTasksHaveCome_AheadAndForTheLastMoveOut()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (unit, household, stay) = await MovedOutAsync(housing, "Udflytning Fem", "Synsvenner", Today.AddDays(7));

        var ahead = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        Assert.Null(ahead.QuerySelector("[data-last-moved-out]"));
        var due = DanishDates.Written(Today.AddDays(7));
        Assert.Equal(
            [
                $"Afslutning af lejekontrakt (Sekretariatet, frist {due}): Åben",
                $"Aflevering af nøgler (Sekretariatet, frist {due}): Åben",
                $"Fraflytningssyn (Teknik og drift, frist {due}): Åben",
            ],
            ahead.QuerySelectorAll("ul.move-out-tasks li").Select(li => li.TextContent.Trim()));

        // The move comes forward to today and has happened: the stay is the unit's last move out, and the inspection is done.
        using (var changed = await PostAsync(housing, unit, "ChangeMoveOut", stay, Today))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var inspection = (await MoveOutTasksAsync(household)).Single(t => t.Task.Type == TaskType.MoveOutInspection).Task.Id;
        await factory.CompleteAsAsync(inspection, "teknik");
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        var readsBefore = await HouseholdReadsAsync(household);

        var after = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));

        var last = after.QuerySelector($"[data-last-moved-out='{stay}']") ?? throw new Xunit.Sdk.XunitException("No last move out on the unit page.");
        Assert.Equal($"{name} – fraflyttet {DanishDates.Written(Today)}, til egen bolig", last.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal(
            ["Åben", "Åben", "Udført"],
            last.QuerySelectorAll("ul.move-out-tasks li strong").Select(s => s.TextContent.Trim()));
        Assert.Equal("Ingen bor i boligen.", after.QuerySelector("h2 + p")!.TextContent.Trim());
        Assert.Equal(readsBefore + 1, await HouseholdReadsAsync(household));
    }

    private Task<int> HouseholdReadsAsync(Guid household) => factory.QueryAsync(db =>
        db.AuditEntries.CountAsync(e => e.Action == Domain.Audit.AuditAction.HouseholdRead && e.Details!.StartsWith(Web.Audit.AuditLog.Household(household))));

    /// <summary>A single adult housed in a unit of its own, and its move out registered on the unit page for the day.</summary>
    private async Task<(Guid Unit, Guid Household, Guid Stay)> MovedOutAsync(Browser housing, string unitLabel, string lastName, DateOnly day)
    {
        var (unit, household, stay) = await HousedAsync(unitLabel, lastName);
        using var moved = await MoveOutAsync(housing, unit, stay, day);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        return (unit, household, stay);
    }

    private Task<(Guid Unit, Guid Household, Guid Stay)> HousedAsync(string unitLabel, string lastName) =>
        factory.HousedSingleAsync(unitLabel, lastName, daysAgo: 10, gender: Gender.Male, firstName: "Solo");

    private Task<List<(CaseTask Task, string Department)>> MoveOutTasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await (from t in db.Tasks.AsNoTracking()
                join d in db.Departments on t.DepartmentId equals d.Id
                where t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type)
                select new { Task = t, d.Code }).ToListAsync())
        .OrderBy(t => t.Task.Type).Select(t => (t.Task, t.Code)).ToList());

    /// <summary>The departments' notifications about the household (by its last name) that start with one of the texts.</summary>
    private Task<List<string>> NotificationsAboutAsync(string lastName, params string[] starts) => factory.QueryAsync(async db =>
        (await db.Notifications.AsNoTracking().Where(n => n.DepartmentId != null).Select(n => n.Text).ToListAsync())
        .Where(text => text.Contains(lastName, StringComparison.Ordinal) && starts.Any(s => text.Contains(s, StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal).ToList());

    private static Task<HttpResponseMessage> MoveOutAsync(Browser housing, Guid unit, Guid stay, DateOnly day) =>
        PostAsync(housing, unit, "MoveOut", stay, day);

    private static Task<HttpResponseMessage> PostAsync(Browser housing, Guid unit, string handler, Guid stay, DateOnly day) =>
        housing.PostFormAsync(
            $"/Housing/Units/{unit}?handler={handler}",
            new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(day), ["MoveOutTo"] = "OwnHome" },
            formPage: $"/Housing/Units/{unit}");
}

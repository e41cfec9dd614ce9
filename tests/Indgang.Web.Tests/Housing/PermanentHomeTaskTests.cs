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
/// An accepted permanent home brings the tasks of moving into it (seed 004: "Ved indflytning i permanent bolig sikres
/// det, at der er udført mangelliste, at flygtningene er vejledt omkring regler og husorden i boligselskabet og ved hvor
/// de skal henvende sig"): Jobberiet's guidance on the move day and the defects list within the 14 days after it. They
/// follow the move when its day changes and close when the acceptance is undone; those done stay done.
/// </summary>
public sealed class PermanentHomeTaskTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task Accepted_FromATemporaryHome_GivesJobberietTheGuidanceOnTheMoveDay_AndTheDefectsListTwoWeeksLater()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Permanent Et", "Mangelsen", daysAgo: 30, gender: Gender.Female, firstName: "Sara");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.NotificationIdsAsync();

        await housing.AcceptedOfferAsync(factory, household, "Engholm Allé 21, st. th.", Today.AddDays(20));

        Assert.Equal(
            [
                (TaskType.PermanentHomeDefectsList, "Mangelliste til boligselskabet – Engholm Allé 21, st. th.", Today.AddDays(34), "jobberiet"),
                (TaskType.PermanentHomeGuidance, "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – Engholm Allé 21, st. th.", Today.AddDays(20), "jobberiet"),
            ],
            (await TasksAsync(household)).Select(t => (t.Task.Type, t.Task.Title, t.Task.DueDate, t.Department)));
        Assert.All(await TasksAsync(household), t => Assert.Equal(CaseTaskStatus.Open, t.Task.Status));
        Assert.Contains(await factory.NotificationsSinceAsync(before), n => n.Text.StartsWith("2 nye opgaver: ", StringComparison.Ordinal) && n.Text.Contains("Mangelsen", StringComparison.Ordinal) && n.Department == "jobberiet");
        // The move out of the temporary home brings its own tasks as before.
        Assert.Equal(3, await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type))));
    }

    [Fact]
    public async Task Accepted_WithoutATemporaryHome_GivesTheTasksToo_AndTheyFollowTheNewDay()
    {
        var household = await factory.RegisterSingleAsync("Udenbolig");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Kirkevej 5", Today.AddDays(10));
        Assert.Equal([Today.AddDays(24), Today.AddDays(10)], (await TasksAsync(household)).Select(t => t.Task.DueDate));
        var before = await factory.NotificationIdsAsync();

        using var changed = await ChangeMoveAsync(housing, offer, Today.AddDays(40));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal([Today.AddDays(54), Today.AddDays(40)], (await TasksAsync(household)).Select(t => t.Task.DueDate));
        var told = Assert.Single(await factory.NotificationsSinceAsync(before), n => n.Text.Contains("Udenbolig", StringComparison.Ordinal));
        Assert.Equal("jobberiet", told.Department);
        Assert.StartsWith($"Indflytningen i Kirkevej 5 er flyttet til {DanishDates.Written(Today.AddDays(40))}: ", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveDayChanged_OpenTasksFollow_ADoneOneStaysDone()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Permanent To", "Flyttesen", daysAgo: 30, gender: Gender.Male, firstName: "Omar");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Bytoften 8", Today.AddDays(20));
        var guidance = (await TasksAsync(household)).Single(t => t.Task.Type == TaskType.PermanentHomeGuidance).Task.Id;
        await factory.CompleteAsAsync(guidance, "koordinator");

        using var changed = await ChangeMoveAsync(housing, offer, Today.AddDays(30));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(
            [(TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, Today.AddDays(44)), (TaskType.PermanentHomeGuidance, CaseTaskStatus.Done, Today.AddDays(20))],
            (await TasksAsync(household)).Select(t => (t.Task.Type, t.Task.Status, t.Task.DueDate)));
        // The move out of the temporary home moved with it, its tasks on the day itself.
        Assert.Equal(Today.AddDays(30), await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync()));
        Assert.All(
            await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type)).Select(t => t.DueDate).ToListAsync()),
            due => Assert.Equal(Today.AddDays(30), due));
    }

    [Fact]
    public async Task AcceptanceUndone_OpenTasksAreNotNeeded_ADoneOneStaysDone_AndJobberietIsTold()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Permanent Tre", "Fortrydsen", daysAgo: 30, gender: Gender.Female, firstName: "Amal");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Lillevang 4", Today.AddDays(20));
        var defects = (await TasksAsync(household)).Single(t => t.Task.Type == TaskType.PermanentHomeDefectsList).Task.Id;
        await factory.CompleteAsAsync(defects, "koordinator");
        var before = await factory.NotificationIdsAsync();

        using var undone = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var users = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "bolig" || u.UserName == "koordinator").ToDictionaryAsync(u => u.UserName!, u => u.Id));
        Assert.Equal(
            [(TaskType.PermanentHomeDefectsList, CaseTaskStatus.Done, null, users["koordinator"]), (TaskType.PermanentHomeGuidance, CaseTaskStatus.NotNeeded, AgreedMoveTasks.AcceptanceUndoneReason.Text, users["bolig"])],
            (await TasksAsync(household)).Select(t => (t.Task.Type, t.Task.Status, t.Task.NotNeededReason, t.Task.ClosedByUserId)));
        var told = Assert.Single(await factory.NotificationsSinceAsync(before), n => n.Text.StartsWith("Accepten af Lillevang 4 er fortrudt; opgaverne er lukket: ", StringComparison.Ordinal));
        Assert.Equal("jobberiet", told.Department);
        Assert.Contains("Fortrydsen", told.Text, StringComparison.Ordinal);

        // Accepted again: the tasks of the move are there again, as new open ones.
        await AcceptAsync(housing, offer, Today.AddDays(25));
        Assert.Equal(2, (await TasksAsync(household)).Count(t => t.Task.Status == CaseTaskStatus.Open));
    }

    private static Task<HttpResponseMessage> ChangeMoveAsync(Browser housing, Guid offer, DateOnly day) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(day) }, formPage: "/Housing/Pipeline");

    private static async Task AcceptAsync(Browser housing, Guid offer, DateOnly day)
    {
        using var accepted = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(day) }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>The household's tasks of moving into a permanent home, by type, with their department's code.</summary>
    private Task<List<(CaseTask Task, string Department)>> TasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await (from t in db.Tasks.AsNoTracking()
                join d in db.Departments on t.DepartmentId equals d.Id
                where t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)
                select new { Task = t, d.Code }).ToListAsync())
        .OrderBy(t => t.Task.Type).ThenBy(t => t.Task.Status).Select(t => (t.Task, t.Code)).ToList());
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Seed 001, Jobberiet: "Motivere flygtningene til at flytte i permanente boliger, når de opnår beskæftigelse". Paid work
/// (IGU, løntilskud) added to the plan of a member of a household in our temporary housing gives Jobberiet the task of
/// motivating the household to move on, due when the work starts; once, while it is still to do.
/// </summary>
public sealed class MoveOnMotivationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Start = Arrivals.Today.AddMonths(1);

    [Fact]
    public async Task PaidWorkInThePlan_OfAHouseholdInTemporaryHousing_GivesJobberietTheMotivation_Once()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Motivation Midlertidig", "Igusen", daysAgo: 30);
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var jobberiet = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "jobberiet").Select(d => d.Id).SingleAsync());
        var told = await TellingsAsync(jobberiet);

        await SavePlanAsync(coordinator, person, "Igu", "IGU hos Netto");

        var task = Assert.Single(await MotivationAsync(household));
        Assert.Equal(
            ("Motivation til at flytte i permanent bolig, nu med arbejde – IGU hos Netto", Start, CaseTaskStatus.Open, "jobberiet"),
            (task.Task.Title, task.Task.DueDate, task.Task.Status, task.Department));
        Assert.Equal(told + 1, await TellingsAsync(jobberiet));

        // Saved again with the same work: it is not new, and the task stays one.
        await SavePlanAsync(coordinator, person, "Igu", "IGU hos Netto");
        Assert.Single(await MotivationAsync(household));
    }

    [Fact]
    public async Task TheHouseholdMovesToAHomeOfItsOwn_TheMotivationIsNotNeeded_UntilTheMoveIsCalledOff()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Motivation Udflytning", "Udflytterigu", daysAgo: 30);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        await SavePlanAsync(coordinator, await PersonAsync(household), "WageSubsidy", "Løntilskud i Allerød Kommune");
        Assert.Equal([CaseTaskStatus.Open], (await MotivationAsync(household)).Select(m => m.Task.Status));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var movedOut = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(Arrivals.Today.AddDays(14)), ["MoveOutTo"] = "OwnHome",
        }, formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.Redirect, movedOut.StatusCode);
        var closed = Assert.Single(await MotivationAsync(household)).Task;
        Assert.Equal((CaseTaskStatus.NotNeeded, Web.Features.Housing.RegistrationHelp.MovesOnReason.Text), (closed.Status, closed.NotNeededReason));

        // The move falls through: the household stays, and the motivation is needed again, as it was.
        using var calledOff = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=CallOffMoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(),
        }, formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        var again = (await MotivationAsync(household)).Select(m => m.Task).Single(t => t.Status == CaseTaskStatus.Open);
        Assert.Equal((closed.Title, Start, "jobberiet"), (again.Title, again.DueDate, (await MotivationAsync(household)).Single(m => m.Task.Id == again.Id).Department));
    }

    [Fact]
    public async Task AMotivationDone_IsNotMadeAgain_WhenTheMoveItLedToIsCalledOff()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Motivation Gjort", "Gjortigu", daysAgo: 30);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        await SavePlanAsync(coordinator, await PersonAsync(household), "Igu", "IGU hos Føtex");
        var task = Assert.Single(await MotivationAsync(household)).Task;
        await factory.QueryAsync(async db =>
        {
            var tracked = await db.Tasks.SingleAsync(t => t.Id == task.Id);
            tracked.Complete("system", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";
        using (var movedOut = await housing.PostFormAsync($"{page}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(Arrivals.Today.AddDays(14)), ["MoveOutTo"] = "OwnHome",
        }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, movedOut.StatusCode);
        }

        using var calledOff = await housing.PostFormAsync($"{page}?handler=CallOffMoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.Equal([CaseTaskStatus.Done], (await MotivationAsync(household)).Select(m => m.Task.Status));
    }

    [Theory]
    [InlineData("Permanentarbejde", true, "WageSubsidy")]
    [InlineData("Praktiksen", false, "CompanyInternship")]
    public async Task NoMotivation_InAPermanentHome_OrForUnpaidWork(string lastName, bool permanent, string kind)
    {
        var (_, household, _) = await factory.HousedSingleAsync($"Motivation {lastName}", lastName, daysAgo: 30, isPermanent: permanent);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        await SavePlanAsync(coordinator, await PersonAsync(household), kind, "Arbejde hos Netto");

        Assert.Empty(await MotivationAsync(household));
    }

    [Fact]
    public async Task NoMotivation_ForAHouseholdNotInOurHousing()
    {
        var household = await factory.RegisterSingleAsync("Uhusetarbejde");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        await SavePlanAsync(coordinator, await PersonAsync(household), "Igu", "IGU hos Netto");

        Assert.Empty(await MotivationAsync(household));
    }

    private static async Task SavePlanAsync(Browser coordinator, Guid person, string kind, string title)
    {
        var page = $"/People/{person}/Plan";
        // No version before the plan is first saved (the field then has no value).
        var version = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetPageAsync(page))
            .QuerySelector("input[name='Input.Version']")?.GetAttribute("value") ?? "";
        using var saved = await coordinator.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.Goals[0].Text"] = "Selvforsørgende",
            ["Input.Activities[0].Kind"] = kind,
            ["Input.Activities[0].Title"] = title,
            ["Input.Activities[0].DepartmentName"] = "Borgerservice – Jobberiet",
            ["Input.Activities[0].Start"] = Arrivals.Iso(Start),
            ["Input.Activities[0].End"] = Arrivals.Iso(Start.AddMonths(6)),
            ["Input.Activities[0].Status"] = "Planned",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private Task<int> TellingsAsync(Guid department) =>
        factory.QueryAsync(db => db.Notifications.CountAsync(n => n.DepartmentId == department && n.Text == "1 ny opgave: Nour Igusen"));

    private Task<Guid> PersonAsync(Guid household) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());

    private Task<List<(CaseTask Task, string Department)>> MotivationAsync(Guid household) => factory.QueryAsync(async db =>
        (await (from t in db.Tasks.AsNoTracking()
                join d in db.Departments on t.DepartmentId equals d.Id
                where t.HouseholdId == household && t.Type == TaskType.PermanentHomeMotivation
                select new { Task = t, d.Code }).ToListAsync())
        .Select(t => (t.Task, t.Code)).ToList());
}

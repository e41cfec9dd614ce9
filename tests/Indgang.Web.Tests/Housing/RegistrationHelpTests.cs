using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Jobberiet helps a household in temporary housing register with the housing associations (seed 001: "Hjælp til
/// opskrivning til permanente boliger"): a task from the move into a temporary unit, done by the first registration on
/// the pipeline, not needed when the household moves on to a home of its own, and back when that move is called off.
/// </summary>
public sealed class RegistrationHelpTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task MoveIntoATemporaryUnit_GivesJobberietTheHelpToRegister_DueAMonthLater_NotAPermanentOne()
    {
        var (_, temporary, _) = await factory.HousedSingleAsync("Hjælp Midlertidig", "Hjælpesen", daysAgo: 3);
        var (_, permanent, _) = await factory.HousedSingleAsync("Hjælp Permanent", "Permanentsen", daysAgo: 3, isPermanent: true);

        var help = Assert.Single(await HelpAsync(temporary));
        Assert.Equal(("Hjælp til opskrivning til en permanent bolig", Today.AddDays(27), CaseTaskStatus.Open, "jobberiet"), (help.Task.Title, help.Task.DueDate, help.Task.Status, help.Department));
        // A permanent home of ours fulfils the duty: nothing to register for.
        Assert.Empty(await HelpAsync(permanent));
    }

    [Fact]
    public async Task ARegistrationOnThePipeline_DoesTheHelp_ByWhoeverRecordedIt_Audited_AndAHouseholdRegisteredAlreadyGetsNone()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Hjælp Opskrevet", "Opskrivsen", daysAgo: 3);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        // The pipeline tells the housing coordinator it is on no waiting list yet, and when Jobberiet's help is due.
        var row = await PipelineRowAsync(housing, household);
        Assert.Contains("Ikke opskrevet", row, StringComparison.Ordinal);
        Assert.Contains($"Jobberiets hjælp til opskrivning: frist {Today.AddDays(27):dd.MM.yyyy}", row, StringComparison.Ordinal);

        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = "Allerød Boligselskab", ["RegisteredOn"] = Arrivals.Iso(Today), ["WaitingListNumber"] = "AB-17",
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var help = Assert.Single(await HelpAsync(household)).Task;
        var housingUser = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "bolig").Select(u => u.Id).SingleAsync());
        Assert.Equal((CaseTaskStatus.Done, housingUser), (help.Status, help.ClosedByUserId));
        var audited = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.TaskCompleted && e.Details!.StartsWith($"Husstand {household:D}")).Select(e => e.Details).ToListAsync());
        Assert.Equal([$"Husstand {household:D}: HousingRegistrationHelp, opgave {help.Id:D} (husstanden er skrevet op hos Allerød Boligselskab)"], audited);
        var registeredRow = await PipelineRowAsync(housing, household);
        Assert.DoesNotContain("Ikke opskrevet", registeredRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Jobberiets hjælp", registeredRow, StringComparison.Ordinal);

        // Moved to another unit of ours and in there: registered already, so no help again.
        using var moved = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(Today), ["MoveOutTo"] = "OtherMunicipalUnit",
        }, formPage: $"/Housing/Units/{unit}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Hjælp Opskrevet 2"), household, Today.AddDays(1));
        Assert.Single(await HelpAsync(household));
    }

    [Fact]
    public async Task MoveOutToItsOwnHome_HelpNotNeeded_CalledOff_HelpBack_ToAnotherUnitOfOurs_HelpStays()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Hjælp Udflytning", "Udflyttersen", daysAgo: 3);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";

        using (var movesOut = await housing.PostFormAsync($"{page}?handler=MoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(Today.AddDays(20)), ["MoveOutTo"] = "OwnHome" }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, movesOut.StatusCode);
        }

        var closed = Assert.Single(await HelpAsync(household)).Task;
        Assert.Equal((CaseTaskStatus.NotNeeded, RegistrationHelp.MovesOnReason.Text), (closed.Status, closed.NotNeededReason));

        using (var calledOff = await housing.PostFormAsync($"{page}?handler=CallOffMoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        }

        // Counted from the day it stays on.
        Assert.Equal([(CaseTaskStatus.Open, Today.AddDays(30)), (CaseTaskStatus.NotNeeded, Today.AddDays(27))], (await HelpAsync(household)).Select(h => (h.Task.Status, h.Task.DueDate)));

        using (var toOurs = await housing.PostFormAsync($"{page}?handler=MoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(Today.AddDays(20)), ["MoveOutTo"] = "OtherMunicipalUnit" }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, toOurs.StatusCode);
        }

        // It will still need to register from the next unit of ours: the open help stays, and that move-in makes no second.
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Hjælp Udflytning 2"), household, Today.AddDays(20));
        Assert.Equal([CaseTaskStatus.Open, CaseTaskStatus.NotNeeded], (await HelpAsync(household)).Select(h => h.Task.Status));
    }

    [Fact]
    public async Task AnAcceptedPermanentHome_MakesTheHelpNotNeeded_AndUndoingTheAcceptanceBringsItBack()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Hjælp Tilbud", "Tilbudsen", daysAgo: 3);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var offer = await housing.AcceptedOfferAsync(factory, household, "Kommunal anvisning, Blovstrødvej 2", Today.AddDays(15));
        Assert.Equal([CaseTaskStatus.NotNeeded], (await HelpAsync(household)).Select(h => h.Task.Status));

        using var undone = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal([CaseTaskStatus.Open, CaseTaskStatus.NotNeeded], (await HelpAsync(household)).Select(h => h.Task.Status));
    }

    [Fact]
    public async Task APlannedMoveInCalledOff_ClosesTheHelpWithTheOtherTasksOfTheMoveIn()
    {
        var household = await factory.RegisterSingleAsync("Fortrudtsen");
        var unit = await factory.UnitOfItsOwnAsync("Hjælp Fortrudt");
        await factory.MovedInAsync(unit, household, Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);
        Assert.Equal([CaseTaskStatus.Open], (await HelpAsync(household)).Select(h => h.Task.Status));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var calledOff = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        var closed = Assert.Single(await HelpAsync(household)).Task;
        Assert.Equal((CaseTaskStatus.NotNeeded, "Indflytningen i Hjælp Fortrudt er fortrudt."), (closed.Status, closed.NotNeededReason));
    }

    [Fact]
    public async Task ARegistrationRemovedAsAMistake_TheHelpIsNeededAgain_UnlessAnotherRegistrationStands()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Hjælp Fejl", "Fejlopskrevet", daysAgo: 3);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var first = await RegisterAsync(housing, household, "Allerød Boligselskab");
        var second = await RegisterAsync(housing, household, "Lillerød Boligforening");
        Assert.Equal([CaseTaskStatus.Done], (await HelpAsync(household)).Select(h => h.Task.Status));

        // Removed, one registration still stands: on a waiting list, no help needed.
        await RemoveAsync(housing, first);
        Assert.Equal([CaseTaskStatus.Done], (await HelpAsync(household)).Select(h => h.Task.Status));

        // The last one removed: on no waiting list again. The help done stays done; a new one is due a month from today.
        await RemoveAsync(housing, second);
        var help = await HelpAsync(household);
        Assert.Equal([CaseTaskStatus.Open, CaseTaskStatus.Done], help.Select(h => h.Task.Status));
        Assert.Equal(Today.AddDays(30), help.Single(h => h.Task.Status == CaseTaskStatus.Open).Task.DueDate);
        Assert.Contains("Ikke opskrevet", await PipelineRowAsync(housing, household), StringComparison.Ordinal);
    }

    private async Task<Guid> RegisterAsync(Browser housing, Guid household, string association)
    {
        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = association, ["RegisteredOn"] = Arrivals.Iso(Today), ["WaitingListNumber"] = "",
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return await factory.QueryAsync(db => db.HousingRegistrations.Where(r => r.HouseholdId == household && r.Association == association).Select(r => r.Id).SingleAsync());
    }

    private static async Task RemoveAsync(Browser housing, Guid registration)
    {
        var page = $"/Housing/Pipeline/Registrations/{registration}";
        var version = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync(page))
            .QuerySelector("form:not([action*='Remove']) input[name='Version']")?.GetAttribute("value") ?? "";
        using var removed = await housing.PostFormAsync($"{page}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
    }

    /// <summary>The household's row on the pipeline page, as shown.</summary>
    private static async Task<string> PipelineRowAsync(Browser housing, Guid household)
    {
        var html = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Pipeline"));
        var start = html.LastIndexOf("<tr", html.IndexOf($"href=\"/Households/{household}\"", StringComparison.Ordinal), StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>The household's help to register, open ones first, then the newest first, with their department's code.</summary>
    private Task<List<(CaseTask Task, string Department)>> HelpAsync(Guid household) => factory.QueryAsync(async db =>
        (await (from t in db.Tasks.AsNoTracking()
                join d in db.Departments on t.DepartmentId equals d.Id
                where t.HouseholdId == household && MoveTasks.IntoTemporaryHome.Contains(t.Type)
                select new { Task = t, d.Code }).ToListAsync())
        .OrderBy(t => t.Task.IsClosed).ThenByDescending(t => t.Task.DueDate).Select(t => (t.Task, t.Code)).ToList());
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move-in has one defects list (seed 004), also when the household's first home is a housing association's, accepted
/// on the pipeline and never one of our units: the permanent home's (»Mangelliste til boligselskabet«), and the arrival
/// checklist's »Fejl- og mangelliste ved indflytning« closed as not needed, saying why, as a first move-in into one of our
/// permanent units closes it; made anew, waiting for a home, when that acceptance is undone. Before, the checklist's list
/// stayed open and waiting for a home the household would never have (found by the housing coordinator's review).
/// </summary>
public sealed class OneDefectsListAtAcceptedFirstHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    private static readonly TaskType[] DefectsLists = [TaskType.MoveInDefectsList, TaskType.PermanentHomeDefectsList];

    [Fact]
    public async Task AcceptedAsTheFirstHome_LeavesOnlyThePermanentHomesList_TheChecklistsClosedSayingWhy()
    {
        var household = await factory.RegisterSingleAsync("Foerstehjem");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        await housing.AcceptedOfferAsync(factory, household, "Kildevej 3", Today.AddDays(10));

        Assert.Equal(
            [
                (TaskType.MoveInDefectsList, CaseTaskStatus.NotNeeded, "Indflytningen i Kildevej 3 er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«."),
                (TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, null),
            ],
            (await ListsAsync(household)).Select(t => (t.Type, t.Status, t.NotNeededReason)));
    }

    [Fact]
    public async Task AcceptedFromATemporaryHome_TheChecklistsListStaysThatMoveInsOwn()
    {
        var household = await factory.RegisterSingleAsync("Midlfoerst");
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Foerstehjem Midlertidig 1"), household, Today);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        await housing.AcceptedOfferAsync(factory, household, "Kildevej 5", Today.AddDays(30));

        Assert.Equal(
            [(TaskType.MoveInDefectsList, CaseTaskStatus.Open, Today.AddDays(14)), (TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, Today.AddDays(44))],
            (await ListsAsync(household)).Select(t => (t.Type, t.Status, t.DueDate)));
    }

    [Fact]
    public async Task AcceptanceOfTheFirstHomeUndone_TheChecklistsListWaitsOpenForAHomeAgain_ThePermanentOneClosed()
    {
        var household = await factory.RegisterSingleAsync("Fortrydfoerste");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Kildevej 7", Today.AddDays(10));

        using var undone = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var lists = await ListsAsync(household);
        // As the checklist dates it from the arrival (today), waiting for a home: 14 days after the arrival.
        Assert.Equal([(TaskType.MoveInDefectsList, Today.AddDays(14), (Guid?)null)], lists.Where(t => !t.IsClosed).Select(t => (t.Type, t.DueDate, t.OccupancyId)));
        Assert.Equal(AgreedMoveTasks.AcceptanceUndoneReason.Text, lists.Single(t => t.Type == TaskType.PermanentHomeDefectsList).NotNeededReason);

        // Accepted again as its first home: closed again, one list for the move-in.
        using var again = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Today.AddDays(12)) }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal([TaskType.PermanentHomeDefectsList], (await ListsAsync(household)).Where(t => !t.IsClosed).Select(t => t.Type));
    }

    /// <summary>The household's defects lists, the checklist's first, then the closed before the open.</summary>
    private Task<List<CaseTask>> ListsAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && DefectsLists.Contains(t.Type)).ToListAsync())
        .OrderBy(t => t.Type).ThenBy(t => t.IsClosed ? 0 : 1).ToList());
}

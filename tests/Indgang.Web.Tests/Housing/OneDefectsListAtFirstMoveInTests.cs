using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move-in has one defects list (seed 004: "Ved indflytning i permanent bolig sikres det, at der er udført
/// mangelliste"). A household whose first home is one of our permanent units gets the permanent home's
/// (»Mangelliste til boligselskabet«), and the arrival checklist's »Fejl- og mangelliste ved indflytning« is closed as
/// not needed, saying why; its first home a temporary unit, the checklist's list is the one, 14 days after the move.
/// »Fortryd indflytning« of that permanent move-in gives the household back the checklist's list, waiting for the next
/// home. Before, the permanent move-in left both lists open (found by the housing coordinator's review).
/// </summary>
public sealed class OneDefectsListAtFirstMoveInTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    private static readonly TaskType[] DefectsLists = [TaskType.MoveInDefectsList, TaskType.PermanentHomeDefectsList];

    [Fact]
    public async Task FirstMoveIntoOurPermanentUnit_LeavesOnlyThePermanentHomesList_TheChecklistsClosedSayingWhy()
    {
        var household = await factory.RegisterSingleAsync("Enmangelliste");
        var unit = await factory.UnitOfItsOwnAsync("Mangel Permanent 1", isPermanent: true);

        await factory.MovedInAsync(unit, household, Today.AddDays(5));

        Assert.Equal(
            [
                (TaskType.MoveInDefectsList, CaseTaskStatus.NotNeeded, "Indflytningen i Mangel Permanent 1 er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«."),
                (TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, null),
            ],
            (await ListsAsync(household)).Select(t => (t.Type, t.Status, t.NotNeededReason)));
    }

    [Fact]
    public async Task FirstMoveIntoATemporaryUnit_LeavesOnlyTheChecklistsList_Due14DaysAfter()
    {
        var household = await factory.RegisterSingleAsync("Midlmangelliste");
        var unit = await factory.UnitOfItsOwnAsync("Mangel Midlertidig 1");

        await factory.MovedInAsync(unit, household, Today.AddDays(5));

        Assert.Equal(
            [(TaskType.MoveInDefectsList, CaseTaskStatus.Open, Today.AddDays(19))],
            (await ListsAsync(household)).Select(t => (t.Type, t.Status, t.DueDate)));
    }

    [Fact]
    public async Task FirstMoveIntoOurPermanentUnitUndone_TheChecklistsListWaitsOpenForTheNextHome_ThePermanentOneClosed()
    {
        var household = await factory.RegisterSingleAsync("Fortrydmangelliste");
        var unit = await factory.UnitOfItsOwnAsync("Mangel Permanent 2", isPermanent: true);
        await factory.MovedInAsync(unit, household, Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var undone = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var open = (await ListsAsync(household)).Where(t => !t.IsClosed).ToList();
        // As the checklist dates it from the arrival (today), waiting for a home: 14 days after the arrival.
        Assert.Equal([(TaskType.MoveInDefectsList, Today.AddDays(14), (Guid?)null)], open.Select(t => (t.Type, t.DueDate, t.OccupancyId)));

        // The next first move-in, into a temporary unit, takes it, as any first move-in does.
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Mangel Midlertidig 2"), household, Today.AddDays(7));
        Assert.Equal(
            [(TaskType.MoveInDefectsList, Today.AddDays(21))],
            (await ListsAsync(household)).Where(t => !t.IsClosed).Select(t => (t.Type, t.DueDate)));
    }

    /// <summary>The household's defects lists, the checklist's first, then by when they were made.</summary>
    private Task<List<CaseTask>> ListsAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && DefectsLists.Contains(t.Type)).ToListAsync())
        .OrderBy(t => t.Type).ThenBy(t => t.IsClosed ? 0 : 1).ToList());
}

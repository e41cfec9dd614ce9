using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household that has accepted a housing association's home as its first, moves into one of our temporary units before
/// that home's move day, and has that move-in called off while the acceptance stands, again has no home of ours before the
/// association's: its arrival checklist is as right after the acceptance, the lease, keys, house rules and defects list
/// closed as not needed for the association's home, one defects list open (the permanent home's), the start package
/// untouched; undoing the acceptance then brings them back. Before, the defects list the move-in made anew stayed open
/// beside the permanent home's (found by the housing coordinator's review).
/// </summary>
public sealed class MoveInAheadOfAcceptedHomeCalledOffTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly TaskType[] OfAFirstHome = [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction, TaskType.MoveInDefectsList];

    [Fact]
    public async Task MoveInAheadCalledOff_TheChecklistIsAsRightAfterTheAcceptance_AndTheUndoBringsItBack()
    {
        var household = await factory.RegisterSingleAsync("Aflystmellem");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Kildevej 51", Today.AddDays(30));
        var startPackage = await StartPackageAsync(household);
        var unit = await factory.UnitOfItsOwnAsync("Aflystmellem Midlertidig 1");
        await factory.MovedInAsync(unit, household, Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);

        using var calledOff = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        var tasks = await TasksAsync(household);
        Assert.DoesNotContain(tasks, t => !t.IsClosed && OfAFirstHome.Contains(t.Type));
        var defectsList = "Indflytningen i Kildevej 51 er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«.";
        Assert.All(tasks.Where(t => t.Type == TaskType.MoveInDefectsList), t => Assert.Equal((CaseTaskStatus.NotNeeded, defectsList), (t.Status, t.NotNeededReason)));
        Assert.Equal(
            [TaskType.PermanentHomeDefectsList],
            tasks.Where(t => !t.IsClosed && t.Type is TaskType.MoveInDefectsList or TaskType.PermanentHomeDefectsList).Select(t => t.Type));
        Assert.Equal(startPackage, await StartPackageAsync(household));

        using var undone = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var open = (await TasksAsync(household)).Where(t => !t.IsClosed && OfAFirstHome.Contains(t.Type)).ToList();
        Assert.Equal(OfAFirstHome.Order(), open.Select(t => t.Type).Order());
        Assert.All(open, t => Assert.Null(t.OccupancyId));
    }

    private Task<List<CaseTask>> TasksAsync(Guid household) => factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household).ToListAsync());

    private Task<List<(Guid, CaseTaskStatus, DateOnly)>> StartPackageAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && t.Type == TaskType.StartPackage).ToListAsync())
            .OrderBy(t => t.Id).Select(t => (t.Id, t.Status, t.DueDate)).ToList());
}

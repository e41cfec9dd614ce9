using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A department marks a task of an agreed move out done in the very moment the housing coordinator changes the move out,
/// between the page's checks and its save: the change is saved all the same (with the offer it belongs to, on the
/// pipeline), the task stays done, and the move out's other tasks follow the change.
/// </summary>
public sealed class MoveOutCallOffMeetsTaskTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task InspectionDoneAtTheMomentTheMoveOutIsCalledOff_CalledOff_TheInspectionStaysDone()
    {
        var today = Arrivals.Today;
        var unit = await factory.UnitOfItsOwnAsync("Samtidig udflytning");
        var household = await factory.RegisterSingleAsync("Samtidigsyn");
        await factory.MovedInAsync(unit, household, today.AddDays(-5));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";
        using (var moved = await housing.PostFormAsync($"{page}?handler=MoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(today.AddDays(30)), ["MoveOutTo"] = "OwnHome" }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var inspection = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.MoveOutInspection).Select(t => t.Id).SingleAsync());
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Occupancy>().Any(e => e.Entity.Id == stay && e.State == EntityState.Modified),
            () => factory.CompleteAsAsync(inspection, "teknik"));

        using var calledOff = await housing.PostFormAsync($"{page}?handler=CallOffMoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.True((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay))).IsCurrent);
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type)).ToListAsync());
        Assert.Equal(
            [(TaskType.LeaseTermination, CaseTaskStatus.NotNeeded), (TaskType.KeyReturn, CaseTaskStatus.NotNeeded), (TaskType.MoveOutInspection, CaseTaskStatus.Done)],
            tasks.OrderBy(t => t.Type).Select(t => (t.Type, t.Status)));
    }

    [Fact]
    public async Task KeysBackAtTheMomentTheMoveDateOfAnAcceptedOfferIsChanged_OfferStayAndOpenTasksMove_TheKeysStayDone()
    {
        var today = Arrivals.Today;
        var unit = await factory.UnitOfItsOwnAsync("Samtidig flyttedato");
        var household = await factory.RegisterSingleAsync("Samtidignøgler");
        await factory.MovedInAsync(unit, household, today.AddDays(-5));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Samtidigvej 2", today.AddDays(20));
        var keys = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.KeyReturn).Select(t => t.Id).SingleAsync());
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.Entity.Id == offer && e.State == EntityState.Modified),
            () => factory.CompleteAsAsync(keys, "sekretariat"));

        using var changed = await housing.PostFormAsync(
            "/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(today.AddDays(30)) }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(today.AddDays(30), await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.MoveDate).SingleAsync()));
        Assert.Equal(today.AddDays(30), await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.MovedOutOn).SingleAsync()));
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type)).ToListAsync());
        Assert.Equal(
            [(TaskType.LeaseTermination, CaseTaskStatus.Open, today.AddDays(30)), (TaskType.KeyReturn, CaseTaskStatus.Done, today.AddDays(20)), (TaskType.MoveOutInspection, CaseTaskStatus.Open, today.AddDays(30))],
            tasks.OrderBy(t => t.Type).Select(t => (t.Type, t.Status, t.DueDate)));
    }
}

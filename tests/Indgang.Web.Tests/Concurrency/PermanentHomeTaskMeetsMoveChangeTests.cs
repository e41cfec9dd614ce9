using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Jobberiet takes the defects list of an accepted permanent home in the very moment the housing coordinator moves the
/// move to another day, between the page's checks and its save: the change is saved all the same, the task stays
/// Jobberiet's and moves with the day (14 days after it, not on it), whether or not a temporary stay moves out too.
/// </summary>
public sealed class PermanentHomeTaskMeetsMoveChangeTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task DefectsListTakenAtTheMomentTheMoveDayChanges_FromATemporaryHome_IsStillTaken_AndFollowsTheNewDay()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Samtidig mangelliste", "Samtidigmangel", daysAgo: 10, gender: Gender.Male, firstName: "Ali");
        await ChangedWhileTakenAsync(household, "Samtidigvej 4");
    }

    [Fact]
    public async Task DefectsListTakenAtTheMomentTheMoveDayChanges_WithoutATemporaryHome_IsStillTaken_AndFollowsTheNewDay()
    {
        await ChangedWhileTakenAsync(await factory.RegisterSingleAsync("Samtidiguden"), "Samtidigvej 6");
    }

    private async Task ChangedWhileTakenAsync(Guid household, string address)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, address, Today.AddDays(20));
        var defects = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.PermanentHomeDefectsList).Select(t => t.Id).SingleAsync());
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.Entity.Id == offer && e.State == EntityState.Modified),
            () => factory.TakeAsAsync(defects, "koordinator"));

        using var changed = await housing.PostFormAsync(
            "/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Today.AddDays(30)) }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(Today.AddDays(30), await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.MoveDate).SingleAsync()));
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync());
        Assert.Equal(
            [(TaskType.PermanentHomeDefectsList, CaseTaskStatus.Taken, Today.AddDays(44)), (TaskType.PermanentHomeGuidance, CaseTaskStatus.Open, Today.AddDays(30))],
            tasks.OrderBy(t => t.Type).Select(t => (t.Type, t.Status, t.DueDate)));
    }
}

using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Jobberiet takes its help to register in the very moment the housing coordinator records the household's registration
/// or its move to a home of its own, between the page's checks and its save: saved all the same, and the help is done
/// (or not needed) rather than left taken.
/// </summary>
public sealed class RegistrationMeetsHelpTakenTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task HelpTakenAtTheMomentTheRegistrationIsRecorded_RegistrationSaved_HelpDone()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Samtidig hjælp", "Samtidighjælp", daysAgo: 3);
        var help = await HelpIdAsync(household);
        factory.BeforeNextSave(db => db.ChangeTracker.Entries<HousingRegistration>().Any(e => e.State == EntityState.Added), () => factory.TakeAsAsync(help, "koordinator"));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = "Samtidig Boligforening", ["RegisteredOn"] = Arrivals.Iso(Today),
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingRegistrations.CountAsync(r => r.HouseholdId == household)));
        Assert.Equal(CaseTaskStatus.Done, await factory.QueryAsync(db => db.Tasks.Where(t => t.Id == help).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task HelpTakenAtTheMomentTheMoveToItsOwnHomeIsRecorded_MoveSaved_HelpNotNeeded()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Samtidig egen bolig", "Samtidigegen", daysAgo: 3);
        var help = await HelpIdAsync(household);
        factory.BeforeNextSave(db => db.ChangeTracker.Entries<Occupancy>().Any(e => e.Entity.Id == stay && e.State == EntityState.Modified), () => factory.TakeAsAsync(help, "koordinator"));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";

        using var moved = await housing.PostFormAsync($"{page}?handler=MoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(Today.AddDays(10)), ["MoveOutTo"] = "OwnHome" }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(Today.AddDays(10), await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync()));
        Assert.Equal(
            (CaseTaskStatus.NotNeeded, RegistrationHelp.MovesOnReason.Text),
            await factory.QueryAsync(db => db.Tasks.Where(t => t.Id == help).Select(t => new ValueTuple<CaseTaskStatus, string?>(t.Status, t.NotNeededReason)).SingleAsync()));
    }

    private Task<Guid> HelpIdAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && MoveTasks.IntoTemporaryHome.Contains(t.Type)).Select(t => t.Id).SingleAsync());
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household that accepted an offer and moved into one of our permanent units has the move's guidance and defects list
/// from the acceptance (the move-in makes none twice). The acceptance undone (»Genåbn«), the household still moves into
/// our unit: the open tasks go to that stay, named with the unit and dated from its move-in, as the move-in would have
/// made them. Before, they were closed with the acceptance, and the stay had none (found by the housing coordinator's
/// review).
/// </summary>
public sealed class AcceptanceUndoneInOurPermanentUnitTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task AcceptanceUndone_WhileTheStayInOurPermanentUnitGoesOn_TheStayKeepsTheGuidanceAndTheDefectsList()
    {
        var household = await factory.RegisterSingleAsync("Genaabnpermanent");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Boligvej 7", Today.AddDays(10));
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Genaabn Permanent 1", isPermanent: true), household, Today.AddDays(8));
        var stay = await factory.StayOfAsync(household);

        using var reopened = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var tasks = await factory.QueryAsync(async db => (await db.Tasks.AsNoTracking()
            .Where(t => t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync()).OrderBy(t => t.Type).ToList());
        Assert.Equal(
            [
                (TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, Today.AddDays(22), (Guid?)stay, "Mangelliste til boligselskabet – Genaabn Permanent 1"),
                (TaskType.PermanentHomeGuidance, CaseTaskStatus.Open, Today.AddDays(8), stay, "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – Genaabn Permanent 1"),
            ],
            tasks.Select(t => (t.Type, t.Status, t.DueDate, t.OccupancyId, t.Title)));
    }

    [Fact]
    public async Task AcceptanceUndone_WithoutAStayInOurPermanentUnit_ClosesThemAsBefore()
    {
        var household = await factory.RegisterSingleAsync("Genaabnudenbolig");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Boligvej 9", Today.AddDays(10));

        using var reopened = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.All(
            await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync()),
            t => Assert.Equal((CaseTaskStatus.NotNeeded, "Accepten af boligtilbuddet er fortrudt."), (t.Status, t.NotNeededReason)));
    }
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household whose first home is a housing association's, accepted on the pipeline and never one of our units, rents
/// it from the association: the arrival checklist's lease and key hand-over (Sekretariatet's, for our homes, seed 001) and
/// its house-rules introduction (the move brings the guidance on the association's rules and house rules, seed 004) are
/// closed as not needed, saying why; the start package stays, given at the arrival whoever rents out the home. Made anew,
/// waiting for a home, when the acceptance is undone. Before, they stayed open, waiting for a home of ours that would
/// never come (found by the housing coordinator's review).
/// </summary>
public sealed class HomeTasksAtAcceptedFirstHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    private static readonly TaskType[] OfTheHome = [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction];

    [Fact]
    public async Task AcceptedAsTheFirstHome_ClosesLeaseKeysAndHouseRulesSayingWhy_KeepsTheStartPackage()
    {
        var household = await factory.RegisterSingleAsync("Selskabshjem");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        await housing.AcceptedOfferAsync(factory, household, "Kildevej 21", Today.AddDays(10));

        var tasks = await TasksAsync(household);
        const string reason = "Kildevej 21 lejes af boligselskabet, som laver lejekontrakten og udleverer nøglerne, og husordenen gennemgås i »Vejledning om boligselskabets regler og husorden, og hvor man henvender sig«.";
        Assert.Equal(
            OfTheHome.Select(type => (type, CaseTaskStatus.NotNeeded, (string?)reason)),
            tasks.Where(t => OfTheHome.Contains(t.Type)).Select(t => (t.Type, t.Status, t.NotNeededReason)));
        Assert.Equal([CaseTaskStatus.Open], tasks.Where(t => t.Type == TaskType.StartPackage).Select(t => t.Status));
    }

    [Fact]
    public async Task AcceptanceOfTheFirstHomeUndone_LeaseKeysAndHouseRulesWaitOpenForAHomeAgain()
    {
        var household = await factory.RegisterSingleAsync("Selskabfortryd");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Kildevej 23", Today.AddDays(10));

        using var undone = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var open = (await TasksAsync(household)).Where(t => !t.IsClosed && (OfTheHome.Contains(t.Type) || t.Type == TaskType.StartPackage)).ToList();
        // One of each, tied to no stay, as the checklist made them before the household had a home.
        Assert.Equal([TaskType.LeaseContract, TaskType.KeyHandover, TaskType.StartPackage, TaskType.HouseRulesIntroduction], open.Select(t => t.Type).Order());
        Assert.All(open, t => Assert.Null(t.OccupancyId));

        // Accepted again as its first home: closed again.
        using var again = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Today.AddDays(12)) }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.DoesNotContain(await TasksAsync(household), t => !t.IsClosed && OfTheHome.Contains(t.Type));
    }

    private Task<List<CaseTask>> TasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household).ToListAsync()).OrderBy(t => t.Type).ToList());
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// The lease the arrival checklist gives Sekretariatet before the household has a home: its card says it waits for a
/// home (not that it is overdue). Marked done before the household moves in, it counts for the first home: the move-in
/// makes no second lease task; that move-in undone, it waits open for the next. Before, the card said only »Overskredet«,
/// and the move-in made a second »Lejekontrakt« beside the one done (found by the housing coordinator's review).
/// </summary>
public sealed class TaskWaitingForHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ALeaseBeforeTheHouseholdHasAHome_SaysItWaitsForOne_AndDoneThenCountsForTheFirstHome()
    {
        var household = await factory.RegisterSingleAsync("Ventebolig");
        var lease = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract));
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");

        var card = Card(await secretariat.GetPageAsync($"/Tasks?Husstand={household}"), lease.Id);
        Assert.True(card.Contains("Venter på en bolig", StringComparison.Ordinal) && card.Contains("Husstanden har ingen bolig endnu.", StringComparison.Ordinal), card);
        Assert.DoesNotContain("Overskredet", card, StringComparison.Ordinal);

        using var done = await secretariat.PostFormAsync("/Tasks?handler=Complete", await LeaseTasks.CardFieldsAsync(secretariat, lease.Id), formPage: "/Tasks");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(CaseTaskStatus.Done, await factory.QueryAsync(db => db.Tasks.Where(t => t.Id == lease.Id).Select(t => t.Status).SingleAsync()));

        await factory.AddSingleRoomsAsync("Ventebolig", 1);
        await factory.MovedInAsync(await factory.UnitIdAsync("Ventebolig 1"), household, Arrivals.Today);

        Assert.Equal([lease.Id], await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract).Select(t => t.Id).ToListAsync()));
        // The keys, not done before, come with the move-in as ever, named with the home.
        Assert.Contains("Ventebolig 1", await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.KeyHandover).Select(t => t.Title).SingleAsync()), StringComparison.Ordinal);
    }

    /// <summary>
    /// The first move-in the early lease counted for is undone (»Fortryd indflytning«): the lease done was for a home that
    /// never came, so the household waits with an open one again, and the move-in to the unit chosen next takes it, named
    /// with that home. Before, the lease done still counted, and the real home got no »Lejekontrakt« (found by the housing
    /// coordinator's review).
    /// </summary>
    [Fact]
    public async Task ALeaseDoneBeforeAHome_WhoseMoveInIsUndone_NoLongerCounts_TheNextHomeGetsItsOwn()
    {
        var household = await factory.RegisterSingleAsync("Ventefortryd");
        var lease = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract));
        await factory.CompleteAsAsync(lease.Id, "sekretariat");
        var first = await factory.UnitOfItsOwnAsync("Ventefortryd 1");
        await factory.MovedInAsync(first, household, Arrivals.Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var undone = await housing.CallOffMoveInAsync(first, stay);
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Ventefortryd 2"), household, Arrivals.Today.AddDays(8));

        var next = await factory.StayOfAsync(household);
        var leases = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract).ToListAsync());
        Assert.Equal(CaseTaskStatus.Done, Assert.Single(leases, t => t.Id == lease.Id).Status);
        var own = Assert.Single(leases, t => !t.IsClosed);
        Assert.Equal(("Lejekontrakt – Ventefortryd 2", Arrivals.Today.AddDays(8), (Guid?)next), (own.Title, own.DueDate, own.OccupancyId));
    }

    /// <summary>The task's card on the page (its article), as read.</summary>
    private static string Card(string html, Guid task)
    {
        var start = html.IndexOf($"data-task-id=\"{task}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The task is not on the page.");
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)]);
    }
}

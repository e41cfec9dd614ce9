using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move out registered on the very day of a move-in still ahead puts the move-in right as one made today by mistake is:
/// no lease was made, so there is none to end, no keys to hand back and no unit to inspect. Before, the lease, keys and
/// house rules closed as not needed, while "Afslutning af lejekontrakt", "Aflevering af nøgler" and "Fraflytningssyn"
/// were created and left open (found by the housing coordinator's review).
/// </summary>
public sealed class MoveOutOnPlannedMoveInDayTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveOutOnTheDayOfAMoveInAhead_LeavesNoMoveOutTasks_AndClosesTheMoveInTasks()
    {
        var unit = await factory.UnitOfItsOwnAsync("Fraflyttet før indflytning 1");
        var household = await factory.RegisterSingleAsync("Aldrigindflyttet");
        var day = Today.AddDays(2);
        await factory.MovedInAsync(unit, household, day);
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut",
            new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(day), ["MoveOutTo"] = nameof(MoveOutDestination.LeftMunicipality) },
            formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.OccupancyId == stay).ToListAsync());
        Assert.DoesNotContain(tasks, t => MoveTasks.MoveOut.Contains(t.Type));
        Assert.All(tasks.Where(t => MoveTasks.MoveIn.Contains(t.Type)), t => Assert.Equal(CaseTaskStatus.NotNeeded, t.Status));
        Assert.Contains(tasks, t => MoveTasks.MoveIn.Contains(t.Type));
    }

    /// <summary>A lease signed on the move-in day is a lease to end: a move out that day still makes the move out's tasks.</summary>
    [Fact]
    public async Task MoveOutOnTheMoveInDay_AfterTheLeaseWasSigned_MakesTheMoveOutTasks()
    {
        var (_, _, stay) = await factory.HousedSingleAsync("Underskrevet samme dag 1", "Underskrevetsamme", daysAgo: 0);
        await factory.QueryAsync(async db =>
        {
            (await db.Tasks.SingleAsync(t => t.OccupancyId == stay && t.Type == TaskType.LeaseContract)).Complete("bolig", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, Today, MoveOutDestination.OtherMunicipalUnit);
            Assert.True(moved.Succeeded, moved.Error);
        }

        Assert.Equal(MoveTasks.MoveOut.Order(), await factory.QueryAsync(db => db.Tasks.Where(t => t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type)).Select(t => t.Type).OrderBy(t => t).ToListAsync()));
    }
}

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
/// A household in our temporary housing that moves into one of our permanent units has its first permanent home from us
/// (§ 12): Jobberiet's help to register with the housing associations is not needed any more, and it is needed again
/// when that move-in is called off while the household still lives in our temporary housing.
/// </summary>
public sealed class PermanentHomeEndsHelpTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MovedStraightIntoOurPermanentUnit_TheHelpToRegister_IsNotNeeded_WithTheReason()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Hjælpfri 1", "Permanentfri", daysAgo: 10);
        Assert.Equal(CaseTaskStatus.Open, Assert.Single(await HelpAsync(household)).Status);
        var permanent = await factory.UnitOfItsOwnAsync("Hjælpfri permanent 1", isPermanent: true);

        var moved = await MoveAsync(stay, permanent, Today);

        Assert.True(moved.Succeeded, moved.Error);
        var help = Assert.Single(await HelpAsync(household));
        Assert.Equal((CaseTaskStatus.NotNeeded, RegistrationHelp.PermanentHomeReason.ToString()), (help.Status, help.NotNeededReason));
    }

    [Fact]
    public async Task PermanentMoveInAhead_CalledOff_WhileStillInOurTemporaryHousing_TheHelpIsNeededAgain()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Hjælpfri 2", "Fortrydsen", daysAgo: 10);
        var permanent = await factory.UnitOfItsOwnAsync("Hjælpfri permanent 2", isPermanent: true);
        Assert.True((await MoveAsync(stay, permanent, Today.AddDays(14))).Succeeded);
        Assert.DoesNotContain(await HelpAsync(household), t => !t.IsClosed);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moveIn = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household && o.UnitId == permanent).Select(o => o.Id).SingleAsync());
            var coordinator = await factory.UserIdAsync("bolig");
            var calledOff = await scope.ServiceProvider.GetRequiredService<HousingMoves>().CallOffMoveInAsync(moveIn, coordinator);
            Assert.True(calledOff.Succeeded, calledOff.Error);
        }

        Assert.Equal(CaseTaskStatus.Open, Assert.Single(await HelpAsync(household), t => !t.IsClosed).Status);
    }

    private async Task<MoveResult> MoveAsync(Guid stay, Guid unit, DateOnly day)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveToAnotherUnitAsync(stay, unit, day);
    }

    private Task<List<CaseTask>> HelpAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.IntoTemporaryHome.Contains(t.Type)).ToListAsync());
}

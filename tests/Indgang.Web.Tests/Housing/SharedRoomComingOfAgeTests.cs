using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A shared room is for single adults, counted by their age on the move-in day (as the placement and the rent cap count
/// them), not today (HOUSE-2).
/// </summary>
public sealed class SharedRoomComingOfAgeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PlannedMoveIn_SeventeenTodayEighteenOnTheDay_MayHaveASharedRoom()
    {
        var today = Arrivals.Today;
        var household = await YoungSingleAsync("Myndigdagen", today.AddYears(-18).AddDays(10));
        var room = await factory.UnitOfItsOwnAsync("Myndig delt 1", beds: 2, shared: true);

        var moved = await factory.MoveInAsync(room, household, today.AddDays(20));

        Assert.True(moved.Succeeded, moved.Error);
    }

    [Fact]
    public async Task PlannedMoveIn_StillSeventeenOnTheDay_IsRefusedASharedRoom()
    {
        var today = Arrivals.Today;
        var household = await YoungSingleAsync("Umyndigdagen", today.AddYears(-18).AddDays(30));
        var room = await factory.UnitOfItsOwnAsync("Myndig delt 2", beds: 2, shared: true);

        var moved = await factory.MoveInAsync(room, household, today.AddDays(20));

        Assert.False(moved.Succeeded);
        Assert.Equal("Delte værelser er kun til enlige voksne.", moved.Error);
    }

    private Task<Guid> YoungSingleAsync(string lastName, DateOnly birthDate) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Ung", lastName, birthDate, Gender.Male, ResidenceBasis.QuotaRefugee)]));
}

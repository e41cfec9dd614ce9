using System.Net;
using Indgang.Domain.People;
using Indgang.Placement;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>A shared room (delebolig) is for one gender, also when someone already lives there.</summary>
public sealed class SharedRoomTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveIn_WomanIntoARoomWhereAManLives_IsRefusedBesideTheField_AManMayJoin()
    {
        var room = await EmptyRoomAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var man = await factory.RegisterSingleAsync("Delebolig", Gender.Male, "Karim");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(room, man, today);
            Assert.True(moved.Succeeded, moved.Error);
        }

        var woman = await factory.RegisterSingleAsync("Delebolig", Gender.Female, "Amina");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var refused = await housing.PostFormAsync($"/Housing/Units/{room}?handler=MoveIn", new Dictionary<string, string>
        {
            ["HouseholdId"] = woman.ToString(),
            ["MoveInOn"] = Arrivals.Iso(today),
        }, formPage: $"/Housing/Units/{room}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("I deleboligen bor allerede mænd; en delebolig er for ét køn.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == woman)));

        var secondMan = await factory.RegisterSingleAsync("Delebolig", Gender.Male, "Yusuf");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var joined = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(room, secondMan, today);
            Assert.True(joined.Succeeded, joined.Error);
        }
    }

    [Fact]
    public async Task Placement_RoomWhereAManLives_IsOfferedToMenOnly()
    {
        var room = await EmptyRoomAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var man = await factory.RegisterSingleAsync("Placering", Gender.Male, "Omar");
        var woman = await factory.RegisterSingleAsync("Placering", Gender.Female, "Sara");
        var resident = await factory.RegisterSingleAsync("Placering", Gender.Male, "Ali");
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(room, resident, today)).Succeeded);

        var request = await scope.ServiceProvider.GetRequiredService<PlacementRunner>().BuildAsync(new PlacementAsk([man, woman], today, [], [], null), CancellationToken.None);

        var unit = Assert.Single(request.Units, u => u.Id == room.ToString());
        Assert.Equal(PlacementGender.Male, unit.SharedWith);
        var result = PlacementOptimizer.Solve(request with { TimeLimit = TimeSpan.FromSeconds(2) });
        Assert.DoesNotContain(result.Suggestions, s => s.HouseholdId == woman.ToString() && s.UnitId == room.ToString());
        Assert.Empty(HardConstraints.Violations(request, new Dictionary<string, string> { [man.ToString()] = room.ToString() }));
        Assert.NotEmpty(HardConstraints.Violations(request, new Dictionary<string, string> { [woman.ToString()] = room.ToString() }));
    }

    /// <summary>The demo's shared room (two beds), with whoever a test before moved in moved out today.</summary>
    private async Task<Guid> EmptyRoomAsync()
    {
        var room = await factory.UnitIdAsync("Værelse 1");
        var residents = await factory.QueryAsync(db => db.Occupancies.Where(o => o.UnitId == room && o.MovedOutOn == null).Select(o => o.Id).ToListAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var occupancy in residents)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(occupancy, DateOnly.FromDateTime(DateTime.Now), Domain.Housing.MoveOutDestination.OtherMunicipalUnit)).Succeeded);
        }

        return room;
    }
}
